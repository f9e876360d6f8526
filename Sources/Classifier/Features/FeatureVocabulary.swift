/// The features a model knows, in column order: those seen in enough training packages.
struct FeatureVocabulary: Sendable {
    /// The keys, by column.
    let keys: [FeatureKey]
    /// The column of each key.
    let columns: [FeatureKey: Int]

    /// Creates a vocabulary from keys in column order.
    /// - Parameter keys: The keys.
    init(keys: [FeatureKey]) {
        self.keys = keys
        var columns: [FeatureKey: Int] = [:]
        columns.reserveCapacity(keys.count)
        for (index, key) in keys.enumerated() { columns[key] = index }
        self.columns = columns
    }

    /// Builds the vocabulary from training extractions: every feature present in at least `minimumCount` of them,
    /// sorted by key so that the column order never depends on hashing.
    /// - Parameters:
    ///   - extractions: The training packages' features.
    ///   - minimumCount: The smallest number of packages a feature must occur in.
    /// - Returns: The vocabulary.
    static func build(from extractions: [FeatureExtractor.Extraction], minimumCount: Int) -> FeatureVocabulary {
        var counts: [FeatureKey: Int] = [:]
        for extraction in extractions {
            for key in extraction.values.keys { counts[key, default: 0] += 1 }
        }
        let keys = counts.filter { $0.value >= max(1, minimumCount) }.keys.sorted()
        return FeatureVocabulary(keys: keys)
    }

    /// The column count.
    var count: Int { keys.count }

    /// The stable feature names, by column.
    var names: [String] { keys.map(\.name) }

    /// A sparse row of one package's features (columns ascending; unknown features dropped).
    /// - Parameter extraction: The package's features.
    /// - Returns: The row.
    func row(_ extraction: FeatureExtractor.Extraction) -> SparseRow {
        var entries: [(Int32, Float)] = []
        entries.reserveCapacity(extraction.values.count)
        for (key, value) in extraction.values {
            if let column = columns[key] { entries.append((Int32(column), value)) }
        }
        entries.sort { $0.0 < $1.0 }
        return SparseRow(columns: entries.map(\.0), values: entries.map(\.1))
    }
}

/// One package's features as a sparse row: ascending columns and their non-zero values.
struct SparseRow: Sendable, Hashable {
    /// Columns, ascending.
    var columns: [Int32]
    /// Values, by position in `columns`.
    var values: [Float]

    /// The value in a column (0 when absent).
    /// - Parameter column: The column.
    /// - Returns: The value.
    func value(at column: Int) -> Float {
        var low = 0
        var high = columns.count
        let target = Int32(column)
        while low < high {
            let middle = (low + high) / 2
            if columns[middle] < target { low = middle + 1 } else { high = middle }
        }
        return low < columns.count && columns[low] == target ? values[low] : 0
    }

    /// The row as a dense vector of `width` values.
    /// - Parameter width: The column count.
    /// - Returns: The dense values.
    func dense(width: Int) -> [Float] {
        var result = [Float](repeating: 0, count: width)
        for (column, value) in zip(columns, values) where Int(column) < width { result[Int(column)] = value }
        return result
    }
}
