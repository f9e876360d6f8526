/// Everything read from one archive: its entries in archive order, and the issues found on the way.
public struct ArchiveContents: Sendable {
    /// The detected format.
    public var kind: ArchiveKind
    /// The entries kept, in archive order (zip: central-directory order).
    public var entries: [ArchiveEntry]
    /// The problems found, in the order they were met.
    public var issues: [ArchiveIssue]
    /// Uncompressed bytes read: the inflated tar stream consumed (headers and padding included), or the sum of
    /// the bytes inflated from zip entries (skipped ones included). Never more than the total limit allows.
    public var uncompressedBytes: Int

    /// Creates contents.
    /// - Parameters:
    ///   - kind: The format.
    ///   - entries: The entries kept.
    ///   - issues: The problems found.
    ///   - uncompressedBytes: Uncompressed bytes read.
    public init(kind: ArchiveKind, entries: [ArchiveEntry], issues: [ArchiveIssue], uncompressedBytes: Int) {
        self.kind = kind
        self.entries = entries
        self.issues = issues
        self.uncompressedBytes = uncompressedBytes
    }

    /// The regular files, in archive order.
    public var files: [ArchiveEntry] { entries.filter { $0.kind == .file } }

    /// The issues of one kind.
    /// - Parameter kind: The kind wanted.
    /// - Returns: Those issues, in order.
    public func issues(of kind: ArchiveIssueKind) -> [ArchiveIssue] { issues.filter { $0.kind == kind } }
}
