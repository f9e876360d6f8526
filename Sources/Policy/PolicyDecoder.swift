import LockgateCore
import Yams

/// Turns a composed YAML tree into a `Policy`, checking every key and value and naming the key path and line of the
/// first problem. The walk follows the policy's fixed shape, so its depth is bounded whatever the document holds.
struct PolicyDecoder {
    /// A key and its value in a mapping, with the key path that names the value.
    struct Field {
        /// The key as written.
        let name: String
        /// The key node (its mark is where unknown-key errors point).
        let key: Node
        /// The value node.
        let value: Node
        /// The dotted key path of the value.
        let keyPath: String
    }

    /// The policy file's path, for errors.
    let path: String

    /// Reads the mapping at `node`, rejecting keys not in `allowed`.
    /// - Parameters:
    ///   - node: The node.
    ///   - keyPath: The node's key path.
    ///   - allowed: The accepted keys.
    ///   - noun: What a key is called in the unknown-key message ("key", "rule", "ecosystem").
    /// - Returns: The fields in file order, or nil when the value is empty (`key:` or `null`), which counts as not
    ///   given.
    /// - Throws: `PolicyError` for a value that is not a mapping, a key that is not a string, or an unknown key.
    func fields(
        _ node: Node, at keyPath: String, allowed: [String], noun: String = "key"
    ) throws(PolicyError) -> [Field]? {
        if Self.isNull(node) { return nil }
        guard case .mapping(let mapping) = node else {
            let message = "expected a mapping with keys \(allowed.joined(separator: ", ")); \(Self.found(node))"
            throw error(.wrongType, node, keyPath, message)
        }
        var result: [Field] = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                throw error(.wrongType, key, keyPath, "expected a \(noun) name, found a \(Self.kindName(key))")
            }
            let name = scalar.string
            let childPath = Self.join(keyPath, name)
            guard allowed.contains(name) else {
                // Detector rules (one per behaviour kind) are summarised rather than listed one by one.
                let fixed = allowed.filter { !$0.hasPrefix("behaviour_") }
                let list = fixed.joined(separator: ", ")
                    + (fixed.count < allowed.count ? ", or behaviour_<kind> for a behaviour of docs/behaviours.md" : "")
                throw error(.unknownKey, key, childPath, "unknown \(noun) '\(name)'; expected one of: \(list)")
            }
            result.append(Field(name: name, key: key, value: value, keyPath: childPath))
        }
        return result
    }

    /// Reads a score threshold.
    /// - Parameter field: The field.
    /// - Returns: A number in [0, 1].
    /// - Throws: `PolicyError` for anything else.
    func threshold(_ field: Field) throws(PolicyError) -> Double {
        let message = "expected a number between 0 and 1; \(Self.found(field.value))"
        guard let text = Self.plainScalar(field.value), let value = Double(text), value.isFinite else {
            throw error(.wrongType, field.value, field.keyPath, message)
        }
        guard (0...1).contains(value) else { throw error(.invalidValue, field.value, field.keyPath, message) }
        return value
    }

    /// Reads a boolean (`true` or `false`; YAML 1.1's yes/no/on/off are refused as ambiguous).
    /// - Parameter field: The field.
    /// - Returns: The boolean.
    /// - Throws: `PolicyError` for anything else.
    func bool(_ field: Field) throws(PolicyError) -> Bool {
        switch Self.plainScalar(field.value)?.lowercased() {
        case "true": return true
        case "false": return false
        default:
            throw error(.wrongType, field.value, field.keyPath, "expected true or false; \(Self.found(field.value))")
        }
    }

    /// Reads a string scalar (quoted or not), refusing null, lists and mappings.
    /// - Parameters:
    ///   - field: The field.
    ///   - expected: What the value should be, for the message.
    /// - Returns: The text.
    /// - Throws: `PolicyError` when the value is not a string.
    func string(_ field: Field, expected: String = "a string") throws(PolicyError) -> String {
        guard case .scalar(let scalar) = field.value, !Self.isNull(field.value) else {
            throw error(.wrongType, field.value, field.keyPath, "expected \(expected); \(Self.found(field.value))")
        }
        return scalar.string
    }

    /// Reads a list.
    /// - Parameter field: The field.
    /// - Returns: The items, or nil when the value is empty (counts as not given).
    /// - Throws: `PolicyError` when the value is not a list.
    func list(_ field: Field) throws(PolicyError) -> [Node]? {
        if Self.isNull(field.value) { return nil }
        guard case .sequence(let sequence) = field.value else {
            throw error(.wrongType, field.value, field.keyPath, "expected a list; \(Self.found(field.value))")
        }
        return Array(sequence)
    }

    /// Makes an error at a node.
    /// - Parameters:
    ///   - kind: The kind.
    ///   - node: The node whose position the error names.
    ///   - keyPath: The key path.
    ///   - message: What is wrong.
    /// - Returns: The error.
    func error(_ kind: PolicyError.Kind, _ node: Node, _ keyPath: String, _ message: String) -> PolicyError {
        PolicyError(kind, path: path, location: Self.location(of: node), keyPath: keyPath, message: message)
    }

    /// The 1-based position of a node, when Yams recorded one.
    /// - Parameter node: The node.
    /// - Returns: Its location.
    static func location(of node: Node) -> SourceLocation? {
        node.mark.map { SourceLocation(line: $0.line, column: $0.column) }
    }

    /// `parent.key`, or `key` at the top level.
    static func join(_ parent: String, _ key: String) -> String {
        parent.isEmpty ? key : "\(parent).\(key)"
    }

    /// Whether a node is YAML null: an empty plain scalar, `~` or `null`.
    static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// The text of an unquoted scalar (numbers and booleans must not be quoted), or nil.
    static func plainScalar(_ node: Node) -> String? {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else { return nil }
        return scalar.string
    }

    /// "found ..." for messages: the scalar's text, or the kind of node.
    static func found(_ node: Node) -> String {
        if isNull(node) { return "found nothing" }
        if case .scalar(let scalar) = node {
            let text = scalar.string.count > 40 ? String(scalar.string.prefix(40)) + "…" : scalar.string
            return "found '\(text)'"
        }
        return "found a \(kindName(node))"
    }

    /// "mapping", "list", "value" or "alias".
    static func kindName(_ node: Node) -> String {
        switch node {
        case .scalar: "value"
        case .mapping: "mapping"
        case .sequence: "list"
        case .alias: "alias"
        }
    }
}
