/// How a tar type flag maps to an entry kind, whether data blocks follow it, and what issue it raises.
struct TarEntryType {
    /// The entry kind.
    let kind: ArchiveEntryKind
    /// Whether `size` bytes of data follow the header (as Python's tarfile reads it: regular, contiguous and unknown
    /// types carry data; links, directories, devices and FIFOs never do).
    let hasData: Bool
    /// The issue the type itself raises, if any.
    let issue: ArchiveIssueKind?

    /// Classifies a type flag.
    /// - Parameters:
    ///   - type: The type byte.
    ///   - path: The entry path (an old-style regular entry ending in `/` is a directory).
    init(_ type: UInt8, path: String) {
        switch type {
        case 0, UInt8(ascii: "0"), UInt8(ascii: "7"):
            (kind, hasData, issue) = (.file, true, nil)
        case UInt8(ascii: "1"):
            (kind, hasData, issue) = (.hardlink, false, nil)
        case UInt8(ascii: "2"):
            (kind, hasData, issue) = (.symlink, false, nil)
        case UInt8(ascii: "3"), UInt8(ascii: "4"), UInt8(ascii: "6"):
            (kind, hasData, issue) = (.other, false, .deviceOrFifo)
        case UInt8(ascii: "5"):
            (kind, hasData, issue) = (.directory, false, nil)
        case UInt8(ascii: "D"):
            (kind, hasData, issue) = (.directory, true, nil)
        default:
            (kind, hasData, issue) = (.other, true, .unsupportedEntryType)
        }
    }
}
