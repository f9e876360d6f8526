import Foundation

/// One 512-byte tar header block, decoded (ustar, GNU and v7 layouts).
struct TarHeader {
    /// The tar block size.
    static let blockSize = 512

    /// The header layouts, told apart by the magic at offset 257.
    enum Layout { case ustar, gnu, v7 }

    /// The name field, with the ustar prefix joined in front when there is one.
    let name: String
    /// The link name field.
    let linkName: String
    /// The type flag byte (`0`, `5`, `x`, `L`, …; NUL for old regular files).
    let type: UInt8
    /// The size field; `UInt64.max` when a base-256 value does not fit in 64 bits.
    let size: UInt64
    /// The permission bits.
    let mode: UInt32?
    /// The layout.
    let layout: Layout

    /// Decodes a header block; `nil` when the checksum does not match or a numeric field is malformed.
    /// - Parameter block: Exactly 512 bytes.
    init?(_ block: Data) {
        guard block.count == Self.blockSize, Self.hasValidChecksum(block) else { return nil }
        let bytes = [UInt8](block)
        guard let size = Self.number(bytes[124..<136]) else { return nil }
        if bytes[257..<263].elementsEqual("ustar\0".utf8) {
            layout = .ustar
        } else if bytes[257..<265].elementsEqual("ustar  \0".utf8) {
            layout = .gnu
        } else {
            layout = .v7
        }
        let baseName = Self.string(bytes[0..<100])
        let prefix = layout == .ustar ? Self.string(bytes[345..<500]) : ""
        name = prefix.isEmpty ? baseName : prefix + "/" + baseName
        linkName = Self.string(bytes[157..<257])
        type = bytes[156]
        self.size = size
        mode = Self.number(bytes[100..<108]).map { UInt32(truncatingIfNeeded: $0 & 0o7777) }
    }

    /// Whether the checksum field matches the block (unsigned sum, or the signed sum some old tars wrote).
    static func hasValidChecksum(_ block: Data) -> Bool {
        guard block.count == blockSize else { return false }
        let field = [UInt8](block[(block.startIndex + 148)..<(block.startIndex + 156)])
        guard let stored = number(field[...]) else { return false }
        let (unsigned, signed) = block.withUnsafeBytes { raw -> (Int, Int) in
            var unsigned = 8 * 0x20
            var signed = 8 * 0x20
            for index in 0..<blockSize where index < 148 || index >= 156 {
                let byte = raw[index]
                unsigned &+= Int(byte)
                signed &+= Int(Int8(bitPattern: byte))
            }
            return (unsigned, signed)
        }
        return stored == UInt64(unsigned) || Int(clamping64: stored) == signed
    }

    /// Whether the block is all zeros (an end-of-archive marker).
    static func isZeroBlock(_ block: Data) -> Bool {
        block.withUnsafeBytes { raw in
            var index = 0
            while index < raw.count {
                if raw[index] != 0 { return false }
                index += 1
            }
            return true
        }
    }

    // MARK: - Private

    /// Decodes an octal field (leading spaces or NULs, digits, then space or NUL) or a base-256 field (first byte
    /// 0x80 = positive); `nil` when malformed or negative.
    private static func number(_ field: ArraySlice<UInt8>) -> UInt64? {
        guard let first = field.first else { return nil }
        if first & 0x80 != 0 {
            guard first == 0x80 else { return nil }
            var value: UInt64 = 0
            for byte in field.dropFirst() {
                guard value >> 56 == 0 else { return UInt64.max }
                value = value << 8 | UInt64(byte)
            }
            return value
        }
        var value: UInt64 = 0
        var started = false
        for byte in field {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                guard value >> 60 == 0 else { return nil }
                value = value << 3 | UInt64(byte - UInt8(ascii: "0"))
                started = true
            case 0, UInt8(ascii: " "):
                if started { return value }
            default:
                return nil
            }
        }
        return value
    }

    /// The bytes up to the first NUL, as UTF-8 (invalid sequences replaced).
    private static func string(_ field: ArraySlice<UInt8>) -> String {
        String(decoding: field.prefix { $0 != 0 }, as: UTF8.self)
    }
}
