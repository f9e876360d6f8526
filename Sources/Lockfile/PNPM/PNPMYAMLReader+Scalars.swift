import LockgateCore

extension PNPMYAMLReader {
    /// Parses a value that starts on the current line after a key or list dash: flow, quoted, block or plain.
    /// - Parameters:
    ///   - offset: The value's first byte.
    ///   - parentIndent: The indentation of the key or dash that owns the value.
    ///   - depth: The nesting depth.
    /// - Returns: The value.
    mutating func parseInlineValue(at offset: Int, parentIndent: Int, depth: Int) throws(LockfileError)
        -> PNPMYAMLNode
    {
        switch bytes[offset] {
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            var cursor = offset
            let node = try parseFlow(at: &cursor, depth: depth)
            try finishLine(at: cursor)
            return node
        case UInt8(ascii: "'"), UInt8(ascii: "\""):
            let location = self.location(of: offset)
            let (text, after) = try scanQuoted(at: offset)
            try finishLine(at: after)
            return PNPMYAMLNode(value: .scalar(text), location: location)
        case UInt8(ascii: "|"), UInt8(ascii: ">"):
            return try parseBlockScalar(at: offset, parentIndent: parentIndent)
        case UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"):
            throw error(at: offset, "YAML anchors, aliases and tags are not supported; expected a plain value")
        case UInt8(ascii: "@"), UInt8(ascii: "`"):
            throw error(at: offset, "a reserved character cannot start a plain value; expected a quoted string")
        default:
            return try parsePlain(at: offset, parentIndent: parentIndent)
        }
    }

    /// Reads a single- or double-quoted scalar, which may span lines.
    /// - Parameter offset: The opening quote.
    /// - Returns: The unescaped text and the offset just after the closing quote.
    /// - Throws: `LockfileError` for an unterminated string or an unknown escape.
    func scanQuoted(at offset: Int) throws(LockfileError) -> (String, Int) {
        let quote = bytes[offset]
        var out: [UInt8] = []
        var index = offset + 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == quote {
                if quote == UInt8(ascii: "'"), index + 1 < bytes.count, bytes[index + 1] == quote {
                    out.append(quote)
                    index += 2
                    continue
                }
                return (String(decoding: out, as: UTF8.self), index + 1)
            }
            if byte == UInt8(ascii: "\\"), quote == UInt8(ascii: "\"") {
                index = try unescape(at: index, into: &out)
                continue
            }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                index = fold(at: index, into: &out)
                continue
            }
            out.append(byte)
            index += 1
        }
        throw error(at: offset, "an unterminated quoted string; expected a closing \(quote == 39 ? "'" : "\"")")
    }

    // MARK: - Private

    private mutating func parsePlain(at offset: Int, parentIndent: Int) throws(LockfileError) -> PNPMYAMLNode {
        let location = self.location(of: offset)
        var text = try plainText(from: offset, to: lineEnds[line])
        line += 1
        while let indent = try nextContent(), indent > parentIndent {
            let start = lineStarts[line] + indent
            text += " " + (try plainText(from: start, to: lineEnds[line]))
            line += 1
        }
        if text == "null" || text == "~" || text == "Null" || text == "NULL" {
            return PNPMYAMLNode(value: .null, location: location)
        }
        return PNPMYAMLNode(value: .scalar(text), location: location)
    }

    /// One line of a plain scalar, without a trailing comment or blanks.
    private func plainText(from start: Int, to lineEnd: Int) throws(LockfileError) -> String {
        var end = lineEnd
        var index = start
        while index < lineEnd {
            let byte = bytes[index]
            if byte == UInt8(ascii: "#"), index > start, isSpace(bytes[index - 1]) {
                end = index
                break
            }
            if byte == UInt8(ascii: ":"), isBlank(index + 1) {
                throw error(
                    at: index, "a mapping value is not allowed here; expected a quoted string or one key per line")
            }
            index += 1
        }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Folds a line break inside a quoted scalar: one break becomes a space, n blank lines become n newlines.
    private func fold(at offset: Int, into out: inout [UInt8]) -> Int {
        while let last = out.last, isSpace(last) { out.removeLast() }
        var index = offset
        var breaks = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                breaks += 1
            } else if !(isSpace(byte) || byte == UInt8(ascii: "\r")) {
                break
            }
            index += 1
        }
        if breaks <= 1 {
            out.append(UInt8(ascii: " "))
        } else {
            out.append(contentsOf: repeatElement(UInt8(ascii: "\n"), count: breaks - 1))
        }
        return index
    }

    /// Decodes one backslash escape of a double-quoted scalar; returns the offset after it.
    private func unescape(at offset: Int, into out: inout [UInt8]) throws(LockfileError) -> Int {
        guard offset + 1 < bytes.count else { throw error(at: offset, "an unterminated escape; expected a character") }
        let code = bytes[offset + 1]
        let simple: [UInt8: UInt8] = [
            UInt8(ascii: "0"): 0, UInt8(ascii: "a"): 7, UInt8(ascii: "b"): 8, UInt8(ascii: "t"): 9,
            UInt8(ascii: "\t"): 9,
            UInt8(ascii: "n"): 10, UInt8(ascii: "v"): 11, UInt8(ascii: "f"): 12, UInt8(ascii: "r"): 13,
            UInt8(ascii: "e"): 27, UInt8(ascii: " "): 32, UInt8(ascii: "\""): 34, UInt8(ascii: "/"): 47,
            UInt8(ascii: "\\"): 92,
        ]
        if let byte = simple[code] {
            out.append(byte)
            return offset + 2
        }
        if code == UInt8(ascii: "\n") || code == UInt8(ascii: "\r") {
            var index = offset + 1
            while index < bytes.count, isBlank(index) { index += 1 }
            return index
        }
        let width: Int
        switch code {
        case UInt8(ascii: "x"): width = 2
        case UInt8(ascii: "u"): width = 4
        case UInt8(ascii: "U"): width = 8
        case UInt8(ascii: "N"): out.append(contentsOf: [0xC2, 0x85]); return offset + 2
        case UInt8(ascii: "_"): out.append(contentsOf: [0xC2, 0xA0]); return offset + 2
        case UInt8(ascii: "L"): out.append(contentsOf: [0xE2, 0x80, 0xA8]); return offset + 2
        case UInt8(ascii: "P"): out.append(contentsOf: [0xE2, 0x80, 0xA9]); return offset + 2
        default: throw error(at: offset, "an unknown escape '\\\(Character(Unicode.Scalar(code)))' in a quoted string")
        }
        let end = offset + 2 + width
        guard end <= bytes.count,
            let value = UInt32(
                String(decoding: bytes[(offset + 2)..<end], as: UTF8.self),
                radix: 16), let scalar = Unicode.Scalar(value)
        else { throw error(at: offset, "a malformed \\\(Character(Unicode.Scalar(code))) escape; expected hex digits") }
        out.append(contentsOf: Array(String(Character(scalar)).utf8))
        return end
    }
}
