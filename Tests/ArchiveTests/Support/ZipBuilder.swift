import Foundation

/// Builds zip archives for tests: stored and deflated entries, data descriptors, Unix modes, ZIP64 end records,
/// lying sizes, and central-directory records that share a local header.
struct ZipBuilder {
    /// One entry as the builder writes it.
    struct Entry {
        var name: String
        var method: UInt16
        var compressed: Data
        var crc: UInt32
        var uncompressedSize: UInt64
        var flags: UInt16 = 0
        var unixMode: UInt32?
        var dataDescriptor = false
        var localName: String?
    }

    private var entries: [Entry] = []
    /// Extra central records that point into an earlier entry's local file (overlap).
    private var aliases: [(entry: Entry, target: Int, delta: Int)] = []

    /// Adds a file, deflated (`method` 8) or stored (0).
    mutating func add(_ name: String, _ contents: Data, method: UInt16 = 8, unixMode: UInt32? = 0o100644,
                      dataDescriptor: Bool = false)
    {
        let compressed = method == 8 ? Deflater.compress(contents, .raw) : contents
        entries.append(Entry(name: name, method: method, compressed: compressed, crc: Deflater.crc(contents),
                             uncompressedSize: UInt64(contents.count), unixMode: unixMode,
                             dataDescriptor: dataDescriptor))
    }

    /// Adds a prepared entry (lying sizes, odd flags, pre-compressed bombs).
    mutating func add(_ entry: Entry) { entries.append(entry) }

    /// Adds a central-directory record named `name` that points at entry `target`'s local header.
    mutating func alias(name: String, to target: Int) {
        var entry = entries[target]
        entry.name = name
        aliases.append((entry, target, 0))
    }

    /// Adds a central-directory record for `entry` that points `delta` bytes into entry `target`'s local file.
    mutating func alias(_ entry: Entry, to target: Int, delta: Int) { aliases.append((entry, target, delta)) }

    /// Entry `index` as added.
    func entry(_ index: Int) -> Entry { entries[index] }

    /// The local files alone (headers and data, no central directory).
    func localFiles() -> Data {
        let whole = build()
        return whole.prefix(entries.reduce(0) { $0 + 30 + ($1.localName ?? $1.name).utf8.count + $1.compressed.count })
    }

    /// The archive bytes.
    /// - Parameters:
    ///   - prefix: Bytes written before the zip (a self-extracting stub); offsets stay relative to the zip.
    ///   - zip64: Whether to write ZIP64 end records (always done past 65,535 entries).
    func build(prefix: Data = Data(), zip64: Bool = false) -> Data {
        var out = Data()
        var central = Data()
        var offsets: [UInt32] = []
        for entry in entries {
            offsets.append(UInt32(out.count))
            let descriptorFlag: UInt16 = entry.dataDescriptor ? 0x8 : 0
            let localName = Data((entry.localName ?? entry.name).utf8)
            out.le(UInt32(0x0403_4B50)); out.le(UInt16(20)); out.le(entry.flags | descriptorFlag)
            out.le(entry.method); out.le(UInt32(0))
            out.le(entry.dataDescriptor ? 0 : entry.crc)
            out.le(entry.dataDescriptor ? 0 : UInt32(entry.compressed.count))
            out.le(entry.dataDescriptor ? 0 : UInt32(truncatingIfNeeded: entry.uncompressedSize))
            out.le(UInt16(localName.count)); out.le(UInt16(0)); out.append(localName)
            out.append(entry.compressed)
            if entry.dataDescriptor {
                out.le(UInt32(0x0807_4B50)); out.le(entry.crc); out.le(UInt32(entry.compressed.count))
                out.le(UInt32(truncatingIfNeeded: entry.uncompressedSize))
            }
        }
        let records = entries.enumerated().map { ($1, offsets[$0]) }
            + aliases.map { ($0.entry, offsets[$0.target] + UInt32($0.delta)) }
        for (entry, offset) in records {
            let name = Data(entry.name.utf8)
            central.le(UInt32(0x0201_4B50)); central.le(UInt16(entry.unixMode == nil ? 20 : 0x0314))
            central.le(UInt16(20)); central.le(entry.flags | (entry.dataDescriptor ? 0x8 : 0)); central.le(entry.method)
            central.le(UInt32(0)); central.le(entry.crc); central.le(UInt32(entry.compressed.count))
            central.le(UInt32(truncatingIfNeeded: entry.uncompressedSize)); central.le(UInt16(name.count))
            central.le(UInt16(0)); central.le(UInt16(0)); central.le(UInt16(0)); central.le(UInt16(0))
            central.le((entry.unixMode ?? 0) << 16); central.le(offset); central.append(name)
        }
        let directoryOffset = out.count
        out.append(central)
        let count = records.count
        if zip64 || count > 0xFFFF {
            let recordOffset = out.count
            out.le(UInt32(0x0606_4B50)); out.le(UInt64(44)); out.le(UInt16(45)); out.le(UInt16(45))
            out.le(UInt32(0)); out.le(UInt32(0)); out.le(UInt64(count)); out.le(UInt64(count))
            out.le(UInt64(central.count)); out.le(UInt64(directoryOffset))
            out.le(UInt32(0x0706_4B50)); out.le(UInt32(0)); out.le(UInt64(recordOffset)); out.le(UInt32(1))
        }
        let shortCount = UInt16(min(count, 0xFFFF))
        out.le(UInt32(0x0605_4B50)); out.le(UInt16(0)); out.le(UInt16(0)); out.le(shortCount); out.le(shortCount)
        out.le(UInt32(central.count)); out.le(UInt32(directoryOffset)); out.le(UInt16(0))
        return prefix + out
    }
}

extension Data {
    /// Appends a little-endian integer.
    mutating func le<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
