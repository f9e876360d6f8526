/// QWERTY key neighbours: a substitution or insertion of a neighbouring key is a plausible slip of the finger,
/// while other single-letter differences (`css`/`csv`, `get`/`set`) usually mean a different word.
enum Keyboard {
    /// Whether two ASCII bytes are on the same or neighbouring keys (lowercase letters, digits, `-`).
    static func adjacent(_ a: UInt8, _ b: UInt8) -> Bool {
        guard let first = position[a], let second = position[b] else { return false }
        // Rows are staggered by about half a key, so a key touches its left/right neighbours on the same row and
        // the two keys above (same index and index + 1) and below (same index and index - 1).
        switch first.row - second.row {
        case 0: return abs(first.column - second.column) <= 1
        case 1: return second.column - first.column == 0 || second.column - first.column == 1
        case -1: return first.column - second.column == 0 || first.column - second.column == 1
        default: return false
        }
    }

    // MARK: - Private

    private static let rows = ["1234567890-", "qwertyuiop", "asdfghjkl", "zxcvbnm"]

    private static let position: [UInt8: (row: Int, column: Int)] = {
        var table: [UInt8: (row: Int, column: Int)] = [:]
        for (row, keys) in rows.enumerated() {
            for (column, key) in keys.utf8.enumerated() { table[key] = (row, column) }
        }
        return table
    }()
}
