/// Which lockfile versions a git-aware audit reads: `--staged` reads them from the index instead of the working
/// tree, and `--diff BASE` audits only the packages that are new or changed since BASE.
public struct DiffSelection: Sendable, Hashable {
    /// The revision whose lockfiles are the baseline (a branch, tag or commit); nil audits every package.
    public var base: String?
    /// Whether the lockfiles are read from git's index (what the next commit records) instead of the working tree.
    public var staged: Bool

    /// Creates a selection.
    /// - Parameters:
    ///   - base: The baseline revision, or nil for no baseline.
    ///   - staged: Read the lockfiles from the index.
    public init(base: String?, staged: Bool = false) {
        self.base = base
        self.staged = staged
    }
}
