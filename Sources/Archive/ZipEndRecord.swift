/// The zip end-of-central-directory record (with its ZIP64 counterpart when present): where the central directory
/// is and how many entries it claims.
struct ZipEndRecord {
    /// Entries the record claims.
    let entryCount: UInt64
    /// Central directory size in bytes.
    let directorySize: UInt64
    /// Central directory offset as written (before any shift for data prepended to the zip).
    let directoryOffset: UInt64
    /// Where the end record (the ZIP64 one when present) starts; the central directory ends there.
    let recordStart: Int

    private static let endSignature: [UInt8] = [0x50, 0x4B, 0x05, 0x06]
    private static let locatorSignature: UInt64 = 0x0706_4B50
    private static let zip64Signature: UInt64 = 0x0606_4B50
    private static let endSize = 22

    /// Finds the end record in the last 64 KiB (plus record size) of `bytes`.
    /// - Parameter bytes: The whole zip.
    /// - Returns: The record, or `nil` when there is none or its fields do not fit the file.
    static func locate(in bytes: ByteView) -> ZipEndRecord? {
        guard bytes.count >= endSize else { return nil }
        let lowest = max(0, bytes.count - endSize - 0xFFFF)
        var offset = bytes.count - endSize
        while offset >= lowest {
            if bytes.matches(endSignature, at: offset), let comment = bytes.u16(offset + 20),
                offset + endSize + comment <= bytes.count, let record = record(at: offset, in: bytes)
            {
                return record
            }
            offset -= 1
        }
        return nil
    }

    // MARK: - Private

    /// Decodes the end record at `offset`, following the ZIP64 locator when there is one.
    private static func record(at offset: Int, in bytes: ByteView) -> ZipEndRecord? {
        guard let count = bytes.u16(offset + 10), let size = bytes.u32(offset + 12),
            let start = bytes.u32(offset + 16)
        else { return nil }
        if let zip64 = zip64Record(endOffset: offset, in: bytes) { return zip64 }
        guard size <= UInt64(offset) else { return nil }
        return ZipEndRecord(entryCount: UInt64(count), directorySize: size, directoryOffset: start, recordStart: offset)
    }

    /// The ZIP64 end record, when a locator sits just before the end record and points at one.
    private static func zip64Record(endOffset: Int, in bytes: ByteView) -> ZipEndRecord? {
        let locator = endOffset - 20
        guard locator >= 0, bytes.u32(locator) == locatorSignature, let stated = bytes.u64(locator + 8) else {
            return nil
        }
        let fallback = locator - 56
        let candidates = [Int(clamping64: stated), fallback]
        for offset in candidates where offset >= 0 && bytes.u32(offset) == zip64Signature {
            guard let count = bytes.u64(offset + 32), let size = bytes.u64(offset + 40),
                let start = bytes.u64(offset + 48), size <= UInt64(offset)
            else { return nil }
            return ZipEndRecord(entryCount: count, directorySize: size, directoryOffset: start, recordStart: offset)
        }
        return nil
    }
}
