import LockgateCore

/// Why a policy file could not be used. The run stops with exit 2; `description` is what the user sees.
public struct PolicyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem it is, for callers and tests that branch on it.
    public enum Kind: String, Sendable, Hashable {
        /// The file could not be read (missing, a directory, no permission, too large).
        case unreadable
        /// The file holds binary data or is not UTF-8 text.
        case binary
        /// The file holds no YAML document.
        case empty
        /// The YAML does not parse (including duplicate keys).
        case syntax
        /// The document, or a value, is not the kind of node expected (mapping, list, number, boolean, string).
        case wrongType
        /// A key the policy format does not know.
        case unknownKey
        /// A required key is missing (`version`, `reason`, one of `package`/`sha256`).
        case missingKey
        /// The policy declares a newer version than this lockgate reads.
        case newerVersion
        /// A value of the right type that is not allowed (a bad date, severity, host, rule id, warn above block, ...).
        case invalidValue
    }

    /// The policy file's path as given.
    public var path: String
    /// The position of the offending key or value, when known.
    public var location: SourceLocation?
    /// The dotted key path (`allowlist[2].expires`), or empty when the problem is not at a key.
    public var keyPath: String
    /// What is wrong and what was expected.
    public var message: String
    /// The kind of problem.
    public var kind: Kind

    /// Creates a policy error.
    /// - Parameters:
    ///   - kind: The kind of problem.
    ///   - path: The policy file.
    ///   - location: The position.
    ///   - keyPath: The key path.
    ///   - message: What is wrong.
    public init(_ kind: Kind, path: String, location: SourceLocation?, keyPath: String = "", message: String) {
        self.kind = kind
        self.path = path
        self.location = location
        self.keyPath = keyPath
        self.message = message
    }

    /// `path:line:column: key: message`; the position and key are left out when unknown.
    public var description: String {
        var text = path
        if let location { text += ":\(location.line):\(location.column)" }
        text += ": "
        if !keyPath.isEmpty { text += "\(keyPath): " }
        return text + message
    }
}
