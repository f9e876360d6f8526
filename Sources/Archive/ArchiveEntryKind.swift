/// What an archive entry is.
public enum ArchiveEntryKind: String, Sendable, Hashable, CaseIterable {
    /// A regular file; its bytes are in ``ArchiveEntry/data``.
    case file
    /// A directory.
    case directory
    /// A symbolic link; its target is in ``ArchiveEntry/linkTarget``, never followed.
    case symlink
    /// A hard link to another entry; its target is in ``ArchiveEntry/linkTarget``, never followed.
    case hardlink
    /// Anything else: a device, a FIFO, a GNU sparse file or an unknown tar type (each also reported as an issue).
    case other
}
