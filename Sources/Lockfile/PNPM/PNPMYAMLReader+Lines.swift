import LockgateCore

/// A block mapping key found on a line: its text, position and where its value starts.
struct PNPMYAMLKey {
    /// The unquoted key.
    var text: String
    /// Where the key starts.
    var location: SourceLocation
    /// The offset just after the `:`.
    var valueOffset: Int
}

extension PNPMYAMLReader {
    /// Moves `line` to the next line with content, skipping blank and comment-only lines.
    /// - Returns: The line's indentation, or nil at the end of the text or at a `---`/`...` document marker.
    /// - Throws: `LockfileError` when the indentation contains a tab.
    mutating func nextContent() throws(LockfileError) -> Int? {
        while line < lineStarts.count {
            let start = lineStarts[line]
            let end = lineEnds[line]
            var offset = start
            while offset < end, bytes[offset] == UInt8(ascii: " ") { offset += 1 }
            if offset < end, bytes[offset] == UInt8(ascii: "\t") {
                var after = offset
                while after < end, bytes[after] == UInt8(ascii: " ") || bytes[after] == UInt8(ascii: "\t") {
                    after += 1
                }
                if after < end, bytes[after] != UInt8(ascii: "#") {
                    throw error(at: offset, "a tab in the indentation; YAML indents with spaces")
                }
                offset = end
            }
            if offset == end || bytes[offset] == UInt8(ascii: "#") {
                line += 1
                continue
            }
            if offset == start, isDocumentMarker(start, end) { return nil }
            return offset - start
        }
        return nil
    }

    /// Reads a block mapping key (`key:` or `'quoted key':` followed by a blank) at `offset` on the current line.
    /// - Parameter offset: Where the candidate key starts.
    /// - Returns: The key, or nil when the line does not start with a key.
    /// - Throws: `LockfileError` for an unterminated quoted key or an empty key.
    mutating func scanKey(at offset: Int) throws(LockfileError) -> PNPMYAMLKey? {
        let end = lineEnds[line]
        let first = bytes[offset]
        if first == UInt8(ascii: "'") || first == UInt8(ascii: "\"") {
            guard let (text, after) = try scanSingleLineQuoted(at: offset) else { return nil }
            var colon = after
            skipSpaces(&colon)
            guard colon < end, bytes[colon] == UInt8(ascii: ":"), isBlank(colon + 1) else { return nil }
            return PNPMYAMLKey(text: text, location: location(of: offset), valueOffset: colon + 1)
        }
        var index = offset
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: ":"), isBlank(index + 1) {
                var last = index
                while last > offset, bytes[last - 1] == UInt8(ascii: " ") || bytes[last - 1] == UInt8(ascii: "\t") {
                    last -= 1
                }
                guard last > offset else { throw error(at: offset, "an empty mapping key; expected 'key: value'") }
                let text = String(decoding: bytes[offset..<last], as: UTF8.self)
                return PNPMYAMLKey(text: text, location: location(of: offset), valueOffset: index + 1)
            }
            if byte == UInt8(ascii: "#"), index > offset, isSpace(bytes[index - 1]) { return nil }
            index += 1
        }
        return nil
    }

    /// The 1-based line and column of a byte offset (columns count Unicode scalars).
    /// - Parameter offset: A byte offset.
    /// - Returns: The location.
    func location(of offset: Int) -> SourceLocation {
        let clamped = max(0, min(offset, bytes.count))
        var index = min(line, lineStarts.count - 1)
        let next = index + 1
        if clamped < lineStarts[index] || (next < lineStarts.count && clamped >= lineStarts[next]) {
            var low = 0
            var high = lineStarts.count - 1
            while low < high {
                let mid = (low + high + 1) / 2
                if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
            }
            index = low
        }
        var column = 1
        var cursor = lineStarts[index]
        while cursor < clamped {
            if bytes[cursor] & 0xC0 != 0x80 { column += 1 }
            cursor += 1
        }
        return SourceLocation(line: index + 1, column: column)
    }

    /// An error at a byte offset.
    /// - Parameters:
    ///   - offset: Where reading stopped.
    ///   - message: What was wrong and what was expected.
    /// - Returns: The error.
    func error(at offset: Int, _ message: String) -> LockfileError {
        LockfileError(path: path, location: location(of: offset), message: message)
    }

    /// Advances `offset` past spaces and tabs on the current line.
    func skipSpaces(_ offset: inout Int) {
        let end = lineEnds[line]
        while offset < end, isSpace(bytes[offset]) { offset += 1 }
    }

    /// Whether the byte at `offset` is a space, tab, line break or the end of the text.
    func isBlank(_ offset: Int) -> Bool {
        guard offset < bytes.count else { return true }
        let byte = bytes[offset]
        return isSpace(byte) || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    /// Whether a byte is a space or a tab.
    func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    /// Moves `line` forward to the line that contains `offset`.
    mutating func syncLine(to offset: Int) {
        while line + 1 < lineStarts.count, lineStarts[line + 1] <= offset { line += 1 }
    }

    /// Checks that only blanks or a comment follow `offset` on its line, then moves to the next line.
    /// - Parameter offset: The end of a value.
    /// - Throws: `LockfileError` when more text follows.
    mutating func finishLine(at offset: Int) throws(LockfileError) {
        syncLine(to: offset)
        var index = offset
        skipSpaces(&index)
        if index < lineEnds[line], bytes[index] != UInt8(ascii: "#") {
            throw error(at: index, "unexpected text after the value; expected the end of the line")
        }
        line += 1
    }

    // MARK: - Private

    private func isDocumentMarker(_ start: Int, _ end: Int) -> Bool {
        guard end - start >= 3 else { return false }
        let first = bytes[start]
        guard first == UInt8(ascii: "-") || first == UInt8(ascii: ".") else { return false }
        return bytes[start + 1] == first && bytes[start + 2] == first && isBlank(start + 3)
    }

    /// A quoted key that ends on its own line, or nil when the quote runs past the line.
    private mutating func scanSingleLineQuoted(at offset: Int) throws(LockfileError) -> (String, Int)? {
        let saved = line
        let (text, after) = try scanQuoted(at: offset)
        guard after <= lineEnds[saved] else {
            line = saved
            return nil
        }
        return (text, after)
    }
}
