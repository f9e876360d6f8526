/// What stops a diff-aware audit or a hook installation: git missing, no repository, an unknown revision, a hook
/// lockgate did not write.
public enum DiffError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `git` could not be started.
    case gitUnavailable(String)
    /// The directory is not inside a git work tree.
    case notARepository(directory: String, detail: String)
    /// The revision does not name a commit in the repository.
    case unknownRevision(String)
    /// A git command failed.
    case gitFailed(command: String, detail: String)
    /// A pre-commit hook that lockgate did not write is in the way (use `--force`).
    case foreignHook(path: String)
    /// A hook file could not be written.
    case cannotWrite(path: String, detail: String)

    /// A message naming what failed and what to do.
    public var description: String {
        switch self {
        case .gitUnavailable(let detail):
            "git could not be started (\(detail)); --diff, --staged and the hook need git on PATH"
        case .notARepository(let directory, let detail):
            "\(directory) is not inside a git work tree" + (detail.isEmpty ? "" : " (\(detail))")
        case .unknownRevision(let revision):
            "unknown revision '\(revision)': expected a commit, branch or tag of this repository "
                + "(in CI, fetch it first, e.g. git fetch --depth=1 origin \(revision))"
        case .gitFailed(let command, let detail):
            "git \(command) failed" + (detail.isEmpty ? "" : ": \(detail)")
        case .foreignHook(let path):
            "\(path) exists and was not written by lockgate; rerun with --force to replace it (it is kept as a backup)"
        case .cannotWrite(let path, let detail):
            "cannot write \(path): \(detail)"
        }
    }
}
