/// Bounds on what ``ArchiveReader`` reads, so a hostile archive costs bounded memory and time.
///
/// Going over a limit is never an error: it becomes an ``ArchiveIssue`` and reading keeps what came before. The
/// defaults suit npm and PyPI packages (the largest common packages stay well inside them); the policy may change them.
public struct ArchiveLimits: Sendable, Hashable {
    /// Most entries (headers of files, directories, links, devices) read; at the next one reading stops with
    /// `entryCountLimit`. Default 20,000.
    public var maxEntries: Int
    /// Largest single file, in uncompressed bytes; a bigger entry is skipped (not returned, not truncated) with
    /// `entrySizeLimit`, and reading goes on. Default 32 MiB.
    public var maxEntryBytes: Int
    /// Most uncompressed bytes read in all: the decompressed tar stream (headers and padding included), or the sum of
    /// inflated zip entries. Reading stops with `totalSizeLimit` before going past it. Default 256 MiB.
    public var maxTotalBytes: Int
    /// Highest uncompressed:compressed ratio, for the whole gzip, xz or bzip2 stream and for each zip entry (and the
    /// zip as a whole); `100` means 100:1. Checked only past ``compressionRatioFloor``. Default 100.
    public var maxCompressionRatio: Int
    /// Uncompressed bytes below which the ratio is not checked, so small very compressible files are fine.
    /// Default 1 MiB.
    public var compressionRatioFloor: Int
    /// Most path components in an entry's path (`package/lib/index.js` has 3); deeper entries are dropped with
    /// `pathDepthLimit`. Default 32.
    public var maxPathDepth: Int
    /// Longest entry path or link target, in UTF-8 bytes; longer entries are dropped with `pathLengthLimit`.
    /// Default 1,024.
    public var maxPathLength: Int

    /// Creates limits; every parameter has the documented default.
    /// - Parameters:
    ///   - maxEntries: Most entries.
    ///   - maxEntryBytes: Largest file.
    ///   - maxTotalBytes: Most uncompressed bytes in all.
    ///   - maxCompressionRatio: Highest compression ratio (n:1).
    ///   - compressionRatioFloor: Size below which the ratio is not checked.
    ///   - maxPathDepth: Most path components.
    ///   - maxPathLength: Longest path in UTF-8 bytes.
    public init(
        maxEntries: Int = 20_000,
        maxEntryBytes: Int = 32 << 20,
        maxTotalBytes: Int = 256 << 20,
        maxCompressionRatio: Int = 100,
        compressionRatioFloor: Int = 1 << 20,
        maxPathDepth: Int = 32,
        maxPathLength: Int = 1_024
    ) {
        self.maxEntries = max(0, maxEntries)
        self.maxEntryBytes = max(0, maxEntryBytes)
        self.maxTotalBytes = max(0, maxTotalBytes)
        self.maxCompressionRatio = max(1, maxCompressionRatio)
        self.compressionRatioFloor = max(0, compressionRatioFloor)
        self.maxPathDepth = max(1, maxPathDepth)
        self.maxPathLength = max(1, maxPathLength)
    }

    /// Whether `uncompressed` bytes made from `compressed` bytes go past the ratio limit (beyond the floor).
    func exceedsRatio(uncompressed: Int, compressed: Int) -> Bool {
        guard uncompressed > compressionRatioFloor else { return false }
        let (product, overflow) = max(compressed, 1).multipliedReportingOverflow(by: maxCompressionRatio)
        return !overflow && uncompressed > product
    }
}
