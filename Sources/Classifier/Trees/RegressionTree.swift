/// One regression tree of the boosted ensemble, stored as parallel arrays (compact in JSON, fast to walk).
///
/// Node 0 is the root. Every node keeps the value it would predict as a leaf, which path attribution needs.
struct RegressionTree: Sendable, Hashable, Codable {
    /// The split column of each node, or -1 for a leaf.
    var feature: [Int32]
    /// The split threshold: a value ≤ it goes left.
    var threshold: [Float]
    /// The left child of each node (-1 for a leaf).
    var left: [Int32]
    /// The right child of each node (-1 for a leaf).
    var right: [Int32]
    /// The value of each node (shrinkage applied).
    var value: [Float]

    /// An empty tree.
    init() {
        feature = []
        threshold = []
        left = []
        right = []
        value = []
    }

    /// The node count.
    var nodeCount: Int { feature.count }

    /// Whether the arrays agree and every child index points forward inside the tree (so a walk always ends).
    var isWellFormed: Bool {
        let count = feature.count
        guard count > 0, threshold.count == count, left.count == count, right.count == count, value.count == count
        else { return false }
        for node in 0..<count where feature[node] >= 0 {
            let children = [Int(left[node]), Int(right[node])]
            guard children.allSatisfy({ $0 > node && $0 < count }) else { return false }
        }
        return true
    }

    /// The prediction for a dense feature vector.
    /// - Parameter features: Values by column.
    /// - Returns: The leaf value.
    func predict(_ features: [Float]) -> Float {
        var node = 0
        while feature[node] >= 0 {
            let column = Int(feature[node])
            let x = column < features.count ? features[column] : 0
            node = Int(x <= threshold[node] ? left[node] : right[node])
        }
        return value[node]
    }

    /// Path attribution (Saabas): walking from the root to the leaf, each split's change of node value is credited to
    /// its column.
    ///
    /// The root value plus the credits equals the prediction.
    /// - Parameters:
    ///   - features: Values by column.
    ///   - credits: Credits by column, added to.
    /// - Returns: The root value (the tree's part of the bias).
    func attribute(_ features: [Float], into credits: inout [Int: Double]) -> Double {
        var node = 0
        while feature[node] >= 0 {
            let column = Int(feature[node])
            let x = column < features.count ? features[column] : 0
            let next = Int(x <= threshold[node] ? left[node] : right[node])
            credits[column, default: 0] += Double(value[next]) - Double(value[node])
            node = next
        }
        return Double(value[0])
    }

    /// Appends a node and returns its index.
    /// - Parameter nodeValue: The node's value.
    /// - Returns: The index.
    mutating func appendLeaf(_ nodeValue: Float) -> Int {
        feature.append(-1)
        threshold.append(0)
        left.append(-1)
        right.append(-1)
        value.append(nodeValue)
        return feature.count - 1
    }
}
