import Foundation

/// An ensemble of regression trees boosted on the logistic loss; its output is a margin (log-odds).
struct GradientBoostedTrees: Sendable, Hashable, Codable {
    /// The starting margin (the weighted log-odds of the training labels).
    var baseMargin: Float
    /// The trees.
    var trees: [RegressionTree]

    /// Trains an ensemble.
    /// - Parameters:
    ///   - matrix: The binned training rows.
    ///   - labels: Whether each row is malicious.
    ///   - weights: Each row's weight (mean about 1).
    ///   - parameters: The hyper-parameters.
    ///   - generator: The random stream for row and column sampling.
    /// - Returns: The ensemble.
    static func train(
        matrix: BinnedMatrix, labels: [Bool], weights: [Double], parameters: BoostingParameters,
        generator: inout SeededGenerator
    ) -> GradientBoostedTrees {
        let count = matrix.rowCount
        let positive = zip(labels, weights).reduce(0.0) { $0 + ($1.0 ? $1.1 : 0) }
        let total = max(weights.reduce(0, +), 1e-12)
        let prior = min(max(positive / total, 1e-6), 1 - 1e-6)
        let base = log(prior / (1 - prior))
        var margins = [Double](repeating: base, count: count)
        var gradients = [Double](repeating: 0, count: count)
        var hessians = [Double](repeating: 0, count: count)
        var trees: [RegressionTree] = []
        let grower = TreeGrower(matrix: matrix, parameters: parameters)
        for _ in 0..<max(parameters.trees, 0) {
            for row in 0..<count {
                let p = 1 / (1 + exp(-margins[row]))
                let y = labels[row] ? 1.0 : 0.0
                gradients[row] = weights[row] * (p - y)
                hessians[row] = weights[row] * max(p * (1 - p), 1e-6)
            }
            var sampled = [Bool](repeating: true, count: count)
            if parameters.rowSample < 1 {
                for row in 0..<count { sampled[row] = generator.nextUnit() < parameters.rowSample }
            }
            var columns: [Int] = []
            for column in 0..<matrix.columnCount
            where parameters.columnSample >= 1 || generator.nextUnit() < parameters.columnSample {
                columns.append(column)
            }
            let grown = grower.grow(gradients: gradients, hessians: hessians, sampled: sampled, columns: columns)
            let tree = grown.tree
            for row in 0..<count { margins[row] += Double(tree.value[Int(grown.leaves[row])]) }
            trees.append(tree)
        }
        return GradientBoostedTrees(baseMargin: Float(base), trees: trees)
    }

    /// The margin for a dense feature vector.
    /// - Parameter features: Values by column.
    /// - Returns: The log-odds.
    func margin(_ features: [Float]) -> Double {
        var sum = Double(baseMargin)
        for tree in trees { sum += Double(tree.predict(features)) }
        return sum
    }

    /// Path attribution of the margin: the bias (base margin plus every root value) and each column's credit.
    /// - Parameter features: Values by column.
    /// - Returns: The bias and the credits; bias + credits = margin.
    func attribute(_ features: [Float]) -> (bias: Double, credits: [Int: Double]) {
        var credits: [Int: Double] = [:]
        var bias = Double(baseMargin)
        for tree in trees { bias += tree.attribute(features, into: &credits) }
        return (bias, credits)
    }

    /// The columns any tree splits on, ascending.
    var usedColumns: [Int] { Set(trees.flatMap(\.feature).filter { $0 >= 0 }.map(Int.init)).sorted() }

    /// The same ensemble with split columns renumbered.
    /// - Parameter newColumn: The new number of each old column that a tree uses.
    /// - Returns: The renumbered ensemble.
    func renumbered(_ newColumn: [Int: Int]) -> GradientBoostedTrees {
        var copy = self
        for index in copy.trees.indices {
            copy.trees[index].feature = copy.trees[index].feature.map { $0 < 0 ? $0 : Int32(newColumn[Int($0)] ?? -1) }
        }
        return copy
    }

    /// The largest column index any tree splits on (-1 for none).
    var maxColumn: Int { trees.lazy.flatMap(\.feature).max().map(Int.init) ?? -1 }
}
