/// A lockfile entry that points into the project itself (a workspace, a `link:`, a directory, an editable root).
/// Local links are listed apart from packages: there is no archive to fetch.
public struct LocalLink: Sendable, Hashable, Codable {
    /// What kind of local reference this is.
    public enum Kind: String, Sendable, Hashable, Codable {
        case workspace
        case link
        case directory
        case editable
    }

    /// The name the lockfile gives it, if any.
    public var name: String?
    /// The path as written in the lockfile.
    public var path: String
    /// The kind of link.
    public var kind: Kind
    /// Where the entry starts in the lockfile.
    public var location: SourceLocation

    /// Creates a local link.
    /// - Parameters:
    ///   - name: The name, if any.
    ///   - path: The path as written.
    ///   - kind: The kind.
    ///   - location: The entry's position.
    public init(name: String?, path: String, kind: Kind, location: SourceLocation) {
        self.name = name
        self.path = path
        self.kind = kind
        self.location = location
    }
}
