/// Training rows with every non-zero value replaced by its bin, for histogram-based boosting.
///
/// Bin 0 means "≤ 0" (absent); bins 1 and up cover the positive values between quantile cut points.
struct BinnedMatrix: Sendable {
    /// Where each row's entries start in `columns`/`bins` (count + 1 entries).
    let rowStarts: [Int]
    /// Entry columns, ascending within a row.
    let columns: [Int32]
    /// Entry bins (≥ 1).
    let bins: [UInt8]
    /// The column count.
    let columnCount: Int
    /// Cut points of each column: a positive value v falls in bin 1 + (number of cuts < v).
    let cuts: [[Float]]
    /// Column-major copy: where each column's entries start in `columnRows`/`columnBins` (columnCount + 1).
    let columnStarts: [Int]
    /// The row of each column-major entry, ascending within a column.
    let columnRows: [Int32]
    /// The bin of each column-major entry.
    let columnBins: [UInt8]

    /// The row count.
    var rowCount: Int { rowStarts.count - 1 }

    /// Bins sparse rows, choosing at most `maxBins` bins per column at quantiles of the positive values.
    /// - Parameters:
    ///   - rows: The rows.
    ///   - columnCount: The column count.
    ///   - maxBins: The most bins per column (2...255), bin 0 included.
    init(rows: [SparseRow], columnCount: Int, maxBins: Int) {
        let maxBins = min(max(maxBins, 2), 255)
        var valuesByColumn = [[Float]](repeating: [], count: columnCount)
        for row in rows {
            for (column, value) in zip(row.columns, row.values) where value > 0 {
                valuesByColumn[Int(column)].append(value)
            }
        }
        let cuts = valuesByColumn.map { Self.cutPoints($0, maxCuts: maxBins - 2) }
        var rowStarts = [0]
        var columns: [Int32] = []
        var bins: [UInt8] = []
        for row in rows {
            for (column, value) in zip(row.columns, row.values) where value > 0 {
                columns.append(column)
                bins.append(UInt8(Self.bin(of: value, cuts: cuts[Int(column)])))
            }
            rowStarts.append(columns.count)
        }
        self.rowStarts = rowStarts
        self.columns = columns
        self.bins = bins
        self.columnCount = columnCount
        self.cuts = cuts
        var columnStarts = [Int](repeating: 0, count: columnCount + 1)
        for column in columns { columnStarts[Int(column) + 1] += 1 }
        for column in 0..<columnCount { columnStarts[column + 1] += columnStarts[column] }
        var fill = columnStarts
        var columnRows = [Int32](repeating: 0, count: columns.count)
        var columnBins = [UInt8](repeating: 0, count: columns.count)
        for row in 0..<(rowStarts.count - 1) {
            for entry in rowStarts[row]..<rowStarts[row + 1] {
                let column = Int(columns[entry])
                columnRows[fill[column]] = Int32(row)
                columnBins[fill[column]] = bins[entry]
                fill[column] += 1
            }
        }
        self.columnStarts = columnStarts
        self.columnRows = columnRows
        self.columnBins = columnBins
    }

    /// The bin of a value.
    /// - Parameters:
    ///   - value: The value.
    ///   - cuts: The column's cut points.
    /// - Returns: 0 for values ≤ 0, else 1 + the number of cuts below the value.
    static func bin(of value: Float, cuts: [Float]) -> Int {
        guard value > 0 else { return 0 }
        var low = 0
        var high = cuts.count
        while low < high {
            let middle = (low + high) / 2
            if cuts[middle] < value { low = middle + 1 } else { high = middle }
        }
        return 1 + low
    }

    /// The raw-value threshold of the split "bin ≤ t goes left": a value goes left when it is ≤ the threshold.
    /// - Parameters:
    ///   - column: The column.
    ///   - bin: The last bin on the left.
    /// - Returns: The threshold.
    func threshold(column: Int, bin: Int) -> Float {
        bin <= 0 ? 0 : cuts[column][bin - 1]
    }

    /// The bin of a column in a row (0 when the row has no value there).
    /// - Parameters:
    ///   - row: The row.
    ///   - column: The column.
    /// - Returns: The bin.
    func bin(row: Int, column: Int32) -> Int {
        var low = rowStarts[row]
        var high = rowStarts[row + 1]
        while low < high {
            let middle = (low + high) / 2
            if columns[middle] < column { low = middle + 1 } else { high = middle }
        }
        return low < rowStarts[row + 1] && columns[low] == column ? Int(bins[low]) : 0
    }

    // MARK: - Private

    /// Cut points at quantiles of the positive values: midpoints between neighbouring distinct values.
    private static func cutPoints(_ values: [Float], maxCuts: Int) -> [Float] {
        guard !values.isEmpty, maxCuts > 0 else { return [] }
        let sorted = values.sorted()
        var distinct: [(value: Float, count: Int)] = []
        for value in sorted {
            if let last = distinct.last, last.value == value {
                distinct[distinct.count - 1].count += 1
            } else {
                distinct.append((value, 1))
            }
        }
        guard distinct.count > 1 else { return [] }
        if distinct.count - 1 <= maxCuts {
            return (0..<(distinct.count - 1)).map { (distinct[$0].value + distinct[$0 + 1].value) / 2 }
        }
        let perBin = Double(sorted.count) / Double(maxCuts + 1)
        var cuts: [Float] = []
        var cumulative = 0
        var target = perBin
        for index in 0..<(distinct.count - 1) {
            cumulative += distinct[index].count
            if Double(cumulative) >= target, cuts.count < maxCuts {
                cuts.append((distinct[index].value + distinct[index + 1].value) / 2)
                target = Double(cumulative) + perBin
            }
        }
        return cuts
    }
}
