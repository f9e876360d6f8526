import LockgateCore

extension TOMLReader {
    /// Reads a key, dotted or not: `a`, `"a b"`, `'a'`, `a . "b" . c`.
    mutating func dottedKey() throws(LockfileError) -> [TOMLKey] {
        var keys: [TOMLKey] = []
        while true {
            cursor.skipSpaces()
            let location = cursor.location()
            keys.append(TOMLKey(text: try simpleKey(), location: location))
            if keys.count > maxDepth {
                throw cursor.error("a dotted key with more than \(maxDepth) parts")
            }
            cursor.skipSpaces()
            guard cursor.current == UInt8(ascii: ".") else { return keys }
            cursor.advance()
        }
    }

    /// Reads a basic, literal, multi-line basic or multi-line literal string at the cursor.
    mutating func string() throws(LockfileError) -> String {
        if cursor.starts(with: "\"\"\"") { return try multilineString(quote: UInt8(ascii: "\""), escapes: true) }
        if cursor.starts(with: "'''") { return try multilineString(quote: UInt8(ascii: "'"), escapes: false) }
        if cursor.current == UInt8(ascii: "'") { return try literalString() }
        return try basicString()
    }

    // MARK: - Private

    private mutating func simpleKey() throws(LockfileError) -> String {
        switch cursor.current {
        case UInt8(ascii: "\""):
            if cursor.starts(with: "\"\"\"") {
                throw cursor.error("expected a key; a key cannot be a multi-line string")
            }
            return try basicString()
        case UInt8(ascii: "'"):
            if cursor.starts(with: "'''") { throw cursor.error("expected a key; a key cannot be a multi-line string") }
            return try literalString()
        default:
            let start = cursor.offset
            while let byte = cursor.current, Self.isBareKey(byte) { cursor.advance() }
            guard cursor.offset > start else {
                throw cursor.error(
                    "expected a key (letters, digits, `_`, `-` or a quoted string), "
                        + "found \(cursor.describeCurrent)")
            }
            return String(decoding: cursor.bytes[start..<cursor.offset], as: UTF8.self)
        }
    }

    private static func isBareKey(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            true
        default:
            false
        }
    }

    /// Whether a byte may not appear raw inside a string (TOML allows tab but no other control character).
    private static func isForbiddenControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09) || byte == 0x7F
    }

    /// Reads `"..."` with escapes.
    private mutating func basicString() throws(LockfileError) -> String {
        let opening = cursor.location()
        cursor.advance()
        var buffer: [UInt8] = []
        var runStart = cursor.offset
        while let byte = cursor.current {
            if byte == UInt8(ascii: "\"") {
                buffer.append(contentsOf: cursor.bytes[runStart..<cursor.offset])
                cursor.advance()
                return String(decoding: buffer, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                buffer.append(contentsOf: cursor.bytes[runStart..<cursor.offset])
                try escape(into: &buffer)
                runStart = cursor.offset
                continue
            }
            if byte == 0x0A || byte == 0x0D {
                throw cursor.error(
                    "unterminated string (opened at \(opening)): expected `\"` before the end of the line")
            }
            if Self.isForbiddenControl(byte) {
                throw cursor.error(
                    "control character U+\(hex4(UInt32(byte))) is not allowed in a string; "
                        + "expected an escape such as `\\u\(hex4(UInt32(byte)))`")
            }
            cursor.advance()
        }
        throw cursor.error("unterminated string (opened at \(opening)): expected `\"` before the end of file")
    }

    /// Reads `'...'` (no escapes).
    private mutating func literalString() throws(LockfileError) -> String {
        let opening = cursor.location()
        cursor.advance()
        let start = cursor.offset
        while let byte = cursor.current {
            if byte == UInt8(ascii: "'") {
                let text = String(decoding: cursor.bytes[start..<cursor.offset], as: UTF8.self)
                cursor.advance()
                return text
            }
            if byte == 0x0A || byte == 0x0D {
                throw cursor.error(
                    "unterminated string (opened at \(opening)): expected `'` before the end of the line")
            }
            if Self.isForbiddenControl(byte) {
                throw cursor.error("control character U+\(hex4(UInt32(byte))) is not allowed in a literal string")
            }
            cursor.advance()
        }
        throw cursor.error("unterminated string (opened at \(opening)): expected `'` before the end of file")
    }

    /// Reads `"""..."""` or `'''...'''`: a newline right after the opening is dropped; up to two quotes may sit
    /// before the closing three; in basic strings a backslash at the end of a line trims the following whitespace.
    private mutating func multilineString(quote: UInt8, escapes: Bool) throws(LockfileError) -> String {
        let opening = cursor.location()
        cursor.advance(3)
        _ = try cursor.skipNewline()
        var buffer: [UInt8] = []
        var runStart = cursor.offset
        while let byte = cursor.current {
            if byte == quote {
                var count = 0
                while cursor.peek(count) == quote { count += 1 }
                if count < 3 {
                    cursor.advance(count)
                    continue
                }
                if count > 5 {
                    throw cursor.error("three quotes in a row inside a multi-line string must be escaped")
                }
                cursor.advance(count - 3)
                buffer.append(contentsOf: cursor.bytes[runStart..<cursor.offset])
                cursor.advance(3)
                return String(decoding: buffer, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") && escapes {
                buffer.append(contentsOf: cursor.bytes[runStart..<cursor.offset])
                if try !lineEndingBackslash() { try escape(into: &buffer) }
                runStart = cursor.offset
                continue
            }
            if byte == 0x0D {
                // CRLF inside the string is kept as LF, as TOML allows, so values do not depend on the platform.
                buffer.append(contentsOf: cursor.bytes[runStart..<cursor.offset])
                _ = try cursor.skipNewline()
                buffer.append(0x0A)
                runStart = cursor.offset
                continue
            }
            if byte == 0x0A {
                cursor.advanceNewline()
                continue
            }
            if Self.isForbiddenControl(byte) {
                throw cursor.error("control character U+\(hex4(UInt32(byte))) is not allowed in a string")
            }
            cursor.advance()
        }
        let closing = quote == UInt8(ascii: "'") ? "'''" : "\"\"\""
        throw cursor.error(
            "unterminated multi-line string (opened at \(opening)): expected `\(closing)` "
                + "before the end of file")
    }
}
