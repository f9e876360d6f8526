import LockgateCore

/// The byte cursor under `JSONParser`: whitespace, line tracking, and scalar tokens (strings, numbers, literals).
///
/// Lines are counted as whitespace is skipped (JSON strings cannot hold a raw newline), and columns are counted
/// from a moving checkpoint, so asking for the location of each token in order costs linear time in total.
struct JSONScanner {
    let bytes: [UInt8]
    var index = 0
    private var line = 1
    private var lineStart = 0
    private var checkpointOffset = 0
    private var checkpointColumn = 1

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Whether the whole input has been read.
    var atEnd: Bool { index >= bytes.count }

    /// The byte at the cursor, nil at the end.
    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// Skips spaces, tabs, carriage returns and newlines, counting lines.
    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D:
                index += 1
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
            default:
                return
            }
        }
    }

    /// The location of a byte offset on the current line, at or after the last location asked for.
    /// - Parameter offset: The byte offset (defaults to the cursor).
    /// - Returns: The 1-based line and column (in Unicode scalars).
    mutating func location(at offset: Int? = nil) -> SourceLocation {
        let target = min(offset ?? index, bytes.count)
        if checkpointOffset < lineStart || checkpointOffset > target {
            checkpointOffset = lineStart
            checkpointColumn = 1
        }
        var column = checkpointColumn
        var position = checkpointOffset
        while position < target {
            if bytes[position] & 0xC0 != 0x80 { column += 1 }
            position += 1
        }
        checkpointOffset = target
        checkpointColumn = column
        return SourceLocation(line: line, column: column)
    }

    /// An error at a byte offset (defaults to the cursor).
    mutating func error(_ message: String, at offset: Int? = nil) -> JSONError {
        JSONError(location: location(at: offset), message: message)
    }

    /// Describes the byte at the cursor for messages: `'x'`, `byte 0xFF`, or `end of input`.
    func describeCurrent() -> String {
        guard let byte = current else { return "end of input" }
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        if byte == 0 { return "byte 0x00 (binary data, not UTF-8 text)" }
        if byte < 0x80 { return "control character \(JSONScanner.hex(byte))" }
        if JSONScanner.utf8Length(bytes, at: index) == nil {
            return "byte \(JSONScanner.hex(byte)) (binary data, not UTF-8 text)"
        }
        return "a non-ASCII character"
    }

    /// Reads `true`, `false` or `null` at the cursor.
    mutating func scanLiteral() throws(JSONError) -> JSONValue {
        for (word, value) in [("true", JSONValue.bool(true)), ("false", .bool(false)), ("null", .null)] {
            let utf8 = Array(word.utf8)
            if index + utf8.count <= bytes.count, bytes[index..<(index + utf8.count)].elementsEqual(utf8) {
                index += utf8.count
                return value
            }
        }
        throw error("unexpected \(describeCurrent()); expected a JSON value")
    }

    /// Reads a number at the cursor, checking the RFC 8259 grammar.
    /// - Returns: The literal text.
    mutating func scanNumber() throws(JSONError) -> String {
        let start = index
        if current == UInt8(ascii: "-") { index += 1 }
        guard let first = current, first.isDigit else {
            throw error("expected a digit in number, found \(describeCurrent())")
        }
        index += 1
        if first == UInt8(ascii: "0"), let next = current, next.isDigit {
            throw error("leading zero in number; expected '.', 'e' or the end of the number")
        }
        skipDigits()
        if current == UInt8(ascii: ".") {
            index += 1
            guard current?.isDigit == true else { throw error("expected a digit after '.' in number") }
            skipDigits()
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard current?.isDigit == true else { throw error("expected a digit in number exponent") }
            skipDigits()
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// The length of the valid UTF-8 sequence starting at `offset` (2-4 bytes), nil when it is not valid UTF-8.
    static func utf8Length(_ bytes: [UInt8], at offset: Int) -> Int? {
        let lead = bytes[offset]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xE1...0xEF: length = 3
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        case 0xF1...0xF3: length = 4
        default: return nil
        }
        guard offset + length <= bytes.count, secondRange.contains(bytes[offset + 1]) else { return nil }
        for next in 2..<length where bytes[offset + next] & 0xC0 != 0x80 { return nil }
        return length
    }

    /// `0xNN` for a byte, in messages.
    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "0x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
    }

    // MARK: - Private

    private mutating func skipDigits() {
        while index < bytes.count, bytes[index].isDigit { index += 1 }
    }
}

extension UInt8 {
    /// Whether the byte is an ASCII decimal digit.
    fileprivate var isDigit: Bool { self >= 0x30 && self <= 0x39 }
}
