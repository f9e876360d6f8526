/// A problem found in an archive that was still read: a limit reached, a hostile path, a link, damage.
public struct ArchiveIssue: Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem.
    public var kind: ArchiveIssueKind
    /// The entry concerned (as written in the archive, before normalisation), when there is one.
    public var path: String?
    /// What was found and what was done about it.
    public var message: String

    /// Creates an issue.
    /// - Parameters:
    ///   - kind: What kind of problem.
    ///   - path: The entry concerned.
    ///   - message: What was found and done.
    public init(kind: ArchiveIssueKind, path: String?, message: String) {
        self.kind = kind
        self.path = path
        self.message = message
    }

    /// `kind: path: message`.
    public var description: String {
        if let path { "\(kind.rawValue): \(path): \(message)" } else { "\(kind.rawValue): \(message)" }
    }
}
