/// One central-directory record of a zip.
struct ZipCentralRecord {
    /// Fixed part of a central-directory record.
    static let fixedSize = 46
    private static let signature: UInt64 = 0x0201_4B50

    /// The host system in the upper byte of "version made by" (3 = Unix, 19 = macOS).
    let hostSystem: Int
    /// General-purpose flags (bit 0 encrypted, bit 3 data descriptor, bit 6 strong encryption, bit 11 UTF-8).
    let flags: Int
    /// Compression method (0 stored, 8 deflate).
    let method: Int
    /// CRC-32 of the uncompressed data.
    let crc: UInt32
    /// Compressed size (ZIP64 extra applied).
    let compressedSize: UInt64
    /// Uncompressed size (ZIP64 extra applied).
    let uncompressedSize: UInt64
    /// The raw name bytes.
    let nameBytes: [UInt8]
    /// External attributes (Unix mode in the upper 16 bits for Unix hosts).
    let externalAttributes: UInt32
    /// Local header offset as written (ZIP64 extra applied).
    let localOffset: UInt64
    /// The record's total length.
    let length: Int

    /// Decodes the record at `offset`; `nil` when the signature is wrong or it does not fit before `limit`.
    /// - Parameters:
    ///   - bytes: The whole zip.
    ///   - offset: Where the record starts.
    ///   - limit: Where the central directory ends.
    init?(_ bytes: ByteView, at offset: Int, limit: Int) {
        guard offset + Self.fixedSize <= limit, bytes.u32(offset) == Self.signature,
            let madeBy = bytes.u16(offset + 4), let flags = bytes.u16(offset + 8), let method = bytes.u16(offset + 10),
            let crc = bytes.u32(offset + 16), let compressed = bytes.u32(offset + 20),
            let uncompressed = bytes.u32(offset + 24), let nameLength = bytes.u16(offset + 28),
            let extraLength = bytes.u16(offset + 30), let commentLength = bytes.u16(offset + 32),
            let attributes = bytes.u32(offset + 38), let local = bytes.u32(offset + 42)
        else { return nil }
        length = Self.fixedSize + nameLength + extraLength + commentLength
        guard offset + length <= limit else { return nil }
        hostSystem = madeBy >> 8
        self.flags = flags
        self.method = method
        self.crc = UInt32(truncatingIfNeeded: crc)
        externalAttributes = UInt32(truncatingIfNeeded: attributes)
        nameBytes = [UInt8](bytes.subdata(offset + Self.fixedSize, nameLength))
        var sizes = (uncompressed, compressed, local)
        Self.applyZip64(bytes, extra: offset + Self.fixedSize + nameLength, length: extraLength, to: &sizes)
        (uncompressedSize, compressedSize, localOffset) = sizes
    }

    /// The Unix file-type and permission bits, when the record was made on a Unix-like host.
    var unixMode: UInt32? {
        hostSystem == 3 || hostSystem == 19 ? externalAttributes >> 16 : nil
    }

    // MARK: - Private

    /// Replaces the 0xFFFFFFFF fields with the ZIP64 extra field's values, in their fixed order.
    private static func applyZip64(
        _ bytes: ByteView, extra: Int, length: Int, to sizes: inout (UInt64, UInt64, UInt64)
    ) {
        let marker: UInt64 = 0xFFFF_FFFF
        var offset = extra
        while offset + 4 <= extra + length, let id = bytes.u16(offset), let size = bytes.u16(offset + 2) {
            let body = offset + 4
            guard body + size <= extra + length else { return }
            if id == 0x0001 {
                var field = body
                func next() -> UInt64? {
                    guard field + 8 <= body + size, let value = bytes.u64(field) else { return nil }
                    field += 8
                    return value
                }
                if sizes.0 == marker, let value = next() { sizes.0 = value }
                if sizes.1 == marker, let value = next() { sizes.1 = value }
                if sizes.2 == marker, let value = next() { sizes.2 = value }
                return
            }
            offset = body + size
        }
    }
}
