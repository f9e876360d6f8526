import Foundation

/// The container formats ``ArchiveReader`` reads.
public enum ArchiveKind: String, Sendable, Hashable, CaseIterable {
    /// A tar stream inside gzip (one or more concatenated members): npm `.tgz`, PyPI `.tar.gz` sdists.
    case tarGzip
    /// A tar stream inside xz (one or more concatenated streams): `.tar.xz` sdists.
    case tarXz
    /// A tar stream inside bzip2 (one or more concatenated streams): old `.tar.bz2` sdists.
    case tarBzip2
    /// An uncompressed tar stream (ustar, GNU or pax).
    case tar
    /// A zip archive: PyPI wheels (`.whl`), `.zip` sdists, eggs.
    case zip

    /// Detects the format from the first bytes (and, for zips with data in front, the end record).
    ///
    /// gzip is `1f 8b`; xz is `fd 37 7a 58 5a 00`; bzip2 is `BZh` and a block-size digit `1`-`9`; zip is
    /// `PK 03 04`, `PK 05 06` (empty zip) or `PK 07 08` (spanning marker), or a valid end-of-central-directory
    /// record in the last 64 KiB; tar is the `ustar` magic at offset 257, or a first
    /// 512-byte block whose header checksum is valid (old v7 tar). The file name plays no part.
    /// - Parameter data: The archive bytes.
    /// - Returns: The format, or `nil` when the bytes are none of these.
    public static func detect(_ data: Data) -> ArchiveKind? {
        let bytes = ByteView(data)
        if bytes.matches([0x1F, 0x8B], at: 0) { return .tarGzip }
        if bytes.matches([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], at: 0) { return .tarXz }
        if bytes.matches(Array("BZh".utf8), at: 0), let level = bytes.byte(3),
            (UInt8(ascii: "1")...UInt8(ascii: "9")).contains(level)
        {
            return .tarBzip2
        }
        if bytes.matches([0x50, 0x4B, 0x03, 0x04], at: 0) || bytes.matches([0x50, 0x4B, 0x05, 0x06], at: 0)
            || bytes.matches([0x50, 0x4B, 0x07, 0x08], at: 0)
        {
            return .zip
        }
        if bytes.matches(Array("ustar".utf8), at: 257) { return .tar }
        if bytes.count >= TarHeader.blockSize, TarHeader.hasValidChecksum(bytes.subdata(0, TarHeader.blockSize)) {
            return .tar
        }
        if ZipEndRecord.locate(in: bytes) != nil { return .zip }
        return nil
    }

    /// The format a file name suggests (`.tgz`, `.tar.gz`, `.tar.xz`, `.txz`, `.tar.bz2`, `.tbz2`, `.tbz`, `.tar`,
    /// `.zip`, `.whl`, `.egg`), used only as a hint in messages: the bytes decide the format.
    /// - Parameter fileName: A file name or path.
    public init?(fileName: String) {
        let name = fileName.lowercased()
        if name.hasSuffix(".tgz") || name.hasSuffix(".tar.gz") {
            self = .tarGzip
        } else if name.hasSuffix(".tar.xz") || name.hasSuffix(".txz") {
            self = .tarXz
        } else if name.hasSuffix(".tar.bz2") || name.hasSuffix(".tbz2") || name.hasSuffix(".tbz") {
            self = .tarBzip2
        } else if name.hasSuffix(".tar") {
            self = .tar
        } else if name.hasSuffix(".zip") || name.hasSuffix(".whl") || name.hasSuffix(".egg") {
            self = .zip
        } else {
            return nil
        }
    }
}
