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
        var whitespace = 0, identifiers = 0, hexIdentifiers = 0, escapes = 0
        var lines = 0, longestLine = 0, bytesOnLongLines = 0
        let count = buffer.count
        Self.classes.withUnsafeBufferPointer { classes in
            while index < count {
                let byte = buffer[index]
                switch classes[Int(byte)] {
                case Self.newline:
                    let length = index - lineStart
                    if length > 0 || lines == 0 {
                        lines += 1
                        longestLine = max(longestLine, length)
                        if length >= Self.longLine { bytesOnLongLines += length }
                    }
                    whitespace += 1
                    lineStart = index + 1
                    index += 1
                case Self.space:
                    whitespace += 1
                    index += 1
                case Self.identifierStart:
                    let start = index
                    index += 1
                    while index < count && classes[Int(buffer[index])] >= Self.identifierStart { index += 1 }
                    identifiers += 1
                    let length = index - start
                    if length >= 6 && buffer[start] == 0x5F && buffer[start + 1] == 0x30 && buffer[start + 2] == 0x78
                        && (start + 3..<index).allSatisfy({ Self.isHex(buffer[$0]) })
                    {
                        hexIdentifiers += 1
                    } else if length == 4 && buffer[start] == 0x70 && buffer[start + 1] == 0x75
                        && buffer[start + 2] == 0x73 && buffer[start + 3] == 0x68
                    {
                        push = true  // `push`
                    } else if length == 5 && buffer[start] == 0x73 && buffer[start + 1] == 0x68
                        && buffer[start + 2] == 0x69 && buffer[start + 3] == 0x66 && buffer[start + 4] == 0x74
                    {
                        shift = true  // `shift`
                    }
                case Self.digit:
                    index += 1
                    while index < count && classes[Int(buffer[index])] >= Self.identifierStart { index += 1 }
                case Self.backslash where index + 1 < count:
                    let next = buffer[index + 1]
                    let digits = next == 0x78 ? 2 : next == 0x75 ? 4 : 0
                    if digits > 0 && index + 1 + digits < count
                        && (index + 2...index + 1 + digits).allSatisfy({ Self.isHex(buffer[$0]) })
                    {
                        escapes += 1
                    }
                    index += 2
                default:
                    if byte == 0x21 && index + 3 < count && buffer[index + 1] == 0x21 && buffer[index + 2] == 0x5B
                        && buffer[index + 3] == 0x5D
                    {
                        bangs = true
                    }
                    index += 1
                }
            }
        }
        self.whitespace = whitespace
        self.identifiers = identifiers
        self.hexIdentifiers = hexIdentifiers
        self.escapes = escapes
        self.lines = lines
        self.longestLine = longestLine
        self.bytesOnLongLines = bytesOnLongLines
        endLine(length: count - lineStart)
        hasStringArrayRotation = bangs && push && shift
    }

    /// Counts a line of `length` bytes (empty lines only when first).
    private mutating func endLine(length: Int) {
        guard length > 0 || lines == 0 else { return }
        lines += 1
        longestLine = max(longestLine, length)
        if length >= Self.longLine { bytesOnLongLines += length }
    }

    /// Byte classes: other bytes are 0; identifier parts are the two highest classes.
    private static let newline: UInt8 = 1
    private static let space: UInt8 = 2
    private static let backslash: UInt8 = 3
    private static let identifierStart: UInt8 = 4
    private static let digit: UInt8 = 5

    /// The class of every byte value.
    private static let classes: [UInt8] = (0...255).map { value -> UInt8 in
        let byte = UInt8(value)
        if byte == 0x0A { return newline }
        if byte == 0x20 || byte == 0x09 || byte == 0x0D { return space }
        if byte == 0x5C { return backslash }
        if (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || byte == 0x5F || byte == 0x24 {
            return identifierStart
        }
        if (0x30...0x39).contains(byte) { return digit }
        return 0
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte) || (0x41...0x46).contains(byte)
    }
}
