import LockgateCore

extension TOMLReader {
    /// At a backslash: when only spaces or tabs follow it on the line, skips to the next non-blank character.
    /// - Returns: False, without moving, when the backslash starts an ordinary escape.
    mutating func lineEndingBackslash() throws(LockfileError) -> Bool {
        var distance = 1
        while let byte = cursor.peek(distance), byte == 0x20 || byte == 0x09 { distance += 1 }
        let next = cursor.peek(distance)
        guard next == 0x0A || (next == 0x0D && cursor.peek(distance + 1) == 0x0A) else { return false }
        cursor.advance(distance)
        while true {
            cursor.skipSpaces()
            if try !cursor.skipNewline() { return true }
        }
    }

    /// Reads one escape sequence (`\n`, `\u00E9`, ...) and appends its UTF-8.
    mutating func escape(into buffer: inout [UInt8]) throws(LockfileError) {
        let location = cursor.location()
        guard let letter = cursor.peek(1) else { throw cursor.error("unterminated string: expected an escape") }
        switch letter {
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "\""): buffer.append(0x22)
        case UInt8(ascii: "\\"): buffer.append(0x5C)
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let width = letter == UInt8(ascii: "u") ? 4 : 8
            var code: UInt32 = 0
            for index in 0..<width {
                guard let digit = cursor.peek(2 + index).flatMap(Self.hexValue) else {
                    throw cursor.error(
                        "bad escape: expected \(width) hex digits after `\\\(letter == 0x75 ? "u" : "U")`")
                }
                code = code << 4 | UInt32(digit)
            }
            guard let scalar = Unicode.Scalar(code) else {
                throw cursor.error("bad escape: U+\(hex4(code)) is not a Unicode scalar value")
            }
            buffer.append(contentsOf: Array(String(Character(scalar)).utf8))
            cursor.advance(2 + width)
            return
        default:
            cursor.advance()
            let shown = cursor.describeCurrent.trimmingBackticks
            throw cursor.error(
                "bad escape `\\\(shown)`: expected one of \\b \\t \\n \\f \\r \\\" \\\\ "
                    + "\\uXXXX \\UXXXXXXXX", at: location)
        }
        cursor.advance(2)
    }

    // MARK: - Private

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

extension String {
    /// The text without one pair of surrounding backticks.
    fileprivate var trimmingBackticks: String {
        guard count >= 2, hasPrefix("`"), hasSuffix("`") else { return self }
        return String(dropFirst().dropLast())
    }
}
