import LockgateCore

/// A position in TOML source bytes that tracks the current line, so values get their line and column in one pass.
struct TOMLCursor {
    /// The UTF-8 source.
    let bytes: [UInt8]
    /// The lockfile path, for errors.
    let path: String
    /// The offset of the next byte to read.
    private(set) var offset = 0
    /// The 1-based current line.
    private(set) var line = 1
    /// The offset where the current line starts.
    private var lineStart = 0
    /// A column already counted on the current line, so columns cost O(1) amortised while reading forward.
    private var cachedOffset = 0
    private var cachedColumn = 1

    /// Creates a cursor at the start of the bytes.
    init(bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
    }

    /// Whether every byte has been read.
    var isAtEnd: Bool { offset >= bytes.count }

    /// The next byte, or nil at the end.
    var current: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    /// The byte `distance` bytes ahead of the next one, or nil past the end.
    func peek(_ distance: Int) -> UInt8? {
        let target = offset + distance
        return target < bytes.count ? bytes[target] : nil
    }

    /// Whether the bytes at the cursor start with `prefix`.
    func starts(with prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard offset + count <= bytes.count else { return false }
        return prefix.withUTF8Buffer { buffer in
            for index in 0..<count where bytes[offset + index] != buffer[index] { return false }
            return true
        }
    }

    /// Moves past `count` bytes that are not newlines.
    mutating func advance(_ count: Int = 1) {
        offset = min(offset + count, bytes.count)
    }

    /// Moves past a `\n` that is the next byte, starting a new line.
    mutating func advanceNewline() {
        offset += 1
        line += 1
        lineStart = offset
        cachedOffset = offset
        cachedColumn = 1
    }

    /// The 1-based location of the next byte (columns counted in Unicode scalars).
    mutating func location() -> SourceLocation {
        if cachedOffset < lineStart || cachedOffset > offset {
            cachedOffset = lineStart
            cachedColumn = 1
        }
        var column = cachedColumn
        var index = cachedOffset
        while index < offset {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        cachedOffset = offset
        cachedColumn = column
        return SourceLocation(line: line, column: column)
    }

    /// An error at the next byte.
    mutating func error(_ message: String) -> LockfileError {
        LockfileError(path: path, location: location(), message: message)
    }

    /// An error at a given location.
    func error(_ message: String, at location: SourceLocation) -> LockfileError {
        LockfileError(path: path, location: location, message: message)
    }

    /// A short description of the next character for error messages (`` `x` ``, "a newline", "end of file").
    var describeCurrent: String {
        guard let byte = current else { return "end of file" }
        switch byte {
        case 0x0A: return "a newline"
        case 0x0D: return "a carriage return"
        case 0x09: return "a tab"
        case 0x20: return "a space"
        case 0x21...0x7E: return "`\(Character(Unicode.Scalar(byte)))`"
        case 0x00...0x1F, 0x7F: return "control character U+\(hex4(UInt32(byte)))"
        default:
            var end = offset + 1
            while end < bytes.count, end < offset + 4, bytes[end] & 0xC0 == 0x80 { end += 1 }
            let text = String(decoding: bytes[offset..<end], as: UTF8.self)
            return "`\(text)`"
        }
    }

    // MARK: - Whitespace and comments

    /// Skips spaces and tabs.
    mutating func skipSpaces() {
        while offset < bytes.count, bytes[offset] == 0x20 || bytes[offset] == 0x09 { offset += 1 }
    }

    /// Skips a newline (`\n` or `\r\n`) if one is next.
    /// - Returns: True when a newline was skipped.
    /// - Throws: `LockfileError` on a carriage return not followed by a line feed.
    mutating func skipNewline() throws(LockfileError) -> Bool {
        guard let byte = current else { return false }
        if byte == 0x0A {
            advanceNewline()
            return true
        }
        if byte == 0x0D {
            guard peek(1) == 0x0A else { throw error("a carriage return must be followed by a line feed") }
            advance()
            advanceNewline()
            return true
        }
        return false
    }

    /// Skips a `#` comment up to (not including) the end of its line, if one is next.
    /// - Throws: `LockfileError` on a control character inside the comment.
    mutating func skipComment() throws(LockfileError) {
        guard current == UInt8(ascii: "#") else { return }
        offset += 1
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == 0x0A || (byte == 0x0D && peek(1) == 0x0A) { return }
            if (byte < 0x20 && byte != 0x09) || byte == 0x7F {
                throw error("control character U+\(hex4(UInt32(byte))) is not allowed in a comment")
            }
            offset += 1
        }
    }

    /// Skips spaces, tabs, comments and newlines (between statements, and between array elements).
    /// - Throws: `LockfileError` on a bad comment or a lone carriage return.
    mutating func skipBlankLines() throws(LockfileError) {
        while true {
            skipSpaces()
            try skipComment()
            if try !skipNewline() { return }
        }
    }

    /// Requires the end of a line after a statement: optional spaces and comment, then a newline or end of file.
    /// - Parameter after: What was just read, for the error message.
    /// - Throws: `LockfileError` when anything else follows on the line.
    mutating func expectLineEnd(after: String) throws(LockfileError) {
        skipSpaces()
        try skipComment()
        if isAtEnd { return }
        if try skipNewline() { return }
        throw error("expected a newline or end of file after \(after), found \(describeCurrent)")
    }
}

/// Four or more uppercase hex digits of a code point, for `U+XXXX`.
func hex4(_ value: UInt32) -> String {
    let text = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - text.count)) + text
}
