import Foundation

/// One entry read from an archive.
public struct ArchiveEntry: Sendable, Hashable {
    /// The normalised path: `/`-separated, no leading `./`, no empty or `.` components, no trailing `/`.
    /// npm's `package/` prefix and a wheel's `name-1.0.dist-info/` are kept as they are.
    public var path: String
    /// What the entry is.
    public var kind: ArchiveEntryKind
    /// The size in bytes: `data.count` for files, 0 for everything else.
    public var size: Int
    /// The file's bytes; empty for every kind but ``ArchiveEntryKind/file``.
    public var data: Data
    /// The target of a symlink or hard link, exactly as the archive states it; `nil` for other kinds.
    public var linkTarget: String?
    /// The Unix permission bits (`0o755`), when the archive records them.
    public var mode: UInt32?

    /// Creates an entry.
    /// - Parameters:
    ///   - path: The normalised path.
    ///   - kind: What the entry is.
    ///   - data: The file bytes (empty for non-files).
    ///   - linkTarget: The link target, for links.
    ///   - mode: The permission bits, when known.
    public init(
        path: String, kind: ArchiveEntryKind, data: Data = Data(), linkTarget: String? = nil, mode: UInt32? = nil
    ) {
        self.path = path
        self.kind = kind
        self.size = data.count
        self.data = data
        self.linkTarget = linkTarget
        self.mode = mode
    }

    /// Whether the permission bits make the file executable by anyone.
    public var isExecutable: Bool { (mode ?? 0) & 0o111 != 0 }
}
