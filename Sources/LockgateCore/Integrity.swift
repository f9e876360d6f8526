import Foundation

/// A hash algorithm a lockfile pins an archive with.
public enum DigestAlgorithm: String, Sendable, Hashable, Codable, CaseIterable {
    case md5
    case sha1
    case sha224
    case sha256
    case sha384
    case sha512
    /// yarn berry's `checksum`: a sha512 of yarn's own cache zip, not of the registry archive.
    /// It proves the lockfile was written with an integrity check but cannot verify a downloaded tarball.
    case yarnBerry = "yarn-berry"

    /// The digest length in bytes, when fixed.
    public var byteCount: Int {
        switch self {
        case .md5: 16
        case .sha1: 20
        case .sha224: 28
        case .sha256: 32
        case .sha384: 48
        case .sha512, .yarnBerry: 64
        }
    }
}

/// One integrity hash from a lockfile, normalised to lowercase hex.
public struct Integrity: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The algorithm.
    public var algorithm: DigestAlgorithm
    /// The digest as lowercase hexadecimal.
    public var hex: String

    /// Creates an integrity value from a hex digest.
    /// - Parameters:
    ///   - algorithm: The algorithm.
    ///   - hex: The digest in hexadecimal (any case).
    public init(algorithm: DigestAlgorithm, hex: String) {
        self.algorithm = algorithm
        self.hex = hex.lowercased()
    }

    /// `algorithm:hex`, the form reports use.
    public var description: String { "\(algorithm.rawValue):\(hex)" }

    /// Parses one Subresource Integrity token (`sha512-<base64>`), as npm, yarn and pnpm write them.
    /// - Parameter token: One SRI token; options after `?` are ignored.
    /// - Returns: The integrity, or nil when the token is not a known algorithm with a valid digest.
    public static func sri(_ token: Substring) -> Integrity? {
        guard let dash = token.firstIndex(of: "-") else { return nil }
        guard let algorithm = DigestAlgorithm(rawValue: token[..<dash].lowercased()), algorithm != .yarnBerry else {
            return nil
        }
        var body = token[token.index(after: dash)...]
        if let question = body.firstIndex(of: "?") { body = body[..<question] }
        guard let bytes = Base64.decode(body.utf8), bytes.count == algorithm.byteCount else { return nil }
        return Integrity(algorithm: algorithm, hex: Data(bytes).hexString)
    }

    /// Parses a whitespace-separated SRI string (`sha512-... sha1-...`).
    /// - Parameter string: The SRI string.
    /// - Returns: Every valid token's integrity, in order; empty when none is valid.
    public static func sriList(_ string: String) -> [Integrity] {
        // Almost every lockfile writes exactly one token; avoid splitting then.
        if !string.utf8.contains(where: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A }) {
            return sri(Substring(string)).map { [$0] } ?? []
        }
        return string.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).compactMap { sri($0) }
    }

    /// Parses `algorithm:hex` or `algorithm=hex` (pip, Pipfile, poetry, uv).
    /// - Parameter string: The hash string.
    /// - Returns: The integrity, or nil when malformed.
    public static func prefixedHex(_ string: String) -> Integrity? {
        guard let separator = string.firstIndex(where: { $0 == ":" || $0 == "=" }) else { return nil }
        guard let algorithm = DigestAlgorithm(rawValue: string[..<separator].lowercased()) else { return nil }
        let hex = string[string.index(after: separator)...]
        guard Integrity.isHex(hex, byteCount: algorithm.byteCount) else { return nil }
        return Integrity(algorithm: algorithm, hex: String(hex))
    }

    /// Whether `text` is exactly `byteCount` bytes of hexadecimal.
    /// - Parameters:
    ///   - text: The candidate.
    ///   - byteCount: The expected number of bytes.
    /// - Returns: True when `text` has `2 * byteCount` hex digits and nothing else.
    public static func isHex(_ text: Substring, byteCount: Int) -> Bool {
        text.utf8.count == byteCount * 2 && text.utf8.allSatisfy { $0.isHexDigit }
    }
}

extension Data {
    /// The bytes as lowercase hexadecimal.
    public var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(count * 2)
        for byte in self {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension UInt8 {
    /// Whether the byte is an ASCII hexadecimal digit.
    public var isHexDigit: Bool {
        (0x30...0x39).contains(self) || (0x41...0x46).contains(self) || (0x61...0x66).contains(self)
    }
}

/// Standard and URL-safe base64 decoding over bytes, without going through `Data(base64Encoded:)` and `String`.
enum Base64 {
    private static let table: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, byte) in Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8).enumerated() {
            table[Int(byte)] = UInt8(index)
        }
        table[Int(UInt8(ascii: "-"))] = 62
        table[Int(UInt8(ascii: "_"))] = 63
        return table
    }()

    /// Decodes base64 (padding optional); nil for any character outside the alphabet or a bad length.
    static func decode(_ text: some Collection<UInt8>) -> [UInt8]? {
        var output = [UInt8]()
        output.reserveCapacity(text.count * 3 / 4)
        var accumulator: UInt32 = 0
        var bits = 0
        var padding = 0
        var consumed = 0
        for byte in text {
            if byte == UInt8(ascii: "=") {
                padding += 1
                continue
            }
            guard padding == 0 else { return nil }
            let value = table[Int(byte)]
            guard value != 0xFF else { return nil }
            accumulator = (accumulator << 6) | UInt32(value)
            consumed += 1
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8((accumulator >> UInt32(bits)) & 0xFF))
            }
        }
        guard padding <= 2, bits < 6, padding == 0 || (consumed + padding) % 4 == 0 else { return nil }
        return output
    }
}
