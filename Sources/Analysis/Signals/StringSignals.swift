import Foundation
import LockgateCore

/// What a constant string (as written, or after folding and decoding) says about intent, in both languages alike:
/// URL kinds, credential and wallet paths, shell command lines, persistence locations, encoded blobs.
///
/// Cheap on ordinary strings: one pass over the bytes decides which families of checks can apply (no `://` means no
/// URL scan, no path separator or dot means no path scan, no space means no command-line scan), so analysers can call
/// it on every string constant. Strings longer than ``scanLimit`` are only checked for URLs and as blobs.
public enum StringSignals {
    /// Strings longer than this are `long_string`.
    public static let longStringLength = 1_000
    /// Base64 literals at least this long are `base64_string`.
    public static let base64Length = 40
    /// Strings longer than this (in UTF-8 bytes) get only the URL scan and the blob checks.
    public static let scanLimit = 20_000

    /// The behaviours a string constant signals, without duplicates, in a stable order: URL kinds (in the order the
    /// URLs appear), path kinds, `shell_command`, recon commands, `long_string`, `base64_string`, then what a base64
    /// blob, a hex literal or a zlib stream says once decoded (`EncodedText`), then `high_entropy_blob`.
    /// - Parameter text: The string's value.
    /// - Returns: Behaviour kinds (empty for ordinary text).
    public static func kinds(in text: String) -> [BehaviourKind] {
        kinds(in: text, decodedKinds: kinds(in:))
    }

    /// The behaviours a string constant signals (as `kinds(in:)`), with the kinds of the text a blob decodes to
    /// given by `decodedKinds` (`kinds(in:)`, or a memo of its answers: a decoded payload is often classified
    /// again where code decodes it).
    /// - Parameters:
    ///   - text: The string's value.
    ///   - decodedKinds: `kinds(in:)` of a decoded text, or the same answers from a memo.
    /// - Returns: Behaviour kinds (empty for ordinary text).
    static func kinds(in text: String, decodedKinds: (String) -> [BehaviourKind]) -> [BehaviourKind] {
        let count = text.utf8.count
        guard count >= 4 else { return [] }
        let shape = ByteShape(text, limit: scanLimit)
        var kinds: [BehaviourKind] = []
        let needsURL = shape.hasSchemeSeparator || (count <= 253 && shape.dots > 0 && shape.spaces == 0)
        let needsPath = count <= scanLimit && (shape.mayBePath || count <= 16 || count == 32)
        let needsShell = count <= scanLimit && (shape.spaces > 0 || shape.hasDevTCP || count <= 16)
        if needsURL || needsPath || needsShell {
            let lower = ByteSearch.lowered(text, limit: needsURL ? .max : scanLimit)
            if needsURL { kinds += URLSignals.kinds(inLowered: lower) }
            if needsPath { kinds += PathSignals.kinds(inLowered: lower) }
            if needsShell {
                let (shell, recon) = ShellSignals.classify(lowered: lower)
                if shell { kinds.append(.shellCommand) }
                if recon { kinds.append(.reconHost) }
            }
        }
        if !needsURL && count >= 43 && count <= 47 && isTelegramBotToken(text) { kinds.append(.urlWebhook) }
        if count >= longStringLength { kinds.append(.longString) }
        let base64 = isBase64Blob(text)
        if base64 { kinds.append(.base64String) }
        if base64 || (count >= EncodedText.shortestHex && count % 2 == 0 && shape.mayBeHex)
            || EncodedText.isZlibLatin1(text)
        {
            kinds += EncodedText.kinds(of: text, isBase64: base64, decodedKinds: decodedKinds)
        }
        if !base64 && count >= 160 && (isHexBlob(text) || (count >= 200 && entropy(text) > 5.5)) {
            kinds.append(.highEntropyBlob)
        }
        guard kinds.count > 1 else { return kinds }
        var unique: [BehaviourKind] = []
        for kind in kinds where !unique.contains(kind) { unique.append(kind) }
        return unique
    }

