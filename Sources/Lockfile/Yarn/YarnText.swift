import Foundation
import LockgateCore

/// One physical line of a yarn lockfile: its number, byte range (without the line break) and indentation.
struct YarnLine: Sendable {
    /// The 1-based line number.
    var number: Int
    /// The byte offset of the line's first byte.
    var start: Int
    /// The byte offset just past the line's last byte, before `\r\n` or `\n`.
    var end: Int
    /// The byte offset of the first byte that is not a space (`end` for a blank line).
    var contentStart: Int

    /// The number of leading spaces.
    var indent: Int { contentStart - start }
}

/// The UTF-8 bytes of a yarn lockfile with the line, string and error helpers both yarn readers share.
struct YarnText: Sendable {
    /// The deepest nesting of maps either reader accepts; yarn writes at most three levels.
    static let maxDepth = 16

    /// The text's bytes (a leading BOM removed).
    let bytes: [UInt8]
    /// The lockfile path, for errors.
    let path: String

    /// Decodes and checks a lockfile's bytes.
    /// - Parameters:
    ///   - data: The file's bytes.
    ///   - path: The path, for errors.
    /// - Throws: `LockfileError` for binary data or an empty file.
    init(data: Data, path: String) throws(LockfileError) {
        let text = try TextDecoding.utf8(data, path: path)
        bytes = Array(text.utf8)
        self.path = path
        if !bytes.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) {
            throw LockfileError(path: path, line: 1, column: 1, message: "empty file; expected a yarn lockfile")
        }
    }

    /// Calls `body` for every line that is neither blank nor a `#` comment.
    /// - Parameter body: Receives each line; may throw to stop.
    /// - Throws: `LockfileError` from `body`, or for a tab in a line's indentation.
    func forEachContentLine(_ body: (YarnLine) throws(LockfileError) -> Void) throws(LockfileError) {
        var number = 0
        var start = 0
        let count = bytes.count
        while start < count {
            number += 1
            var end = start
            while end < count && bytes[end] != 0x0A { end += 1 }
            let next = end + 1
            if end > start && bytes[end - 1] == 0x0D { end -= 1 }
            var content = start
            while content < end && bytes[content] == 0x20 { content += 1 }
            let line = YarnLine(number: number, start: start, end: end, contentStart: content)
            if content < end && bytes[content] == 0x09 {
                throw error("a tab in indentation; expected spaces", line: line, at: content)
            }
            if content < end && bytes[content] != 0x23 { try body(line) }
            start = next
        }
    }

    /// The error at a byte offset of a line.
    /// - Parameters:
    ///   - message: What was wrong and what was expected.
    ///   - line: The line.
    ///   - offset: The byte offset within the text.
    /// - Returns: The error with its line and column.
    func error(_ message: String, line: YarnLine, at offset: Int) -> LockfileError {
        LockfileError(path: path, location: location(line: line, at: offset), message: message)
    }

    /// The 1-based line and column of a byte offset in a line.
    /// - Parameters:
    ///   - line: The line.
    ///   - offset: The byte offset within the text.
    /// - Returns: The location; columns count Unicode scalars.
    func location(line: YarnLine, at offset: Int) -> SourceLocation {
        var column = 1
        var index = line.start
        let stop = min(offset, bytes.count)
        while index < stop {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return SourceLocation(line: line.number, column: column)
    }

    /// The text of a byte range.
    /// - Parameter range: The byte range.
    /// - Returns: The decoded string.
    func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// The offset of the first non-space byte at or after `offset`, at most `end`.
    func skipSpaces(from offset: Int, to end: Int) -> Int {
        var index = offset
        while index < end && bytes[index] == 0x20 { index += 1 }
        return index
    }

    /// The offset just past trailing spaces removed from `start..<end`.
    func trimEnd(_ start: Int, _ end: Int) -> Int {
        var index = end
        while index > start && bytes[index - 1] == 0x20 { index -= 1 }
        return index
    }
}
