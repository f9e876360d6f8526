/// Input that is not a readable archive at all: empty, of no known format, of an unsupported one, or corrupt before
/// the first entry. Damage after the first entry is an ``ArchiveIssueKind/truncated`` issue instead.
public struct ArchiveError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Why the input could not be read.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// Zero bytes.
        case empty
        /// Not gzip, xz, bzip2, tar or zip.
        case notAnArchive
        /// A known format lockgate does not read (zstd, 7z, RAR, lzip, multi-disk zip).
        case unsupportedFormat
        /// A known format whose structure is broken before any entry could be read.
        case corrupt
    }

    /// Why the input could not be read.
    public var code: Code
    /// What was found and what was expected.
    public var message: String
    /// The byte offset where reading failed, when known: in the input, or in the decompressed tar stream for
    /// `.tar.gz`, `.tar.xz` and `.tar.bz2` input (the message says which).
    public var offset: Int?

    /// Creates an error.
    /// - Parameters:
    ///   - code: Why the input could not be read.
    ///   - message: What was found and expected.
    ///   - offset: Where, when known.
    public init(code: Code, message: String, offset: Int? = nil) {
        self.code = code
        self.message = message
        self.offset = offset
    }

    /// `code at offset N: message`.
    public var description: String {
        if let offset { "\(code.rawValue) at offset \(offset): \(message)" } else { "\(code.rawValue): \(message)" }
    }
}
