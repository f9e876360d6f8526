import LockgateCore

/// One node of the YAML subset pnpm writes (block and flow mappings and lists, plain and quoted scalars),
/// with the position where it starts.
struct PNPMYAMLNode: Sendable {
    /// The node's content.
    enum Value: Sendable {
        /// An empty value, `null` or `~`.
        case null
        /// A scalar, unquoted and unescaped (plain scalars keep their text as written).
        case scalar(String)
        /// A mapping, in file order.
        case mapping([PNPMYAMLEntry])
        /// A list.
        case sequence([PNPMYAMLNode])
    }

    /// The node's content.
    var value: Value
    /// Where the node starts (1-based).
    var location: SourceLocation

    /// The scalar text, or nil when the node is not a scalar.
    var scalar: String? {
        if case .scalar(let text) = value { return text }
        return nil
    }

    /// The mapping entries, or nil when the node is not a mapping.
    var entries: [PNPMYAMLEntry]? {
        if case .mapping(let entries) = value { return entries }
        return nil
    }

    /// Whether the node is empty (`null`, `~` or nothing).
    var isNull: Bool {
        if case .null = value { return true }
        return false
    }

    /// The value under `key` in a mapping (nil when absent or when the node is not a mapping).
    /// - Parameter key: The key.
    /// - Returns: The value node.
    subscript(key: String) -> PNPMYAMLNode? {
        entries?.first { $0.key == key }?.value
    }

    /// What kind of node this is, for error messages ("a mapping", "a list", ...).
    var kindDescription: String {
        switch value {
        case .null: "nothing"
        case .scalar(let text): "the scalar '\(text.prefix(40))'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        }
    }
}

/// One `key: value` pair of a mapping, with the key's position.
struct PNPMYAMLEntry: Sendable {
    /// The key text (unquoted).
    var key: String
    /// Where the key starts.
    var keyLocation: SourceLocation
    /// The value.
    var value: PNPMYAMLNode
}