    /// Whether `kinds(in:)` is empty for a string without classifying it, for the common case of a mid-length word:
    /// fewer than 4 bytes, or 17 to 39 bytes (not 32) with no space, dot or path separator, not starting with `x`
    /// (zlib) nor with a hex pair that may decode. Such a string needs no URL, path or command-line scan (those ask
    /// for a dot, a separator, a space or at most 16 bytes), is too short for the blob and token checks and is not
    /// hex worth decoding. False means only "maybe".
    /// - Parameter text: The string's value.
    /// - Returns: True when the string signals nothing.
    public static func signalsNothing(_ text: String) -> Bool {
        let count = text.utf8.count
        if count < 4 { return true }
        guard count >= 17 && count < base64Length && count != 32 else { return false }
        var text = text
        return text.withUTF8 { bytes in
            let first = bytes[0]
            if first == 0x78 { return false }  // `x`: maybe a zlib stream read as Latin-1
            if count % 2 == 0 && (0x32...0x37).contains(first) && ByteShape.isHexDigit(bytes[1]) { return false }
            for byte in bytes {
                switch byte {
                case 0x20, 0x09, 0x0A, 0x0D, 0x2E, 0x2F, 0x5C, 0x7E: return false
                default: continue
                }
            }
            return true
        }
    }

    /// The text to show as evidence for `kinds`, the string's kinds: what a base64, hex or zlib literal decodes to when
    /// one of them comes from the decoding (a URL in `'aHR0cHM6Ly9...'`), else nil (the literal speaks for itself).
    /// - Parameters:
    ///   - text: The string's value.
    ///   - kinds: `kinds(in: text)`.
    /// - Returns: The first 150 characters of the decoded text on one line, or nil.
    public static func decodedEvidence(_ text: String, kinds: [BehaviourKind]) -> String? {
        guard kinds.contains(where: { !EncodedText.shapeKinds.contains($0) }),
            let decoded = EncodedText.decodedText(text, isBase64: isBase64Blob(text))
        else { return nil }
        return String(String(decoded.prefix(150)).map { $0.isNewline ? " " : $0 })
    }

    /// Whether a kind describes an encoded string's form (`long_string`, `base64_string`, `high_entropy_blob`)
    /// rather than what it says.
    public static func isShapeKind(_ kind: BehaviourKind) -> Bool { EncodedText.shapeKinds.contains(kind) }

    /// Whether a string is a Telegram bot token: 8 to 10 digits, `:`, then 34 to 36 URL-safe base64 characters
    /// starting `AA` (`123456789:AAH…`). With the token, code posts to a chat through a library (telebot, aiogram)
    /// without any webhook URL in sight.
    /// - Parameter text: The string's value.
    /// - Returns: Whether it is a bot token.
    public static func isTelegramBotToken(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let colon = bytes.firstIndex(of: 0x3A), (8...10).contains(colon),
            bytes[..<colon].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
        else { return false }
        let secret = bytes[(colon + 1)...]
        guard (34...36).contains(secret.count), secret.starts(with: [0x41, 0x41]) else { return false }
        return secret.allSatisfy { byte in
            (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || byte >= 0x30 && byte <= 0x39 || byte == 0x5F
                || byte == 0x2D
        }
    }

    /// The kind of each URL in a (lowercased) string: the most specific kind per URL, in order of appearance.
    ///
    /// A string with no scheme that is a bare special host (`abc.oast.fun`, `x.ngrok.io`) or a raw IP with a port
    /// (`45.9.1.2:4444`) counts too; a bare dotted number (`1.2.3.4`, a version) does not.
    /// - Parameter lower: The string, lowercased.
    /// - Returns: One kind per URL.
    public static func urlKinds(in lower: String) -> [BehaviourKind] {
        URLSignals.kinds(in: lower)
    }

    /// The kind of a URL host (lowercased).
    /// - Parameters:
    ///   - host: The host (no port, no user info).
    ///   - url: The URL itself (lowercased), for path-based kinds such as webhooks.
    /// - Returns: The most specific kind.
    public static func kind(ofHost host: String, url: String) -> BehaviourKind {
        URLSignals.kind(ofHost: host, url: url)
    }

    /// Whether a (lowercased) string reads as a shell command line: a download piped to a shell, a reverse shell, an
    /// encoded PowerShell, a chmod+run, and similar.
    ///
    /// Commands are recognised only in command position (at the start of the string or after `;`, `&`, `|`, `(`, `$(`
    /// or a backquote), so prose that mentions `curl` does not count.
    /// - Parameter lower: The string, lowercased.
    /// - Returns: Whether it is a shell command line.
    public static func isShellCommand(_ lower: String) -> Bool {
        guard lower.utf8.count <= scanLimit else { return false }
        return ShellSignals.isShellCommand(lowered: ByteSearch.lowered(lower))
    }

    /// Whether a string is a base64 blob: long, only the base64 alphabet (standard or URL-safe, not both), both cases
    /// well mixed (not CamelCase words), digits unless long, few separators (not a path), padding only at the end, and
    /// not an alphabet table (`ABCDEFGHIJ...`).
    /// - Parameter text: The string.
    /// - Returns: Whether it is base64 data.
    public static func isBase64Blob(_ text: String) -> Bool {
        Base64Shape(text)?.isBlob ?? false
    }

    /// Shannon entropy in bits per byte (of the first 64 KiB).
    /// - Parameter text: The string.
    /// - Returns: Entropy, 0 for an empty string.
    public static func entropy(_ text: String) -> Double {
        var counts = [Int](repeating: 0, count: 256)
        var text = text
        let total = text.withUTF8 { utf8 in
            let scanned = UnsafeBufferPointer(rebasing: utf8.prefix(65_536))
            counts.withUnsafeMutableBufferPointer { counts in
                for byte in scanned { counts[Int(byte)] += 1 }  // in bounds: 256 counts
            }
            return scanned.count
        }
        guard total > 0 else { return 0 }
        var result = 0.0
        for count in counts where count > 0 {
            let p = Double(count) / Double(total)
            result -= p * log2(p)
        }
        return result
    }

    /// Whether a string is a long run of hexadecimal digits (an encoded payload; longer than a SHA-512 digest).
    /// - Parameter text: The string.
    /// - Returns: Whether it is 160 or more hex digits with both letters and digits.
    public static func isHexBlob(_ text: String) -> Bool {
        var letters = false, digits = false, count = 0
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39: digits = true
            case 0x61...0x66, 0x41...0x46: letters = true
            default: return false
            }
            count += 1
        }
        return count >= 160 && letters && digits
    }
}

