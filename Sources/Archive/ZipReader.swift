import Foundation

/// Reads a zip held in memory: the central directory, then each entry's local header and data, within the limits.
///
/// Sizes come from the central directory, as Python's `zipfile` (and so pip) takes them; they are never trusted for
/// allocation: inflating stops one byte past the declared size, and every declared size is checked against the limits
/// before any work is done.
struct ZipReader {
    private let bytes: ByteView
    private var collector: EntryCollector
    private let inflater: RawInflater
    /// Bytes inflated or copied from entries so far.
    private var produced = 0
    /// Set when a limit stopped reading inside ``entryData(_:range:path:)``.
    private var stopped = false

    /// Prepares to read `data`.
    /// - Parameters:
    ///   - data: The whole zip.
    ///   - limits: The limits in force.
    /// - Throws: `ArchiveError` when zlib cannot start.
    init(_ data: Data, limits: ArchiveLimits) throws(ArchiveError) {
        bytes = ByteView(data)
        collector = EntryCollector(limits: limits)
        inflater = try RawInflater()
    }

    /// Reads every entry the central directory lists, up to the first limit that stops reading.
    /// - Returns: The entries and issues.
    /// - Throws: `ArchiveError` when there is no usable end record or central directory.
    mutating func read() throws(ArchiveError) -> ArchiveContents {
        guard let end = ZipEndRecord.locate(in: bytes) else {
            throw ArchiveError(code: .corrupt, message: "no zip end-of-central-directory record in the last 64 KiB")
        }
        let directoryStart = end.recordStart - Int(end.directorySize)
        guard end.directoryOffset <= UInt64(directoryStart) else {
            throw ArchiveError(code: .corrupt, message: "the central directory offset \(end.directoryOffset) is past "
                + "where the directory must start (\(directoryStart))", offset: end.recordStart)
        }
        let shift = directoryStart - Int(end.directoryOffset)
        let records = try centralRecords(from: directoryStart, to: end.recordStart, claimed: end.entryCount)
        let locals = records.map { ZipLocal(bytes, record: $0, shift: shift, directoryStart: directoryStart) }
        let overlapping = ZipLocal.overlapping(locals)
        for index in records.indices {
            guard extract(records[index], local: locals[index], overlaps: overlapping.contains(index)) else { break }
        }
        return ArchiveContents(kind: .zip, entries: collector.entries, issues: collector.issues,
                               uncompressedBytes: produced)
    }

    // MARK: - Private

    /// Parses the central directory's records, stopping at damage or the entry-count limit.
    private mutating func centralRecords(from start: Int, to end: Int, claimed: UInt64) throws(ArchiveError)
        -> [ZipCentralRecord]
    {
        var records: [ZipCentralRecord] = []
        var offset = start
        while offset < end {
            guard let record = ZipCentralRecord(bytes, at: offset, limit: end) else {
                guard !records.isEmpty else {
                    throw ArchiveError(code: .corrupt, message: "no valid central directory record", offset: offset)
                }
                collector.report(.truncated, path: nil, "damaged central directory record at offset \(offset); the "
                    + "entries after it are missing")
                return records
            }
            guard collector.admitHeader(path: name(of: record)) else { return records }
            records.append(record)
            offset += record.length
        }
        if records.isEmpty && claimed > 0 {
            throw ArchiveError(code: .corrupt, message: "the end record claims \(claimed) entries but the central "
                + "directory is empty", offset: start)
        }
        if UInt64(records.count) != claimed {
            collector.report(.corrupt, path: nil, "the central directory holds \(records.count) entries but the end "
                + "record claims \(claimed)")
        }
        return records
    }

