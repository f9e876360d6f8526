import LockgateCore

extension PNPMYAMLReader {
    /// Parses a flow collection (`{key: value, ...}` or `[item, ...]`), which may span lines.
    /// - Parameters:
    ///   - cursor: The opening bracket; on return, the offset just after the closing one.
    ///   - depth: The nesting depth.
    /// - Returns: The collection.
    /// - Throws: `LockfileError` for unterminated or malformed collections and for nesting past `maxDepth`.
    mutating func parseFlow(at cursor: inout Int, depth: Int) throws(LockfileError) -> PNPMYAMLNode {
        guard depth <= Self.maxDepth else {
            throw error(at: cursor, "nesting deeper than \(Self.maxDepth) levels; expected a pnpm lockfile")
        }
        let open = cursor
        let location = self.location(of: open)
        let isMapping = bytes[open] == UInt8(ascii: "{")
        let close = isMapping ? UInt8(ascii: "}") : UInt8(ascii: "]")
        var entries: [PNPMYAMLEntry] = []
        var items: [PNPMYAMLNode] = []
        var seen = Set<String>()
        cursor += 1
        while true {
            try skipFlowSpace(&cursor, open: open, close: close)
            if bytes[cursor] == close { break }
            if isMapping {
                let keyLocation = self.location(of: cursor)
                let key = try parseFlowItem(at: &cursor, depth: depth + 1, isKey: true)
                guard let keyText = key.scalar else {
                    throw error(at: cursor, "a flow mapping key must be a string; found \(key.kindDescription)")
                }
                guard seen.insert(keyText).inserted else {
                    throw LockfileError(path: path, location: keyLocation, message: "duplicate key '\(keyText)'")
                }
                try skipFlowSpace(&cursor, open: open, close: close)
                var value = PNPMYAMLNode(value: .null, location: keyLocation)
                if bytes[cursor] == UInt8(ascii: ":") {
                    cursor += 1
                    try skipFlowSpace(&cursor, open: open, close: close)
                    if bytes[cursor] != UInt8(ascii: ","), bytes[cursor] != close {
                        value = try parseFlowItem(at: &cursor, depth: depth + 1, isKey: false)
                    }
                }
                entries.append(PNPMYAMLEntry(key: keyText, keyLocation: keyLocation, value: value))
            } else {
                items.append(try parseFlowItem(at: &cursor, depth: depth + 1, isKey: false))
            }
            try skipFlowSpace(&cursor, open: open, close: close)
            if bytes[cursor] == UInt8(ascii: ",") {
                cursor += 1
            } else if bytes[cursor] != close {
                let expected = isMapping ? "',' or '}'" : "',' or ']'"
                throw error(
                    at: cursor, "unexpected '\(Character(Unicode.Scalar(bytes[cursor])))'; expected \(expected)")
            }
        }
        cursor += 1
        syncLine(to: cursor)
        return PNPMYAMLNode(value: isMapping ? .mapping(entries) : .sequence(items), location: location)
    }

    /// Parses a `|` or `>` block scalar: the header on the current line, then the more-indented lines below.
    /// - Parameters:
    ///   - offset: The `|` or `>`.
    ///   - parentIndent: The indentation of the owning key or dash.
    /// - Returns: The scalar.
    mutating func parseBlockScalar(at offset: Int, parentIndent: Int) throws(LockfileError) -> PNPMYAMLNode {
        let location = self.location(of: offset)
        let folded = bytes[offset] == UInt8(ascii: ">")
        var chomp = UInt8(ascii: "c")
        var explicitIndent: Int?
        var index = offset + 1
        while index < lineEnds[line], !isSpace(bytes[index]) {
            let byte = bytes[index]
            if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") {
                chomp = byte
            } else if (UInt8(ascii: "1")...UInt8(ascii: "9")).contains(byte) {
                explicitIndent = max(parentIndent, 0) + Int(byte - UInt8(ascii: "0"))
            } else {
                throw error(at: index, "a malformed block scalar header; expected '|', '>', '-', '+' or a digit")
            }
            index += 1
        }
        try finishLine(at: index)
        var contentIndent = explicitIndent
        var lines: [String] = []
        while line < lineStarts.count {
            let start = lineStarts[line]
            let end = lineEnds[line]
            var first = start
            while first < end, bytes[first] == UInt8(ascii: " ") { first += 1 }
            if first == end {
                lines.append("")
                line += 1
                continue
            }
            let indent = first - start
            if contentIndent == nil {
                guard indent > parentIndent else { break }
                contentIndent = indent
            }
            guard let required = contentIndent, indent >= required else { break }
            lines.append(String(decoding: bytes[(start + required)..<end], as: UTF8.self))
            line += 1
        }
        var trailing = 0
        while let last = lines.last, last.isEmpty {
            lines.removeLast()
            trailing += 1
        }
        var text = folded ? lines.joined(separator: " ") : lines.joined(separator: "\n")
        if chomp == UInt8(ascii: "+") {
            text += String(repeating: "\n", count: lines.isEmpty ? trailing : trailing + 1)
        } else if chomp == UInt8(ascii: "c"), !lines.isEmpty {
            text += "\n"
        }
        return PNPMYAMLNode(value: .scalar(text), location: location)
    }

    // MARK: - Private

    /// Parses one flow item: a nested collection, a quoted scalar or a plain scalar.
    private mutating func parseFlowItem(at cursor: inout Int, depth: Int, isKey: Bool) throws(LockfileError)
        -> PNPMYAMLNode
    {
        let start = cursor
        let location = self.location(of: start)
        switch bytes[start] {
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            return try parseFlow(at: &cursor, depth: depth)
        case UInt8(ascii: "'"), UInt8(ascii: "\""):
            let (text, after) = try scanQuoted(at: start)
            cursor = after
            return PNPMYAMLNode(value: .scalar(text), location: location)
        case UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "@"), UInt8(ascii: "`"):
            throw error(at: start, "YAML anchors, aliases, tags and reserved characters are not supported here")
        default:
            break
        }
        while cursor < bytes.count {
            let byte = bytes[cursor]
            if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}")
                || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "\n")
                || byte == UInt8(ascii: "\r")
            {
                break
            }
            if byte == UInt8(ascii: ":"), isKey || isBlank(cursor + 1) { break }
            if byte == UInt8(ascii: "#"), cursor > start, isSpace(bytes[cursor - 1]) { break }
            cursor += 1
        }
        var end = cursor
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        if !isKey, text == "null" || text == "~" || text.isEmpty {
            return PNPMYAMLNode(value: .null, location: location)
        }
        return PNPMYAMLNode(value: .scalar(text), location: location)
    }

    /// Skips blanks, line breaks and comments inside a flow collection.
    private mutating func skipFlowSpace(_ cursor: inout Int, open: Int, close: UInt8) throws(LockfileError) {
        while cursor < bytes.count {
            let byte = bytes[cursor]
            if isBlank(cursor) {
                cursor += 1
            } else if byte == UInt8(ascii: "#"), cursor > 0, isBlank(cursor - 1) {
                while cursor < bytes.count, bytes[cursor] != UInt8(ascii: "\n") { cursor += 1 }
            } else {
                syncLine(to: cursor)
                return
            }
        }
        let closing = Character(Unicode.Scalar(close))
        throw LockfileError(
            path: path, location: location(of: bytes.count),
            message: "an unterminated flow collection opened at \(location(of: open)); expected '\(closing)'")
    }
}
