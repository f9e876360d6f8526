/// A plain-text table whose columns are padded to the widest cell.
///
/// The last column is never padded, so no line ends in spaces. Widths count `Character`s (grapheme clusters).
struct TextTable {
    /// One row: its cells and an optional colour applied to the first cell after padding.
    struct Row {
        /// The cells, one per column.
        var cells: [String]
        /// The ANSI style for the first cell, if any.
        var style: ANSIStyle?
    }

    /// The header cells.
    let header: [String]
    /// The body rows.
    private(set) var rows: [Row] = []

    /// Creates a table.
    /// - Parameter header: The column headings.
    init(header: [String]) {
        self.header = header
    }

    /// Adds a row.
    /// - Parameters:
    ///   - cells: The cells; missing cells are empty.
    ///   - style: The colour of the first cell.
    mutating func append(_ cells: [String], style: ANSIStyle? = nil) {
        rows.append(Row(cells: cells, style: style))
    }

    /// The widths of every column but the last.
    var widths: [Int] {
        var widths = header.map(\.count)
        for row in rows {
            for (index, cell) in row.cells.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        return widths
    }

    /// Renders one row with the table's widths.
    /// - Parameters:
    ///   - row: The row.
    ///   - widths: The column widths, from `widths`.
    ///   - colour: Whether to apply the row's style.
    ///   - indent: Text before the first cell.
    /// - Returns: The line, without a newline.
    func line(_ row: Row, widths: [Int], colour: Bool, indent: String = "") -> String {
        var line = indent
        let count = header.count
        for index in 0..<count {
            let cell = index < row.cells.count ? row.cells[index] : ""
            let last = index == count - 1
            var text = last ? cell : cell + String(repeating: " ", count: max(0, widths[index] - cell.count))
            if index == 0, colour, let style = row.style {
                // Colour only the cell's text, not the padding, so widths stay right.
                let padding = String(text.dropFirst(cell.count))
                text = style.apply(cell) + padding
            }
            line += text
            if !last { line += "  " }
        }
        while line.hasSuffix(" ") { line.removeLast() }
        return line
    }

    /// Renders the header and every row.
    /// - Parameters:
    ///   - colour: Whether to apply row styles.
    ///   - indent: Text before each line.
    /// - Returns: The lines, each ending in a newline.
    func render(colour: Bool, indent: String = "") -> String {
        let widths = widths
        var out = line(Row(cells: header, style: nil), widths: widths, colour: false, indent: indent) + "\n"
        for row in rows { out += line(row, widths: widths, colour: colour, indent: indent) + "\n" }
        return out
    }
}
