import Foundation

/// Reads package archives (`.tgz`/`.tar.gz`, `.tar.xz`, `.tar.bz2`, `.tar`, `.zip`/`.whl`) entirely in memory,
/// within ``ArchiveLimits``.
///
/// Nothing is written to disk and nothing is followed: links, absolute paths and `..` paths are reported as issues.
/// A hostile archive (bomb, huge entry count, lying sizes, damage) ends in issues and a bounded amount of work, never
/// a crash, a hang or an allocation beyond the limits.
public enum ArchiveReader {
    /// Reads an archive, detecting its format from its bytes.
    /// - Parameters:
    ///   - data: The archive bytes.
    ///   - limits: The bounds on what is read.
    /// - Returns: The entries kept and the issues found.
    /// - Throws: `ArchiveError` when the input is empty, not an archive, of an unsupported format, or corrupt before
    ///   its first entry.
    public static func read(_ data: Data, limits: ArchiveLimits = .init()) throws(ArchiveError) -> ArchiveContents {
        try read(data, name: nil, limits: limits)
    }

    /// Reads an archive, detecting its format from its bytes; the name only improves error messages.
    /// - Parameters:
    ///   - data: The archive bytes.
    ///   - name: The file name or URL, when known.
    ///   - limits: The bounds on what is read.
    /// - Returns: The entries kept and the issues found.
    /// - Throws: `ArchiveError` when the input is empty, not an archive, of an unsupported format, or corrupt before
    ///   its first entry.
    public static func read(_ data: Data, name: String?, limits: ArchiveLimits = .init()) throws(ArchiveError)
        -> ArchiveContents
    {
        guard !data.isEmpty else { throw ArchiveError(code: .empty, message: "the archive is empty (0 bytes)") }
        guard UInt32(exactly: data.count) != nil else {
            throw ArchiveError(code: .unsupportedFormat, message: "archives larger than 4 GiB are not read")
        }
        guard let kind = ArchiveKind.detect(data) else {
            if let format = unsupportedFormat(data) {
                throw ArchiveError(code: .unsupportedFormat, message: "\(format) data is not read; expected gzip, "
                    + "xz, bzip2, tar or zip", offset: 0)
            }
            let hint = name.flatMap(ArchiveKind.init(fileName:)).map { " although the name suggests \($0.rawValue)" }
            throw ArchiveError(
                code: .notAnArchive, message: "not gzip, xz, bzip2, tar or zip data\(hint ?? "")", offset: 0)
        }
        switch kind {
        case .tarGzip:
            return try readDecodedTar(data, kind: kind, limits: limits) { raw throws(ArchiveError) in
                try GzipDecoder(raw)
            }
        case .tarXz:
            return try readDecodedTar(data, kind: kind, limits: limits) { raw throws(ArchiveError) in
                try XzDecoder(raw)
            }
        case .tarBzip2:
            return try readDecodedTar(data, kind: kind, limits: limits) { raw throws(ArchiveError) in
                try Bzip2Decoder(raw)
            }
        case .tar:
            var reader = TarReader(source: DataTarSource(data), limits: limits)
            return try reader.read(kind: .tar)
        case .zip:
            var reader = try ZipReader(data, limits: limits)
            return try reader.read()
        }
    }

    // MARK: - Private

    /// Decodes and reads a `.tar.gz`, `.tar.xz` or `.tar.bz2` without copying the compressed input (the decoder
    /// borrows it).
    private static func readDecodedTar<Decoder: StreamDecoder>(
        _ data: Data, kind: ArchiveKind, limits: ArchiveLimits,
        decoder: (UnsafeRawBufferPointer) throws(ArchiveError) -> Decoder
    ) throws(ArchiveError) -> ArchiveContents {
        let result = data.withUnsafeBytes { raw -> Result<ArchiveContents, ArchiveError> in
            do throws(ArchiveError) {
                let budget = TarReader<DecodedTarSource<Decoder>>.budget(for: limits)
                let stream = DecodedStream(try decoder(raw), outputLimit: budget, limits: limits)
                var reader = TarReader(source: DecodedTarSource(stream: stream), limits: limits)
                return .success(try reader.read(kind: kind))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// The name of a recognised but unsupported compression or archive format.
    private static func unsupportedFormat(_ data: Data) -> String? {
        let bytes = ByteView(data)
        let formats: [(String, [UInt8])] = [
            ("zstd", [0x28, 0xB5, 0x2F, 0xFD]), ("7z", [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]),
            ("RAR", Array("Rar!".utf8)), ("lzip", Array("LZIP".utf8)),
        ]
        return formats.first { bytes.matches($0.1, at: 0) }?.0
    }
}
