import Foundation

/// Reads a tar stream (ustar, GNU, pax, v7) header by header from a ``TarByteSource`` within the limits.
struct TarReader<Source: TarByteSource> {
    /// Largest pax or GNU long-name/long-link data accepted.
    static var metadataLimit: Int { 1 << 20 }

    /// The byte stream.
    var source: Source
    /// Entries and issues so far.
    var collector: EntryCollector
    /// Most uncompressed bytes consumed: the total limit plus one header block.
    private let budget: Int
    private var global = PaxRecords()
    private var pending = PaxRecords()
    private var longName: String?
    private var longLink: String?
    /// Valid headers met (entries and metadata); before the first, damage is an error, not an issue.
    var headersRead = 0

    /// Prepares to read `source`.
    /// - Parameters:
    ///   - source: The uncompressed tar stream.
    ///   - limits: The limits in force.
    init(source: Source, limits: ArchiveLimits) {
        self.source = source
        collector = EntryCollector(limits: limits)
        budget = Self.budget(for: limits)
    }

    /// The most tar bytes read under `limits`: the total limit plus one block.
    static func budget(for limits: ArchiveLimits) -> Int {
        let (sum, overflow) = limits.maxTotalBytes.addingReportingOverflow(TarHeader.blockSize)
        return overflow ? Int.max : sum
    }

    /// Reads entries until the end-of-archive blocks, the end of input, damage or a limit.
    /// - Parameter kind: The format to report (`.tar` or `.tarGzip`).
    /// - Returns: The entries and issues.
    /// - Throws: `ArchiveError` when the stream is damaged or not tar before the first valid header.
    mutating func read(kind: ArchiveKind) throws(ArchiveError) -> ArchiveContents {
        var zeroBlocks = 0
        while zeroBlocks < 2 {
            guard fits(TarHeader.blockSize, path: nil) else { break }
            let block: Data
            do {
                block = try source.read(exactly: TarHeader.blockSize)
            } catch {
                try stopAtHeader(error, afterZeroBlock: zeroBlocks > 0)
                break
            }
            if TarHeader.isZeroBlock(block) {
                zeroBlocks += 1
                continue
            }
            zeroBlocks = 0
            guard let header = TarHeader(block) else {
                let offset = source.position - TarHeader.blockSize
                guard headersRead > 0 else {
                    throw ArchiveError(code: .corrupt, message: "\(Self.where(kind)) does not start with a valid tar "
                        + "header (checksum or numeric field wrong)", offset: offset)
                }
                collector.report(.truncated, path: nil, "damaged tar header at offset \(offset) of the tar stream "
                    + "(checksum or numeric field wrong); reading stopped")
                break
            }
            headersRead += 1
            guard readMember(header) else { break }
        }
        return ArchiveContents(
            kind: kind, entries: collector.entries, issues: collector.issues, uncompressedBytes: source.position)
    }

    // MARK: - Private

    /// Handles one header; `false` when reading must stop.
    private mutating func readMember(_ header: TarHeader) -> Bool {
        switch header.type {
        case UInt8(ascii: "x"), UInt8(ascii: "g"), UInt8(ascii: "L"), UInt8(ascii: "K"):
            guard let meta = readMetadata(header) else { return false }
            switch header.type {
            case UInt8(ascii: "x"): pending = pax(meta, header: header)
            case UInt8(ascii: "g"): global = global.overlaid(by: pax(meta, header: header))
            case UInt8(ascii: "L"): longName = String(decoding: meta.prefix { $0 != 0 }, as: UTF8.self)
            default: longLink = String(decoding: meta.prefix { $0 != 0 }, as: UTF8.self)
            }
            return true
        default:
            return readEntry(header)
        }
    }

    /// Reads a metadata member's data (pax or GNU long name/link); `nil` when reading must stop.
    private mutating func readMetadata(_ header: TarHeader) -> Data? {
        guard header.size <= UInt64(Self.metadataLimit) else {
            collector.report(.truncated, path: header.name, "metadata header of \(header.size) bytes is larger than "
                + "\(Self.metadataLimit); reading stopped")
            return nil
        }
        let size = Int(header.size)
        guard fits(Self.padded(size), path: header.name) else { return nil }
        do {
            let data = try source.read(exactly: size)
            try source.skip(Self.padded(size) - size)
            return data
        } catch {
            stopInData(error, path: header.name)
            return nil
        }
    }

