import LockgateCore

extension YarnText {
    /// Reads a quoted string that starts at `offset` and ends on the same line.
    ///
    /// Double quotes take JSON escapes (`\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t`, `\uXXXX`), as yarn writes them;
    /// single quotes take YAML's doubled `''`.
    /// - Parameters:
    ///   - line: The line.
    ///   - offset: The offset of the opening `"` or `'`.
    /// - Returns: The unescaped value and the offset just past the closing quote.
    /// - Throws: `LockfileError` for a string that does not close on its line or has an unknown escape.
    func quoted(line: YarnLine, at offset: Int) throws(LockfileError) -> (value: String, next: Int) {
        let quote = bytes[offset]
        var index = offset + 1
        var plainEnd = index
        // Fast path: no escapes at all.
        while index < line.end && bytes[index] != quote && !(quote == 0x22 && bytes[index] == 0x5C) { index += 1 }
        plainEnd = index
        if index < line.end && bytes[index] == quote && !(quote == 0x27 && isDoubledQuote(index, line)) {
            return (string(offset + 1..<plainEnd), index + 1)
        }
        var out = Array(bytes[offset + 1..<plainEnd])
        while index < line.end {
            let byte = bytes[index]
            if byte == quote {
                if quote == 0x27 && isDoubledQuote(index, line) {
                    out.append(0x27)
                    index += 2
                    continue
                }
                return (String(decoding: out, as: UTF8.self), index + 1)
            }
            if quote == 0x22 && byte == 0x5C {
                index = try unescape(line: line, at: index, into: &out)
                continue
            }
            out.append(byte)
            index += 1
        }
        let shown = quote == 0x22 ? "\"" : "'"
        throw error("unterminated quoted string; expected a closing \(shown) on the same line", line: line, at: offset)
    }

    // MARK: - Private

    private func isDoubledQuote(_ index: Int, _ line: YarnLine) -> Bool {
        index + 1 < line.end && bytes[index + 1] == 0x27
    }

    /// Decodes the escape at `index` (a backslash) into `out` and returns the offset after it.
    private func unescape(line: YarnLine, at index: Int, into out: inout [UInt8]) throws(LockfileError) -> Int {
        guard index + 1 < line.end else {
            throw error("unterminated escape; expected a character after \\", line: line, at: index)
        }
        let simple: UInt8?
        switch bytes[index + 1] {
        case 0x22: simple = 0x22
        case 0x5C: simple = 0x5C
        case 0x2F: simple = 0x2F
        case 0x62: simple = 0x08
        case 0x66: simple = 0x0C
        case 0x6E: simple = 0x0A
        case 0x72: simple = 0x0D
        case 0x74: simple = 0x09
        case 0x75: simple = nil
        default:
            throw error("unknown escape; expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u", line: line, at: index)
        }
        if let simple {
            out.append(simple)
            return index + 2
        }
        let hexStart = index + 2
        guard hexStart + 4 <= line.end, let code = UInt32(string(hexStart..<hexStart + 4), radix: 16),
            let scalar = Unicode.Scalar(code)
        else {
            throw error("bad \\u escape; expected four hex digits of a Unicode scalar", line: line, at: index)
        }
        out.append(contentsOf: Array(String(Character(scalar)).utf8))
        return hexStart + 4
    }
}
