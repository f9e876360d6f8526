import LockgateCore

/// One field of a yarn lockfile entry: a scalar, or a nested map whose contents are not kept.
struct YarnField: Sendable {
    /// The scalar value; nil when the field opens a nested map.
    var value: String?
    /// Where the field's key starts.
    var location: SourceLocation
}

/// One top-level entry of a yarn lockfile: its key's specs and its direct fields.
struct YarnEntry: Sendable {
    /// The specs of the key (`name@range`), split at commas and unquoted.
    var specs: [String]
    /// Where the key starts.
    var location: SourceLocation
    /// The direct fields by name.
    var fields: [String: YarnField] = Dictionary(minimumCapacity: 8)

    /// A scalar field's value, or nil when absent.
    /// - Parameters:
    ///   - name: The field name.
    ///   - text: The lockfile, for errors.
    /// - Returns: The value, or nil when the field is absent.
    /// - Throws: `LockfileError` when the field is a nested map instead of a scalar.
    func scalar(_ name: String, in text: YarnText) throws(LockfileError) -> String? {
        guard let field = fields[name] else { return nil }
        guard let value = field.value else {
            throw LockfileError(
                path: text.path, location: field.location,
                message: "`\(name)` is a nested map; expected a single string value")
        }
        return value
    }

    /// A scalar field's value that must be present and non-empty.
    /// - Parameters:
    ///   - name: The field name.
    ///   - text: The lockfile, for errors.
    /// - Returns: The value.
    /// - Throws: `LockfileError` at the entry when the field is missing or empty, or at the field when it is a map.
    func required(_ name: String, in text: YarnText) throws(LockfileError) -> String {
        guard let value = try scalar(name, in: text), !value.isEmpty else {
            let at = fields[name]?.location ?? location
            throw LockfileError(
                path: text.path, location: at,
                message: "entry `\(specs.first ?? "")` has no `\(name)`; expected a `\(name)` field with a string value"
            )
        }
        return value
    }
}

/// Tracks the indentation of the maps nested inside one top-level entry.
struct YarnNesting: Sendable {
    private var indents: [Int] = []
    private var mapPending = false

    /// Starts a new top-level entry, whose fields follow more indented.
    mutating func startEntry() {
        indents.removeAll(keepingCapacity: true)
        mapPending = true
    }

    /// Notes that the last line opened a nested map.
    mutating func openMap() { mapPending = true }

    /// Places an indented line in the nesting.
    /// - Parameters:
    ///   - line: The line.
    ///   - text: The lockfile, for errors.
    /// - Returns: The line's depth: 1 for a direct field of the entry, 2 for a key of a nested map, and so on.
    /// - Throws: `LockfileError` for indentation that matches no open level, or nesting past `YarnText.maxDepth`.
    mutating func place(_ line: YarnLine, in text: YarnText) throws(LockfileError) -> Int {
        let indent = line.indent
        if mapPending && indent > (indents.last ?? 0) {
            guard indents.count < YarnText.maxDepth else {
                throw text.error(
                    "nesting deeper than \(YarnText.maxDepth) levels; expected a yarn lockfile entry",
                    line: line, at: line.contentStart)
            }
            indents.append(indent)
        } else {
            while let last = indents.last, last > indent { indents.removeLast() }
            guard let last = indents.last, last == indent else {
                let expected = indents.last.map { "\($0) spaces" } ?? "a more indented line"
                throw text.error(
                    "inconsistent indentation of \(indent) spaces; expected \(expected)", line: line,
                    at: line.contentStart)
            }
        }
        mapPending = false
        return indents.count
    }
}
