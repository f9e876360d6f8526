/// The kinds of problem ``ArchiveReader`` reports about an archive it could read at least in part.
public enum ArchiveIssueKind: String, Sendable, Hashable, CaseIterable {
    /// More entries than ``ArchiveLimits/maxEntries``; reading stopped there.
    case entryCountLimit
    /// A file larger than ``ArchiveLimits/maxEntryBytes``; the file was skipped.
    case entrySizeLimit
    /// More uncompressed bytes than ``ArchiveLimits/maxTotalBytes``; reading stopped before going past it.
    case totalSizeLimit
    /// Compression above ``ArchiveLimits/maxCompressionRatio`` (a decompression bomb); reading stopped (gzip, xz,
    /// bzip2, zip as a whole) or the zip entry was skipped.
    case compressionRatioLimit
    /// A path deeper than ``ArchiveLimits/maxPathDepth``; the entry was dropped.
    case pathDepthLimit
    /// A path or link target longer than ``ArchiveLimits/maxPathLength``; the entry was dropped.
    case pathLengthLimit
    /// An absolute path (`/etc/x`, `\x`, `C:x`); the entry was dropped.
    case absolutePath
    /// A path with a `..` component (`../../etc/x`); the entry was dropped.
    case parentTraversal
    /// A symbolic link; returned as a ``ArchiveEntryKind/symlink`` entry with its target, never followed.
    case symlink
    /// A hard link; returned as a ``ArchiveEntryKind/hardlink`` entry with its target, never followed.
    case hardlink
    /// A character or block device or a FIFO; returned as ``ArchiveEntryKind/other`` without data.
    case deviceOrFifo
    /// A tar type that is not a file, directory, link, device or FIFO (GNU sparse, multi-volume, unknown letters);
    /// returned as ``ArchiveEntryKind/other`` without data.
    case unsupportedEntryType
    /// A second entry with the same path as an earlier one (not both directories); both are returned, in archive
    /// order — an extractor would leave the later one on disk.
    case duplicatePath
    /// The archive ends early or its structure breaks after some entries (cut-off or damaged gzip, xz or bzip2,
    /// bad tar header checksum, damaged zip central directory); what came before is kept.
    case truncated
    /// One entry is damaged while the rest is readable (zip CRC-32 or size mismatch, local and central names that
    /// differ, bad deflate data, malformed pax record); the entry was skipped.
    case corrupt
    /// A zip entry whose bytes overlap another entry's (the overlapping-files zip bomb); the later one was skipped.
    case overlappingEntries
    /// An encrypted zip entry; skipped.
    case encrypted
    /// A zip entry compressed with a method other than stored (0) or deflate (8); skipped.
    case unsupportedCompression
}
