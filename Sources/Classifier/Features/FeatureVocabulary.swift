/// The features a model knows, in column order: those seen in enough training packages.
struct FeatureVocabulary: Sendable {
    /// The keys, by column.
    let keys: [FeatureKey]
    /// The column of each key (insertion index = column).
    private let table: KeyTable

    /// Creates a vocabulary from distinct keys in column order.
    /// - Parameter keys: The keys.
    init(keys: [FeatureKey]) {
        self.keys = keys
        var table = KeyTable(capacity: keys.count)
        for key in keys { table.insert(key) }
        self.table = table
    }

    /// The column of a key.
    /// - Parameter key: The key.
    /// - Returns: The column, or nil when the model does not know the feature.
    func column(of key: FeatureKey) -> Int? { table.index(of: key) }

    /// Builds the vocabulary from training extractions: every feature present in at least `minimumCount` of them,
    /// sorted by key so that the column order never depends on hashing.
    /// - Parameters:
    ///   - extractions: The training packages' features.
    ///   - minimumCount: The smallest number of packages a feature must occur in.
    /// - Returns: The vocabulary.
    static func build(from extractions: [FeatureExtractor.Extraction], minimumCount: Int) -> FeatureVocabulary {
        var seen = KeyTable(capacity: 4_096)
        var counts: [Int] = []
        for extraction in extractions {
            for key in extraction.keys {
                let (index, inserted) = seen.insert(key)
                if inserted { counts.append(1) } else { counts[index] += 1 }
            }
        }
        let keys = zip(seen.keys, counts).filter { $0.1 >= max(1, minimumCount) }.map(\.0).sorted()
        return FeatureVocabulary(keys: keys)
    }

    /// The column count.
    var count: Int { keys.count }

    /// The dense vector of an extraction's values (unknown features dropped).
    /// - Parameter extraction: The features.
    /// - Returns: Values by column.
    func dense(_ extraction: FeatureExtractor.Extraction) -> [Float] {
        var features = [Float](repeating: 0, count: keys.count)
        for (key, value) in zip(extraction.keys, extraction.values) {
            if let column = table.index(of: key) { features[column] = value }
        }
        return features
    }

    /// The stable feature names, by column.
    var names: [String] { keys.map(\.name) }

    /// A sparse row of one package's features (columns ascending; unknown features dropped).
    /// - Parameter extraction: The package's features.
    /// - Returns: The row.
    func row(_ extraction: FeatureExtractor.Extraction) -> SparseRow {
        var entries: [(Int32, Float)] = []
        entries.reserveCapacity(extraction.keys.count)
        for (key, value) in zip(extraction.keys, extraction.values) {
            if let column = table.index(of: key) { entries.append((Int32(column), value)) }
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