    /// Reads one entry; `false` when reading must stop.
    private mutating func extract(_ record: ZipCentralRecord, local: ZipLocal, overlaps: Bool) -> Bool {
        let raw = name(of: record)
        let type = (record.unixMode ?? 0) & 0o170000
        let isDirectory = raw.hasSuffix("/") || raw.hasSuffix("\\") || type == 0o040000
        guard let path = collector.checkedPath(raw, isDirectory: isDirectory, backslashSeparates: true) else {
            return true
        }
        let mode = record.unixMode.map { $0 & 0o7777 }
        guard case .valid(let range, _, let nameMatches) = local else {
            if case .invalid(let message) = local { collector.report(.corrupt, path: raw, message + "; skipped") }
            return true
        }
        if overlaps {
            collector.report(.overlappingEntries, path: raw, "its bytes overlap an earlier entry's (a zip-bomb "
                + "construction); skipped")
            return true
        }
        if !nameMatches {
            collector.report(.corrupt, path: raw, "the local header's name differs from the central directory's; "
                + "skipped")
            return true
        }
        if record.flags & 0x41 != 0 {
            collector.report(.encrypted, path: raw, "encrypted entry; skipped")
            return true
        }
        if isDirectory {
            collector.add(ArchiveEntry(path: path.normalised, kind: .directory, mode: mode), rawPath: raw)
            return true
        }
        if [0o020000, 0o060000, 0o010000, 0o140000].contains(type) {
            collector.report(.deviceOrFifo, path: raw, "device, FIFO or socket; returned as 'other' without data")
            collector.add(ArchiveEntry(path: path.normalised, kind: .other, mode: mode), rawPath: raw)
            return true
        }
        guard let data = entryData(record, range: range, path: raw) else { return !stopped }
        if type == 0o120000 {
            let target = String(decoding: data, as: UTF8.self)
            guard collector.admitLinkTarget(target, path: raw) else { return true }
            let entry = ArchiveEntry(path: path.normalised, kind: .symlink, linkTarget: target, mode: mode)
            collector.add(entry, rawPath: raw)
        } else {
            collector.add(ArchiveEntry(path: path.normalised, kind: .file, data: data, mode: mode), rawPath: raw)
        }
        if collector.limits.exceedsRatio(uncompressed: produced, compressed: bytes.count) {
            collector.report(.compressionRatioLimit, path: nil, "\(bytes.count) bytes of zip inflated to \(produced) "
                + "(over \(collector.limits.maxCompressionRatio):1); reading stopped")
            return false
        }
        return true
    }

    /// The entry's checked bytes, or `nil` with an issue (setting ``stopped`` when reading must stop).
    private mutating func entryData(_ record: ZipCentralRecord, range: Range<Int>, path: String) -> Data? {
        let limits = collector.limits
        let declared = Int(clamping64: record.uncompressedSize)
        guard record.method == 0 || record.method == 8 else {
            collector.report(.unsupportedCompression, path: path, "compression method \(record.method) is not "
                + "stored (0) or deflate (8); skipped")
            return nil
        }
        guard declared <= limits.maxEntryBytes else {
            collector.report(.entrySizeLimit, path: path, "declares \(declared) bytes, more than "
                + "\(limits.maxEntryBytes); skipped")
            return nil
        }
        guard !limits.exceedsRatio(uncompressed: declared, compressed: range.count) else {
            collector.report(.compressionRatioLimit, path: path, "declares \(declared) bytes from \(range.count) "
                + "compressed (over \(limits.maxCompressionRatio):1); skipped")
            return nil
        }
        guard declared <= limits.maxTotalBytes - produced else {
            collector.report(.totalSizeLimit, path: path, "its \(declared) bytes would pass the limit of "
                + "\(limits.maxTotalBytes) uncompressed bytes; reading stopped")
            stopped = true
            return nil
        }
        let data: Data
        if record.method == 0 {
            guard range.count == declared else {
                collector.report(.corrupt, path: path, "stored entry of \(range.count) bytes declares \(declared); "
                    + "skipped")
                return nil
            }
            data = bytes.subdata(range.lowerBound, range.count)
        } else {
            let outcome = bytes.data.withUnsafeBytes { raw in
                inflater.inflate(UnsafeRawBufferPointer(rebasing: raw[range]), cap: declared)
            }
            switch outcome {
            case .complete(let inflated):
                data = inflated
            case .tooLarge:
                produced += declared + 1
                collector.report(.corrupt, path: path, "inflates to more than its declared \(declared) bytes; skipped")
                return nil
            case .damaged(let message):
                collector.report(.corrupt, path: path, message + "; skipped")
                return nil
            }
        }
        produced += data.count
        guard data.count == declared else {
            collector.report(.corrupt, path: path, "inflates to \(data.count) bytes, declares \(declared); skipped")
            return nil
        }
        guard ZipCRC.checksum(data) == record.crc else {
            collector.report(.corrupt, path: path, "CRC-32 does not match; skipped")
            return nil
        }
        return data
    }

    /// The record's decoded name.
    private func name(of record: ZipCentralRecord) -> String {
        ZipName.decode(record.nameBytes, utf8Flag: record.flags & 0x800 != 0)
    }
}
