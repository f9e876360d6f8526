import LockgateCore

/// Reads the YAML subset pnpm writes into `PNPMYAMLNode` trees, in one pass over the bytes.
///
/// Supported: block mappings and lists (including `- key: value` compact items), flow `{...}` and `[...]`,
/// plain, single- and double-quoted scalars, `|`/`>` block scalars, comments and `---` documents. Anchors, aliases,
/// tags and complex keys are rejected. Nesting is capped at `maxDepth`, so hostile input cannot exhaust the stack.
struct PNPMYAMLReader {
    /// The deepest nesting accepted; pnpm lockfiles nest about six levels.
    static let maxDepth = 64

    let bytes: [UInt8]
    let path: String
    var lineStarts: [Int] = [0]
    var lineEnds: [Int] = []
    /// The current line (0-based); parse functions leave it on the first line they did not consume.
    var line = 0

    /// Prepares to read a text.
    /// - Parameters:
    ///   - bytes: The UTF-8 text.
    ///   - path: The file path, for errors.
    init(bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
        lineEnds.reserveCapacity(bytes.count / 30)
        lineStarts.reserveCapacity(bytes.count / 30)
        for (offset, byte) in bytes.enumerated() where byte == Self.newline {
            lineEnds.append(offset > 0 && bytes[offset - 1] == Self.carriageReturn ? offset - 1 : offset)
            lineStarts.append(offset + 1)
        }
        let last = bytes.count
        lineEnds.append(last > 0 && bytes[last - 1] == Self.carriageReturn ? last - 1 : last)
    }

    /// Reads every document in the text.
    /// - Returns: One node per non-empty document.
    /// - Throws: `LockfileError` at the first construct that is not valid (or not supported) YAML.
    mutating func documents() throws(LockfileError) -> [PNPMYAMLNode] {
        var documents: [PNPMYAMLNode] = []
        line = 0
        while true {
            if let indent = try nextContent() {
                let start = lineStarts[line] + indent
                if indent == 0, bytes[start] == UInt8(ascii: "%") {
                    line += 1
                    continue
                }
                documents.append(try parseNode(at: start, indent: indent, parentIndent: -1, depth: 0))
                if try nextContent() != nil {
                    throw error(
                        at: lineStarts[line], "unexpected content after the document; expected a key at column 1")
                }
                continue
            }
            guard line < lineStarts.count else { break }
            // A `---` or `...` marker line.
            let start = lineStarts[line]
            var offset = start + 3
            skipSpaces(&offset)
            if bytes[start] == UInt8(ascii: "-"), offset < lineEnds[line], bytes[offset] != Self.hash {
                documents.append(try parseNode(at: offset, indent: offset - start, parentIndent: -1, depth: 0))
            } else {
                line += 1
            }
        }
        return documents
    }

    /// Parses the node starting at `offset` on the current line.
    /// - Parameters:
    ///   - offset: The node's first byte.
    ///   - indent: The node's column (0-based) within its line.
    ///   - parentIndent: The indentation of the enclosing block (-1 at the top).
    ///   - depth: The nesting depth.
    /// - Returns: The node.
    mutating func parseNode(at offset: Int, indent: Int, parentIndent: Int, depth: Int) throws(LockfileError)
        -> PNPMYAMLNode
    {
        guard depth <= Self.maxDepth else {
            throw error(at: offset, "nesting deeper than \(Self.maxDepth) levels; expected a pnpm lockfile")
        }
        let byte = bytes[offset]
        if byte == UInt8(ascii: "-"), isBlank(offset + 1) {
            return try parseSequence(at: offset, indent: indent, depth: depth)
        }
        if byte == UInt8(ascii: "?"), isBlank(offset + 1) {
            throw error(at: offset, "complex mapping keys ('? ') are not supported; expected 'key: value'")
        }
        if byte != UInt8(ascii: "["), byte != UInt8(ascii: "{"), let key = try scanKey(at: offset) {
            return try parseMapping(firstKey: key, indent: indent, depth: depth)
        }
        return try parseInlineValue(at: offset, parentIndent: parentIndent, depth: depth)
    }