// MARK: - Private

/// One pass over a string's bytes: which families of checks can apply.
private struct ByteShape {
    var spaces = 0
    var dots = 0
    var separators = 0
    var hasSchemeSeparator = false
    var hasDevTCP = false
    /// Whether the string starts with two hex digits that spell a printable ASCII character (`68` is `h`): the
    /// only strings worth a full hex decode.
    var mayBeHex = false

    /// Scans the first `limit` UTF-8 bytes of a string.
    init(_ text: String, limit: Int) {
        var text = text
        var devTCPBytes = false
        let count = text.withUTF8 { utf8 in
            let bytes = UnsafeBufferPointer(rebasing: utf8.prefix(limit))
            var previous: (UInt8, UInt8) = (0, 0)
            for byte in bytes {
                switch byte {
                case 0x20, 0x09, 0x0A, 0x0D: spaces += 1
                case 0x2E: dots += 1
                case 0x2F where previous == (0x3A, 0x2F): hasSchemeSeparator = true
                case 0x2F, 0x5C, 0x7E: separators += 1
                default: break
                }
                previous = (previous.1, byte)
            }
            if separators > 2 && bytes.count < 4_096 { devTCPBytes = Self.containsDevTCP(bytes) }
            if bytes.count >= 2 && spaces == 0 && dots == 0 && separators == 0 {
                mayBeHex = (0x32...0x37).contains(bytes[0]) && Self.isHexDigit(bytes[1])
            }
            return bytes.count
        }
        // Under 4,096 bytes the scanned prefix is the whole string. No string is canonically equivalent to
        // `/dev/tcp/` without holding its bytes, so Foundation's `contains` only confirms a byte match.
        hasDevTCP = devTCPBytes && count < 4_096 && text.contains("/dev/tcp/")
    }

    private static let devTCP = Array("/dev/tcp/".utf8)

    /// Whether the bytes hold `/dev/tcp/`.
    private static func containsDevTCP(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let needle = devTCP
        guard bytes.count >= needle.count else { return false }
        for start in 0...(bytes.count - needle.count) where bytes[start] == 0x2F {
            if (1..<needle.count).allSatisfy({ bytes[start + $0] == needle[$0] }) { return true }
        }
        return false
    }

    static func isHexDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte | 0x20)
    }

    /// Whether a path check can match: a separator or a dot.
    var mayBePath: Bool { separators > 0 || dots > 0 }
}
