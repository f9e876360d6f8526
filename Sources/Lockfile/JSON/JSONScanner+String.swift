/// String tokens: escapes, surrogate pairs, UTF-8 validation.
extension JSONScanner {
    /// Reads a string at the cursor (which is on the opening quote).
    /// - Returns: The decoded text.
    mutating func scanString() throws(JSONError) -> String {
        let opening = index
        index += 1
        let start = index
        // Fast path: no escapes, so the bytes between the quotes are the text.
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x20 && byte < 0x80 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
                index += 1
                continue
            }
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: bytes[start..<index], as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            try checkTextByte(byte)
        }
        guard index < bytes.count else { throw unterminated(opening) }
        var buffer = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: buffer, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                try scanEscape(into: &buffer)
            } else {
                let before = index
                try checkTextByte(byte)
                buffer.append(contentsOf: bytes[before..<index])
            }
        }
        throw unterminated(opening)
    }

    // MARK: - Private

    /// Checks one unescaped character in a string and moves past it.
    private mutating func checkTextByte(_ byte: UInt8) throws(JSONError) {
        if byte >= 0x80 {
            guard let length = JSONScanner.utf8Length(bytes, at: index) else {
                throw error("invalid UTF-8 \(describeCurrent()) in string")
            }
            index += length
        } else if byte < 0x20 {
            let what = byte == 0x0A ? "newline" : "control character \(JSONScanner.hex(byte))"
            throw error("unescaped \(what) in string; expected '\"' to end the string or an escape such as \\n")
        } else {
            index += 1
        }
    }

    /// Reads one escape sequence at the cursor (on the backslash) and appends its UTF-8.
    private mutating func scanEscape(into buffer: inout [UInt8]) throws(JSONError) {
        let escapeStart = index
        index += 1
        guard let code = current else { throw unterminated(escapeStart) }
        index += 1
        switch code {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(code)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
            let scalar = try scanUnicodeEscape(escapeStart: escapeStart)
            buffer.append(contentsOf: scalar.utf8)
        default:
            let found = Character(Unicode.Scalar(code))
            throw error(
                "invalid escape '\\\(found)'; expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u", at: escapeStart)
        }
    }

    /// Reads the hex digits of `\uXXXX` (the cursor is after the `u`), joining a surrogate pair.
    private mutating func scanUnicodeEscape(escapeStart: Int) throws(JSONError) -> Unicode.Scalar {
        let unit = try scanHex4(escapeStart: escapeStart)
        if (0xDC00...0xDFFF).contains(unit) {
            throw error("unpaired low surrogate \\u\(hex4(unit)); expected a high surrogate before it", at: escapeStart)
        }
        if (0xD800...0xDBFF).contains(unit) {
            let secondStart = index
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
            else {
                throw error(
                    "unpaired high surrogate \\u\(hex4(unit)); expected a low surrogate \\uDC00-\\uDFFF after it",
                    at: escapeStart)
            }
            index += 2
            let low = try scanHex4(escapeStart: secondStart)
            guard (0xDC00...0xDFFF).contains(low) else {
                let pair = "\\u\(hex4(unit)) followed by \\u\(hex4(low))"
                throw error("high surrogate \(pair); expected a low surrogate \\uDC00-\\uDFFF", at: secondStart)
            }
            let value = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            guard let scalar = Unicode.Scalar(value) else { throw error("invalid surrogate pair", at: escapeStart) }
            return scalar
        }
        guard let scalar = Unicode.Scalar(unit) else { throw error("invalid \\u escape", at: escapeStart) }
        return scalar
    }

    private mutating func scanHex4(escapeStart: Int) throws(JSONError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current else { throw unterminated(escapeStart) }
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw error("invalid \\u escape; expected 4 hexadecimal digits, found \(describeCurrent())")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    private func hex4(_ unit: UInt32) -> String {
        let digits = String(unit, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    private mutating func unterminated(_ opening: Int) -> JSONError {
        error("unterminated string; expected '\"' before the end of input", at: opening)
    }
}