    /// Parses pax records, reporting malformed ones.
    private mutating func pax(_ data: Data, header: TarHeader) -> PaxRecords {
        let records = PaxRecords(parsing: data)
        if records.malformed {
            collector.report(.corrupt, path: header.name, "malformed pax extended header record; the rest ignored")
        }
        return records
    }

    /// Handles an entry header and its data; `false` when reading must stop.
    private mutating func readEntry(_ header: TarHeader) -> Bool {
        let records = global.overlaid(by: pending)
        let rawPath = records.path ?? longName ?? header.name
        let rawLink = records.linkPath ?? longLink ?? header.linkName
        let declared = records.size ?? header.size
        pending = PaxRecords()
        longName = nil
        longLink = nil
        guard collector.admitHeader(path: rawPath) else { return false }
        let type = TarEntryType(header.type, path: rawPath)
        if !type.hasData && declared > 0 {
            collector.report(.corrupt, path: rawPath, "\(type.kind.rawValue) header declares \(declared) data bytes; "
                + "read as none, as Python's tarfile does")
        }
        let size = type.hasData ? Int(clamping64: declared) : 0
        let padded = Self.padded(size)
        guard let path = collector.checkedPath(rawPath, isDirectory: type.kind == .directory, backslashSeparates: false)
        else { return skip(padded, path: rawPath) }
        if type.kind == .file && size > collector.limits.maxEntryBytes {
            collector.report(.entrySizeLimit, path: rawPath, "file of \(size) bytes is larger than "
                + "\(collector.limits.maxEntryBytes); skipped")
            return skip(padded, path: rawPath)
        }
        let isLink = type.kind == .symlink || type.kind == .hardlink
        if isLink && !collector.admitLinkTarget(rawLink, path: rawPath) { return skip(padded, path: rawPath) }
        if let issue = type.issue {
            let what = issue == .deviceOrFifo ? "(device or FIFO)" : "is not supported"
            collector.report(issue, path: rawPath, "tar type '\(Self.typeName(header.type))' \(what); returned as "
                + "'other' without data")
        }
        var data = Data()
        if type.kind == .file {
            guard fits(padded, path: rawPath) else { return false }
            do {
                data = try source.read(exactly: size)
                try source.skip(padded - size)
            } catch {
                stopInData(error, path: rawPath)
                return false
            }
        } else if !skip(padded, path: rawPath) {
            return false
        }
        let kind = path.hasTrailingSeparator && type.kind == .file && size == 0 ? .directory : type.kind
        let entry = ArchiveEntry(
            path: path.normalised, kind: kind, data: data, linkTarget: isLink ? rawLink : nil, mode: header.mode)
        collector.add(entry, rawPath: rawPath)
        return true
    }

    /// Skips `count` bytes of data; `false` when reading must stop.
    private mutating func skip(_ count: Int, path: String) -> Bool {
        guard count > 0 else { return true }
        guard fits(count, path: path) else { return false }
        do {
            try source.skip(count)
            return true
        } catch {
            stopInData(error, path: path)
            return false
        }
    }

    /// Whether `count` more bytes stay within the budget; reports `totalSizeLimit` when not.
    private mutating func fits(_ count: Int, path: String?) -> Bool {
        if count <= budget - source.position { return true }
        collector.report(.totalSizeLimit, path: path, "reading \(count) more bytes would pass the limit of "
            + "\(collector.limits.maxTotalBytes) uncompressed bytes; reading stopped")
        return false
    }

    /// `count` rounded up to whole blocks.
    private static func padded(_ count: Int) -> Int {
        let remainder = count % TarHeader.blockSize
        guard remainder != 0 else { return count }
        let (sum, overflow) = count.addingReportingOverflow(TarHeader.blockSize - remainder)
        return overflow ? Int.max : sum
    }

    /// A printable form of a type flag.
    private static func typeName(_ type: UInt8) -> String {
        type >= 0x20 && type < 0x7F ? String(UnicodeScalar(type)) : String(format: "\\x%02x", type)
    }

    /// "the input" or "the inflated gzip data" (or decoded xz or bzip2 data).
    private static func `where`(_ kind: ArchiveKind) -> String {
        switch kind {
        case .tarGzip: "the inflated gzip data"
        case .tarXz: "the decoded xz data"
        case .tarBzip2: "the decoded bzip2 data"
        case .tar, .zip: "the input"
        }
    }
}