    // MARK: - Private

    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let hash = UInt8(ascii: "#")

    private mutating func parseMapping(firstKey: PNPMYAMLKey, indent: Int, depth: Int) throws(LockfileError)
        -> PNPMYAMLNode
    {
        var entries: [PNPMYAMLEntry] = []
        var seen = Set<String>()
        var key = firstKey
        while true {
            // Small mappings (most of them) are checked linearly; large ones through a set.
            let isDuplicate: Bool
            if entries.count < 12 {
                isDuplicate = entries.contains { $0.key == key.text }
            } else {
                if seen.isEmpty { seen = Set(entries.map(\.key)) }
                isDuplicate = !seen.insert(key.text).inserted
            }
            guard !isDuplicate else {
                throw LockfileError(path: path, location: key.location, message: "duplicate key '\(key.text)'")
            }
            let value = try parseValue(
                after: key.valueOffset, keyIndent: indent, keyLocation: key.location, depth: depth)
            entries.append(PNPMYAMLEntry(key: key.text, keyLocation: key.location, value: value))
            guard let next = try nextContent(), next >= indent else { break }
            let start = lineStarts[line] + next
            guard next == indent else {
                throw error(at: start, "unexpected indentation; expected a key at column \(indent + 1)")
            }
            guard let nextKey = try scanKey(at: start) else {
                let found = bytes[start] == UInt8(ascii: "-") && isBlank(start + 1) ? "a list item" : "a value"
                throw error(at: start, "expected 'key: value' in a mapping, found \(found)")
            }
            key = nextKey
        }
        return PNPMYAMLNode(value: .mapping(entries), location: firstKey.location)
    }

    /// Parses the value after `key:` (on the same line, or the block on the following lines).
    private mutating func parseValue(after offset: Int, keyIndent: Int, keyLocation: SourceLocation, depth: Int)
        throws(LockfileError) -> PNPMYAMLNode
    {
        var start = offset
        skipSpaces(&start)
        if start < lineEnds[line], bytes[start] != Self.hash {
            return try parseInlineValue(at: start, parentIndent: keyIndent, depth: depth + 1)
        }
        line += 1
        guard let next = try nextContent() else { return PNPMYAMLNode(value: .null, location: keyLocation) }
        let nextStart = lineStarts[line] + next
        let isItem = bytes[nextStart] == UInt8(ascii: "-") && isBlank(nextStart + 1)
        guard next > keyIndent || (next == keyIndent && isItem) else {
            return PNPMYAMLNode(value: .null, location: keyLocation)
        }
        return try parseNode(at: nextStart, indent: next, parentIndent: keyIndent, depth: depth + 1)
    }

    private mutating func parseSequence(at offset: Int, indent: Int, depth: Int) throws(LockfileError) -> PNPMYAMLNode {
        let location = self.location(of: offset)
        var items: [PNPMYAMLNode] = []
        var dash = offset
        while true {
            var start = dash + 1
            skipSpaces(&start)
            if start < lineEnds[line], bytes[start] != Self.hash {
                let item = try parseNode(
                    at: start, indent: start - lineStarts[line], parentIndent: indent, depth: depth + 1)
                items.append(item)
            } else {
                let itemLocation = self.location(of: dash)
                line += 1
                if let next = try nextContent(), next > indent {
                    items.append(
                        try parseNode(at: lineStarts[line] + next, indent: next, parentIndent: indent, depth: depth + 1)
                    )
                } else {
                    items.append(PNPMYAMLNode(value: .null, location: itemLocation))
                }
            }
            guard let next = try nextContent(), next >= indent else { break }
            let nextStart = lineStarts[line] + next
            guard next == indent else {
                throw error(at: nextStart, "unexpected indentation; expected a list item at column \(indent + 1)")
            }
            guard bytes[nextStart] == UInt8(ascii: "-"), isBlank(nextStart + 1) else { break }
            dash = nextStart
        }
        return PNPMYAMLNode(value: .sequence(items), location: location)
    }
}
