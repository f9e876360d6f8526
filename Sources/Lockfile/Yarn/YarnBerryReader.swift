import LockgateCore

/// Reads the YAML subset yarn 2+ writes into entries.
///
/// The subset: a top-level map of entries, each a block map of scalars and nested block maps. Flow collections,
/// sequences, block scalars, anchors and tags are rejected with their position.
struct YarnBerryReader: Sendable {
    /// The lockfile.
    let text: YarnText

    /// Reads every top-level entry in file order (`__metadata` included, as an entry with that single spec).
    /// - Returns: The entries.
    /// - Throws: `LockfileError` at the first line outside the supported YAML subset.
    func entries() throws(LockfileError) -> [YarnEntry] {
        var entries: [YarnEntry] = []
        entries.reserveCapacity(text.bytes.count / 350)
        var current: YarnEntry?
        var nesting = YarnNesting()
        try text.forEachContentLine { (line) throws(LockfileError) in
            let pair = try pair(line)
            if line.indent == 0 {
                guard pair.value == nil else {
                    throw text.error(
                        "top-level `\(pair.key)` has a value; expected an entry key followed by its indented fields",
                        line: line, at: line.start)
                }
                if let finished = current { entries.append(finished) }
                current = YarnEntry(
                    specs: YarnSpec.berryKeySpecs(pair.key), location: text.location(line: line, at: line.start))
                nesting.startEntry()
                return
            }
            guard current != nil else {
                throw text.error(
                    "indented line before any entry; expected a top-level key such as `\"name@npm:^1.0.0\":`",
                    line: line, at: line.contentStart)
            }
            let depth = try nesting.place(line, in: text)
            if pair.value == nil { nesting.openMap() }
            if depth == 1 {
                current?.fields[pair.key] = YarnField(
                    value: pair.value, location: text.location(line: line, at: line.contentStart))
            }
        }
        if let finished = current { entries.append(finished) }
        return entries
    }

    // MARK: - Private

    /// Parses `key: value` or `key:` (a nested map; value nil), with either side plain or quoted.
    private func pair(_ line: YarnLine) throws(LockfileError) -> (key: String, value: String?) {
        let bytes = text.bytes
        let start = line.contentStart
        try rejectUnsupported(line, at: start, what: "key")
        var key: String
        var index: Int
        if bytes[start] == 0x22 || bytes[start] == 0x27 {
            let read = try text.quoted(line: line, at: start)
            key = read.value
            index = text.skipSpaces(from: read.next, to: line.end)
            guard index < line.end, bytes[index] == 0x3A else {
                throw text.error("expected `:` after the key `\(key)`", line: line, at: index)
            }
        } else {
            index = start
            while index < line.end && !(bytes[index] == 0x3A && (index + 1 == line.end || bytes[index + 1] == 0x20)) {
                index += 1
            }
            guard index < line.end else {
                throw text.error("expected `key: value` or `key:`", line: line, at: line.end)
            }
            key = text.string(start..<text.trimEnd(start, index))
        }
        let valueStart = text.skipSpaces(from: index + 1, to: line.end)
        if valueStart == line.end || bytes[valueStart] == 0x23 { return (key, nil) }
        guard valueStart > index + 1 else {
            throw text.error("expected a space after `:`", line: line, at: valueStart)
        }
        try rejectUnsupported(line, at: valueStart, what: "value")
        if bytes[valueStart] == 0x22 || bytes[valueStart] == 0x27 {
            let read = try text.quoted(line: line, at: valueStart)
            let rest = text.skipSpaces(from: read.next, to: line.end)
            guard rest == line.end || bytes[rest] == 0x23 else {
                throw text.error(
                    "unexpected text after the quoted value; expected the end of the line", line: line, at: rest)
            }
            return (key, read.value)
        }
        var end = valueStart
        while end < line.end && !(bytes[end] == 0x23 && bytes[end - 1] == 0x20) { end += 1 }
        return (key, text.string(valueStart..<text.trimEnd(valueStart, end)))
    }

    /// Throws for YAML yarn never writes: flow collections, sequences, block scalars, anchors, aliases, tags.
    private func rejectUnsupported(_ line: YarnLine, at offset: Int, what: String) throws(LockfileError) {
        let byte = text.bytes[offset]
        let next = offset + 1 < line.end ? text.bytes[offset + 1] : 0x20
        let construct: String
        switch byte {
        case 0x5B, 0x7B: construct = "a flow collection (`[` or `{`)"
        case 0x7C, 0x3E: construct = "a block scalar (`|` or `>`)"
        case 0x26, 0x2A: construct = "an anchor or alias (`&` or `*`)"
        case 0x21: construct = "a tag (`!`)"
        case 0x2D where next == 0x20: construct = "a sequence item (`- `)"
        case 0x3F where next == 0x20: construct = "a complex key (`? `)"
        default: return
        }
        throw text.error(
            "unsupported YAML: \(construct) as a \(what); expected a plain or quoted string", line: line, at: offset)
    }
}
