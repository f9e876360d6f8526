import LockgateCore

/// Splits a `# yarn lockfile v1` text into entries: header lines of comma-separated specs, then indented
/// `key value` fields and `key:` nested maps.
struct YarnClassicReader: Sendable {
    /// The lockfile.
    let text: YarnText

    /// Reads every entry in file order.
    /// - Returns: The entries.
    /// - Throws: `LockfileError` at the first line that is not yarn v1 lockfile syntax.
    func entries() throws(LockfileError) -> [YarnEntry] {
        var entries: [YarnEntry] = []
        var current: YarnEntry?
        var nesting = YarnNesting()
        try text.forEachContentLine { (line) throws(LockfileError) in
            if line.indent == 0 {
                if let finished = current { entries.append(finished) }
                current = try header(line)
                nesting.startEntry()
                return
            }
            guard current != nil else {
                throw text.error(
                    "indented line before any entry; expected an entry header such as `name@^1.0.0:`",
                    line: line, at: line.contentStart)
            }
            let depth = try nesting.place(line, in: text)
            let pair = try pair(line)
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

    /// Parses a header line: `spec, "spec", ...:`.
    private func header(_ line: YarnLine) throws(LockfileError) -> YarnEntry {
        let end = text.trimEnd(line.start, line.end)
        guard end > line.start, text.bytes[end - 1] == 0x3A else {
            throw text.error(
                "entry header does not end with `:`; expected `name@range[, name@range...]:`", line: line, at: end)
        }
        var specs: [String] = []
        var index = line.start
        let stop = end - 1
        while index < stop {
            index = text.skipSpaces(from: index, to: stop)
            let specStart = index
            var spec: String
            if text.bytes[index] == 0x22 {
                let read = try text.quoted(line: line, at: index)
                spec = read.value
                index = text.skipSpaces(from: read.next, to: stop)
            } else {
                while index < stop && text.bytes[index] != 0x2C { index += 1 }
                spec = text.string(specStart..<text.trimEnd(specStart, index))
            }
            guard !spec.isEmpty, spec.utf8.dropFirst().contains(0x40) else {
                throw text.error("`\(spec)` is not a package spec; expected `name@range`", line: line, at: specStart)
            }
            specs.append(spec)
            if index < stop {
                guard text.bytes[index] == 0x2C else {
                    throw text.error("expected `,` between specs or `:` after the last", line: line, at: index)
                }
                index += 1
                if index >= stop {
                    throw text.error("expected a spec after `,`", line: line, at: index)
                }
            }
        }
        if specs.isEmpty {
            throw text.error("empty entry header; expected `name@range:`", line: line, at: line.start)
        }
        return YarnEntry(specs: specs, location: text.location(line: line, at: line.start))
    }

    /// Parses a field line: `key value`, `"key" "value"`, `key: value` or `key:` (a nested map; value nil).
    private func pair(_ line: YarnLine) throws(LockfileError) -> (key: String, value: String?) {
        let bytes = text.bytes
        var index = line.contentStart
        let key: String
        if bytes[index] == 0x22 {
            let read = try text.quoted(line: line, at: index)
            key = read.value
            index = read.next
        } else {
            while index < line.end && bytes[index] != 0x20 && bytes[index] != 0x3A { index += 1 }
            key = text.string(line.contentStart..<index)
        }
        var colon = false
        if index < line.end && bytes[index] == 0x3A {
            colon = true
            index += 1
        }
        let valueStart = text.skipSpaces(from: index, to: line.end)
        if valueStart == line.end {
            guard colon else {
                throw text.error(
                    "`\(key)` has no value; expected `\(key) \"value\"` or `\(key):`", line: line, at: index)
            }
            return (key, nil)
        }
        guard colon || valueStart > index else {
            throw text.error("expected a space after the key `\(key)`", line: line, at: index)
        }
        if bytes[valueStart] == 0x22 {
            let read = try text.quoted(line: line, at: valueStart)
            let rest = text.skipSpaces(from: read.next, to: line.end)
            guard rest == line.end else {
                throw text.error(
                    "unexpected text after the quoted value; expected the end of the line", line: line, at: rest)
            }
            return (key, read.value)
        }
        return (key, text.string(valueStart..<text.trimEnd(valueStart, line.end)))
    }
}
