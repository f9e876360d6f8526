import Foundation

/// Builds tar streams for tests: ustar, GNU and v7 headers, pax and GNU long-name members, base-256 sizes.
struct TarBuilder {
    /// Header layouts.
    enum Format { case ustar, gnu, v7 }

    /// The stream so far.
    var data = Data()

    /// Appends a header and `contents` (padded), with an optional declared size that differs from the contents.
    mutating func entry(
        _ name: String, _ contents: Data = Data(), type: Character = "0", linkName: String = "",
        mode: Int = 0o644, format: Format = .ustar, prefix: String = "", declaredSize: UInt64? = nil,
        base256: Bool = false
    ) {
        data.append(Self.header(
            name: name, type: type, size: declaredSize ?? UInt64(contents.count), linkName: linkName, mode: mode,
            format: format, prefix: prefix, base256: base256))
        data.append(contents)
        data.append(Data(count: Self.padding(contents.count)))
    }

    /// Appends a file with text contents.
    mutating func file(_ name: String, _ text: String, mode: Int = 0o644) {
        entry(name, Data(text.utf8), mode: mode)
    }

    /// Appends a pax extended header (`x`, or `g` when `global`) with `records`.
    mutating func pax(_ records: [(String, String)], global: Bool = false) {
        var body = Data()
        for (key, value) in records { body.append(Data(Self.paxRecord(key, value).utf8)) }
        entry("PaxHeaders/x", body, type: global ? "g" : "x")
    }

    /// Appends a GNU long-name (`L`) or long-link (`K`) member.
    mutating func gnuLong(_ value: String, link: Bool = false) {
        var body = Data(value.utf8)
        body.append(0)
        entry("././@LongLink", body, type: link ? "K" : "L", format: .gnu)
    }

    /// Appends the two zero blocks that end an archive.
    mutating func end() { data.append(Data(count: 1024)) }

    /// A finished archive's bytes (with end blocks).
    func finished() -> Data {
        var copy = self
        copy.end()
        return copy.data
    }

    /// One `LEN key=value\n` pax record.
    static func paxRecord(_ key: String, _ value: String) -> String {
        let body = " \(key)=\(value)\n"
        var length = body.utf8.count + 1
        while String(length).count + body.utf8.count != length { length += 1 }
        return "\(length)\(body)"
    }

    /// A 512-byte header with a correct checksum.
    static func header(
        name: String, type: Character, size: UInt64, linkName: String = "", mode: Int = 0o644,
        format: Format = .ustar, prefix: String = "", base256: Bool = false
    ) -> Data {
        var block = [UInt8](repeating: 0, count: 512)
        func put(_ text: String, at offset: Int, width: Int) {
            for (index, byte) in text.utf8.prefix(width).enumerated() { block[offset + index] = byte }
        }
        func octal(_ value: UInt64, at offset: Int, width: Int) {
            put(String(repeating: "0", count: max(0, width - 1 - String(value, radix: 8).count))
                + String(value, radix: 8), at: offset, width: width - 1)
        }
        put(name, at: 0, width: 100)
        octal(UInt64(mode), at: 100, width: 8)
        octal(1000, at: 108, width: 8)
        octal(1000, at: 116, width: 8)
        if base256 {
            block[124] = 0x80
            for index in 0..<8 { block[135 - index] = UInt8(truncatingIfNeeded: size >> (8 * UInt64(index))) }
        } else {
            octal(size, at: 124, width: 12)
        }
        octal(0o14_000_000_000, at: 136, width: 12)
        block[156] = type.asciiValue ?? 0x30
        put(linkName, at: 157, width: 100)
        switch format {
        case .ustar:
            put("ustar\0" + "00", at: 257, width: 8)
            put(prefix, at: 345, width: 155)
        case .gnu: put("ustar  \0", at: 257, width: 8)
        case .v7: break
        }
        put("user", at: 265, width: 32)
        put("group", at: 297, width: 32)
        for index in 148..<156 { block[index] = 0x20 }
        let sum = block.reduce(0) { $0 + Int($1) }
        put(String(repeating: "0", count: 6 - String(sum, radix: 8).count) + String(sum, radix: 8) + "\0 ",
            at: 148, width: 8)
        return Data(block)
    }

    /// Zero bytes after `count` to the next block boundary.
    static func padding(_ count: Int) -> Int { (512 - count % 512) % 512 }
}
