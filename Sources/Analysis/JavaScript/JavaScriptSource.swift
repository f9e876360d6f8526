import Foundation

/// A file's bytes with its line table: positions, snippets and the cooked values of string tokens.
struct JavaScriptSource: Sendable {
    /// The bytes.
    let bytes: [UInt8]
    /// The byte offset where each line starts.
    let lineStarts: [Int]

    /// Creates the table for some bytes.
    /// - Parameter bytes: The source.
    init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        bytes.withUnsafeBytes { raw in
            // `memchr` from line break to line break: far faster than testing each byte.
            guard let base = raw.baseAddress else { return }
            var index = 0
            while index < raw.count, let found = memchr(base + index, 0x0A, raw.count - index) {
                index = base.distance(to: UnsafeRawPointer(found)) + 1
                starts.append(index)
            }
        }
        self.lineStarts = starts
    }

    /// The 1-based line of a byte offset.
    func line(of offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }

    /// The 1-based line and column (in characters) of a byte offset.
    /// - Parameters:
    ///   - offset: The byte offset.
    ///   - cursor: A cache of the last answer, so increasing offsets on one long line cost linear time overall.
    /// - Returns: Line and column.
    func location(of offset: Int, cursor: inout Cursor) -> (line: Int, column: Int) {
        let line = line(of: offset)
        var from = lineStarts[line - 1], column = 1
        if cursor.line == line && cursor.offset <= offset {
            from = cursor.offset
            column = cursor.column
        }
        var index = from
        while index < offset && index < bytes.count {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        cursor = Cursor(offset: offset, line: line, column: column)
        return (line, column)
    }

    /// The last position answered by `location(of:cursor:)`.
    struct Cursor: Sendable {
        /// Its byte offset.
        var offset = 0
        /// Its line.
        var line = 0
        /// Its column.
        var column = 1
    }

    /// The source line around an offset, trimmed, at most about 160 characters (a window on long lines).
    func snippet(at offset: Int) -> String {
        let line = line(of: offset)
        let lineStart = lineStarts[line - 1]
        var lineEnd = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if lineEnd > lineStart && bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
        var start = max(lineStart, offset - 60)
        var end = min(lineEnd, max(offset, start) + 160 - (max(offset, start) - start))
        while start < end && start > lineStart && bytes[start] & 0xC0 == 0x80 { start += 1 }
        while end > start && end < lineEnd && bytes[end] & 0xC0 == 0x80 { end -= 1 }
        while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D) { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    /// Whether the bytes in a range (clamped to the file) are all ASCII.
    func isASCII(from start: Int, to end: Int) -> Bool {
        var index = max(0, start)
        while index < min(end, bytes.count) {
            if bytes[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }

    /// The raw text of a token.
    func text(_ token: JavaScriptToken) -> String {
        String(decoding: bytes[Int(token.start)..<Int(token.end)], as: UTF8.self)
    }

    /// The value of a number token written as at most 15 decimal digits without a leading zero (most numbers),
    /// read from its bytes: what `JavaScriptDecoding.number` gives for its text, without building the text. Nil for
    /// any other number.
    func plainNumber(_ token: JavaScriptToken) -> Double? {
        let start = Int(token.start), end = Int(token.end)
        guard start >= 0, end > start, end - start <= 15, end <= bytes.count else { return nil }
        if end - start > 1 && bytes[start] == 0x30 { return nil }
        var value: Double = 0
        for index in start..<end {
            let byte = bytes[index]
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            value = value * 10 + Double(byte - 0x30)
        }
        return value
    }

    /// The value of a string or template-part token with escapes decoded, and how many escapes stood for plain
    /// ASCII letters, digits or punctuation (a sign of names hidden in escapes).
    /// - Parameter token: A string, template or template-part token.
    /// - Returns: The cooked value and the count of such escapes.
    func cooked(_ token: JavaScriptToken) -> (value: String, plainEscapes: Int) {
        let start = Int(token.start) + 1
        var end = Int(token.end)
        let unterminated = token.flags & JavaScriptToken.unterminated != 0
        switch token.kind {
        case .string, .template, .templateTail:
            if !unterminated { end -= 1 }
        case .templateHead, .templateMiddle: end -= 2
        default: break
        }
        guard start < end else { return ("", 0) }
        if token.flags & JavaScriptToken.hasEscapes == 0 {
            return (String(decoding: bytes[start..<end], as: UTF8.self), 0)
        }
        return JavaScriptEscapes.decode(bytes[start..<end])
    }
}
