/// Where a lockfile's bytes are read from in git: a commit, or the index (what the next commit records).
public enum GitRevision: Sendable, Hashable {
    /// The index, stage 0 (`git show :path`).
    case index
    /// A commit, by any name git resolves (`git show REV:path`).
    case commit(String)

    /// The object name of a path at this revision (`REV:path`, or `:0:path` for the index).
    /// - Parameter path: A path relative to the repository root.
    /// - Returns: The object name git reads.
    func objectName(_ path: String) -> String {
        switch self {
        case .index: ":0:\(path)"
        case .commit(let revision): "\(revision):\(path)"
        }
    }
}
