import Foundation
import LockgateCore

/// Reads TOML 1.0 documents, keeping the 1-based line and column of every key and value.
///
/// Dates and times are kept as written (`TOMLValue.Kind.dateTime`). Arrays and inline tables nested deeper than
/// `maxDepth` are an error rather than a stack overflow.
package struct TOMLParser: Sendable {
    /// The default limit on nested arrays and inline tables, and on the parts of one dotted key.
    package static let defaultMaxDepth = 256

    /// The lockfile path, for errors.
    package var path: String
    /// The deepest nesting of arrays and inline tables allowed.
    package var maxDepth: Int

    /// Creates a parser.
    /// - Parameters:
    ///   - path: The lockfile path as given, used in errors.
    ///   - maxDepth: The deepest nesting of arrays and inline tables allowed.
    package init(path: String, maxDepth: Int = TOMLParser.defaultMaxDepth) {
        self.path = path
        self.maxDepth = maxDepth
    }

    /// Parses a TOML document from bytes, rejecting binary input.
    /// - Parameter data: The file's bytes (UTF-8; a leading BOM is dropped).
    /// - Returns: The root table.
    /// - Throws: `LockfileError` with line and column at the first byte that is not valid TOML.
    package func parse(_ data: Data) throws(LockfileError) -> TOMLTable {
        let text = try TextDecoding.utf8(data, path: path)
        return try parse(bytes: Array(text.utf8))
    }

    /// Parses a TOML document from UTF-8 text already checked to be text.
    /// - Parameter bytes: The UTF-8 bytes.
    /// - Returns: The root table.
    /// - Throws: `LockfileError` with line and column at the first byte that is not valid TOML.
    package func parse(bytes: [UInt8]) throws(LockfileError) -> TOMLTable {
        var reader = TOMLReader(cursor: TOMLCursor(bytes: bytes, path: path), maxDepth: maxDepth)
        return try reader.document()
    }
}

/// The state of one parse: the cursor, the table tree being built and the current nesting depth.
struct TOMLReader {
    var cursor: TOMLCursor
    var builder: TOMLTableBuilder
    let maxDepth: Int
    var depth = 0

    init(cursor: TOMLCursor, maxDepth: Int) {
        self.cursor = cursor
        self.builder = TOMLTableBuilder(path: cursor.path)
        self.maxDepth = maxDepth
    }

    /// Reads the whole document: key/value pairs, `[table]` and `[[array]]` headers.
    mutating func document() throws(LockfileError) -> TOMLTable {
        var table = TOMLTableBuilder.root
        while true {
            try cursor.skipBlankLines()
            guard let byte = cursor.current else { break }
            if byte == UInt8(ascii: "[") {
                table = try header()
                try cursor.expectLineEnd(after: "a table header")
            } else {
                try keyValue(into: table)
                try cursor.expectLineEnd(after: "a key/value pair")
            }
        }
        return builder.freeze(TOMLTableBuilder.root)
    }

    /// Reads `key = value` and adds it to a table.
    mutating func keyValue(into table: Int) throws(LockfileError) {
        let keys = try dottedKey()
        cursor.skipSpaces()
        guard cursor.current == UInt8(ascii: "=") else {
            throw cursor.error(
                "expected `=` after the key `\(keys.map(\.text).joined(separator: "."))`, "
                    + "found \(cursor.describeCurrent)")
        }
        cursor.advance()
        cursor.skipSpaces()
        let value = try self.value()
        try builder.insert(keys, value: value, into: table)
    }

    // MARK: - Private

    /// Reads `[a.b]` or `[[a.b]]` and returns the table the following pairs go into.
    private mutating func header() throws(LockfileError) -> Int {
        let location = cursor.location()
        let isArray = cursor.peek(1) == UInt8(ascii: "[")
        cursor.advance(isArray ? 2 : 1)
        cursor.skipSpaces()
        let keys = try dottedKey()
        cursor.skipSpaces()
        let closing: StaticString = isArray ? "]]" : "]"
        guard cursor.starts(with: closing) else {
            throw cursor.error("expected `\(closing)` to close the table header, found \(cursor.describeCurrent)")
        }
        cursor.advance(isArray ? 2 : 1)
        if isArray { return try builder.appendTable(keys, at: location) }
        return try builder.defineTable(keys, at: location)
    }
}
