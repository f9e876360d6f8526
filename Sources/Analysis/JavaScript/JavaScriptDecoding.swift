import Foundation

/// Decoders the constant folder applies: base64 (`atob`, `Buffer.from(s, 'base64')`), hex, percent escapes and
/// character codes. Each returns nil on input that does not decode, and caps its output.
enum JavaScriptDecoding {
    /// The most bytes a decoded or folded string may hold.
    static let maximumLength = 1 << 20

    /// Decodes base64 or base64url (padding optional, whitespace ignored).
    static func base64(_ text: String) -> String? {
        var bits: UInt32 = 0, count = 0
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count * 3 / 4)
        for byte in text.utf8 {
            let value: UInt32
            switch byte {
            case 0x41...0x5A: value = UInt32(byte - 0x41)
            case 0x61...0x7A: value = UInt32(byte - 0x61 + 26)
            case 0x30...0x39: value = UInt32(byte - 0x30 + 52)
            case UInt8(ascii: "+"), UInt8(ascii: "-"): value = 62
            case UInt8(ascii: "/"), UInt8(ascii: "_"): value = 63
            case UInt8(ascii: "="), 0x20, 0x0A, 0x0D, 0x09: continue
            default: return nil
            }
            bits = (bits << 6) | value
            count += 6
            if count >= 8 {
                count -= 8
                out.append(UInt8((bits >> UInt32(count)) & 0xFF))
            }
            if out.count > maximumLength { return nil }
        }
        return printableText(out)
    }

    /// Decodes hex pairs.
    static func hex(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        guard bytes.count % 2 == 0, bytes.count / 2 <= maximumLength else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count / 2)
        var index = 0
        while index + 1 < bytes.count {
            guard let high = nibble(bytes[index]), let low = nibble(bytes[index + 1]) else { return nil }
            out.append(high << 4 | low)
            index += 2
        }
        return printableText(out)
    }

    /// Decodes `%XX` escapes (and `%uXXXX` for `unescape`).
    static func percent(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count, let high = nibble(bytes[index + 1]),
                let low = nibble(bytes[index + 2])
            {
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A string from character codes.
    static func characters(_ codes: [Double]) -> String? {
        var scalars = String.UnicodeScalarView()
        for code in codes {
            guard code >= 0, code < 0x110000, let scalar = Unicode.Scalar(UInt32(code)) else { return nil }
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// The value of a numeric literal (`65`, `0x41`, `0o101`, `0b1000001`, `6.5e1`).
    static func number(_ literal: String) -> Double? {
        var plain: Double = 0
        var isPlain = !literal.isEmpty && literal.utf8.count <= 15
        for byte in literal.utf8 where isPlain {
            if byte >= 0x30 && byte <= 0x39 { plain = plain * 10 + Double(byte - 0x30) } else { isPlain = false }
        }
        if isPlain && !(literal.utf8.count > 1 && literal.utf8.first == 0x30) { return plain }
        // Foundation's replace and `lowercased` change nothing in ASCII without `_` or capitals: skip them then.
        let unchanged = literal.utf8.allSatisfy { $0 < 0x80 && $0 != 0x5F /* _ */ && !($0 >= 0x41 && $0 <= 0x5A) }
        let text = unchanged ? literal : literal.replacingOccurrences(of: "_", with: "").lowercased()
        if text.hasPrefix("0x") { return UInt64(text.dropFirst(2), radix: 16).map { Double($0) } }
        if text.hasPrefix("0o") { return UInt64(text.dropFirst(2), radix: 8).map { Double($0) } }
        if text.hasPrefix("0b") { return UInt64(text.dropFirst(2), radix: 2).map { Double($0) } }
        if text.count > 1, text.hasPrefix("0"), text.allSatisfy(\.isNumber) {
            return UInt64(text, radix: 8).map { Double($0) }
        }
        return Double(text.hasSuffix("n") ? String(text.dropLast()) : text)
    }

    // MARK: - Private

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: c - 0x30
        case 0x41...0x46: c - 0x41 + 10
        case 0x61...0x66: c - 0x61 + 10
        default: nil
        }
    }

    /// Bytes as text when they are mostly printable (a decoded binary blob is not a string worth analysing).
    private static func printableText(_ bytes: [UInt8]) -> String? {
        guard !bytes.isEmpty else { return "" }
        let printable = bytes.reduce(0) { $0 + (($1 >= 0x20 || $1 == 0x0A || $1 == 0x0D || $1 == 0x09) ? 1 : 0) }
        guard printable * 10 >= bytes.count * 9 else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}
