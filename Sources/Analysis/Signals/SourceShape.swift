import Foundation

/// The shape of a source file, measured in one pass over its bytes: how it is laid out (minification) and how its
/// identifiers and escapes look (obfuscation).
///
/// Minified is not obfuscated: minifiers shorten names and drop whitespace, but keep ordinary identifiers and strings;
/// obfuscators rename to hexadecimal (`_0x3f2a`), hide strings in a rotated string array, and escape text.
///
/// - Minified: at least 2,000 bytes, at least half of them on lines of 500 bytes or more, and under 15% whitespace.
/// - Obfuscated: at least 10 `_0x`-hexadecimal identifier occurrences making up at least 10% of all identifier
///   occurrences; or a string-array rotation (`!![]` with `push` and `shift`) beside at least 5 of them. Escapes are
///   counted (``escapes``) but do not decide: data tables of `\xHH` escapes are ordinary in benign code (measured on
///   the corpus), and escapes that hide names are the analysers' `escaped_identifiers`.
public struct SourceShape: Sendable, Hashable {
    /// Bytes measured.
    public var bytes = 0
    /// Lines.
    public var lines = 0
    /// The longest line, in bytes.
    public var longestLine = 0
    /// Bytes on lines of 500 bytes or more.
    public var bytesOnLongLines = 0
    /// Spaces, tabs and newlines.
    public var whitespace = 0
    /// Identifier occurrences (runs of letters, digits, `_` and `$` that start with a non-digit).
    public var identifiers = 0
    /// Occurrences of `_0x` identifiers followed only by three or more hexadecimal digits.
    public var hexIdentifiers = 0
    /// `\xHH` and `\uHHHH` escapes.
    public var escapes = 0
    /// Whether the javascript-obfuscator string-array rotation (`!![]`, `push`, `shift`) appears.
    public var hasStringArrayRotation = false

    /// Lines of this length or more are long.
    public static let longLine = 500

    /// Measures a file.
    /// - Parameter data: The file's bytes.
    /// - Returns: Its shape.
    public static func measure(_ data: Data) -> SourceShape {
        data.withUnsafeBytes { raw in SourceShape(raw.bindMemory(to: UInt8.self)) }
    }

    /// Whether the file is minified (long dense lines).
    public var isMinified: Bool {
        bytes >= 2_000 && bytesOnLongLines * 2 >= bytes && whitespace * 100 < bytes * 15
    }

    /// Whether the file's identifiers or escapes read as obfuscated.
    public var isObfuscated: Bool {
        let hexNames = hexIdentifiers >= 10 && hexIdentifiers * 10 >= identifiers
        let rotation = hasStringArrayRotation && hexIdentifiers >= 5
        return hexNames || rotation
    }

    // MARK: - Private

    private init(_ buffer: UnsafeBufferPointer<UInt8>) {
        bytes = buffer.count
        var lineStart = 0
        var index = 0
        var bangs = false, push = false, shift = false
        let count = buffer.count
        while index < count {
            let byte = buffer[index]
            if byte == 0x0A {
                endLine(length: index - lineStart)
                whitespace += 1
                lineStart = index + 1
                index += 1
            } else if byte == 0x20 || byte == 0x09 || byte == 0x0D {
                whitespace += 1
                index += 1
            } else if Self.isIdentifierStart(byte) {
                let start = index
                index += 1
                while index < count && Self.isIdentifierPart(buffer[index]) { index += 1 }
                identifiers += 1
                let length = index - start
                if length >= 6 && buffer[start] == 0x5F && buffer[start + 1] == 0x30 && buffer[start + 2] == 0x78
                    && (start + 3..<index).allSatisfy({ Self.isHex(buffer[$0]) })
                {
                    hexIdentifiers += 1
                } else if Self.equals(buffer, start..<index, Self.pushName) {
                    push = true
                } else if Self.equals(buffer, start..<index, Self.shiftName) {
                    shift = true
                }
            } else if (0x30...0x39).contains(byte) {
                index += 1
                while index < count && Self.isIdentifierPart(buffer[index]) { index += 1 }
            } else if byte == 0x5C && index + 1 < count {
                let next = buffer[index + 1]
                let digits = next == 0x78 ? 2 : next == 0x75 ? 4 : 0
                if digits > 0 && index + 1 + digits < count
                    && (index + 2...index + 1 + digits).allSatisfy({ Self.isHex(buffer[$0]) })
                {
                    escapes += 1
                }
                index += 2
            } else {
                if byte == 0x21 && index + 3 < count && buffer[index + 1] == 0x21 && buffer[index + 2] == 0x5B
                    && buffer[index + 3] == 0x5D
                {
                    bangs = true
                }
                index += 1
            }
        }
        endLine(length: count - lineStart)
        hasStringArrayRotation = bangs && push && shift
    }

    private mutating func endLine(length: Int) {
        guard length > 0 || lines == 0 else { return }
        lines += 1
        longestLine = max(longestLine, length)
        if length >= Self.longLine { bytesOnLongLines += length }
    }

    private static let pushName = Array("push".utf8)
    private static let shiftName = Array("shift".utf8)

    private static func equals(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ word: [UInt8]) -> Bool {
        range.count == word.count && zip(range, word).allSatisfy { buffer[$0.0] == $0.1 }
    }

    private static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || byte == 0x5F || byte == 0x24
    }

    private static func isIdentifierPart(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || (0x30...0x39).contains(byte)
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte) || (0x41...0x46).contains(byte)
    }
}
