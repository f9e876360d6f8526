import LockgateCore

/// Text hidden in a base64 or hex literal or a zlib stream, read without the code that decodes it: a webhook URL or
/// a shell command kept as `'aHR0cHM6Ly9kaXNjb3Jk...'` and decoded by a helper function the folder cannot follow is
/// still that URL or command, and so is the source a `b'x\x9c...'` bytes literal inflates to. Only printable text
/// counts (UTF-8, no control bytes but tabs and line breaks), so encoded images, fonts and keys decode to nothing.
enum EncodedText {
    /// Longer literals are not decoded (they are reported as blobs; code that runs them is folded where it runs).
    static let decodeLimit = 1 << 20
    /// The shortest hex literal decoded: eight characters of text.
    static let shortestHex = 16

    /// The kinds a string signals through its decoding alone: those of the text it decodes to, without the shape
    /// kinds (`long_string`, `base64_string`, `high_entropy_blob`) that describe the encoded form.
    /// - Parameters:
    ///   - text: The literal.
    ///   - isBase64: Whether `StringSignals` found it a base64 blob.
    ///   - decodedKinds: `StringSignals.kinds(in:)`, or a memo of its answers.
    /// - Returns: Kinds, possibly empty.
    static func kinds(
        of text: String, isBase64: Bool, decodedKinds: (String) -> [BehaviourKind] = StringSignals.kinds(in:)
    ) -> [BehaviourKind] {
        guard let decoded = decodedText(text, isBase64: isBase64) else { return [] }
        return decodedKinds(decoded).filter { !shapeKinds.contains($0) }
    }

    /// The printable text a base64 blob, a hex literal or a zlib stream decodes to, or nil.
    /// - Parameters:
    ///   - text: The literal.
    ///   - isBase64: Whether it is a base64 blob (`StringSignals.isBase64Blob`).
    /// - Returns: The decoded text.
    static func decodedText(_ text: String, isBase64: Bool) -> String? {
        let count = text.utf8.count
        guard count <= decodeLimit else { return nil }
        var bytes: [UInt8]?
        if isBase64 {
            bytes = PythonDecoding.base64(text)
        } else if isZlibLatin1(text) {
            bytes = PythonDecoding.latin1Bytes(text)
        } else if count >= shortestHex && count % 2 == 0 && startsWithPrintableHexPair(text) {
            // Whitespace-free digits only (the decoder skips whitespace, which would halve a different count).
            bytes = PythonDecoding.hex(text).flatMap { $0.count * 2 == count ? $0 : nil }
        }
        if let packed = bytes, isZlib(packed) { bytes = Inflate.zlib(packed, cap: decodeLimit) }
        guard let bytes, bytes.count >= 8, isPrintable(bytes) else { return nil }
        return String(validating: bytes, as: UTF8.self)  // nil unless valid UTF-8
    }

    /// Whether a string (a bytes value, each byte a scalar below 256) starts like a zlib stream: `x` and a
    /// compression-level byte (`b'x\x9c...'`).
    static func isZlibLatin1(_ text: String) -> Bool {
        guard text.utf8.first == 0x78 else { return false }
        var scalars = text.unicodeScalars.makeIterator()
        guard scalars.next() == "x", let level = scalars.next() else { return false }
        return [0x01, 0x5E, 0x9C, 0xDA].contains(level.value) && text.utf8.count >= 16
    }

    /// Kinds that describe an encoded string's form rather than what it says.
    static let shapeKinds: Set<BehaviourKind> = [.longString, .base64String, .highEntropyBlob]

    // MARK: - Private

    /// Whether the first two bytes are hex digits that spell printable ASCII: most hex strings are digests and
    /// identifiers, which fail here before anything is decoded.
    private static func startsWithPrintableHexPair(_ text: String) -> Bool {
        var utf8 = text.utf8.makeIterator()
        guard let first = utf8.next().flatMap(PythonLexerState.hexValue),
            let second = utf8.next().flatMap(PythonLexerState.hexValue)
        else { return false }
        return (0x20...0x7E).contains(first << 4 | second)
    }

    /// A zlib header: deflate with a 32 KiB window (`0x78`) and a check value that makes the pair a multiple of 31.
    private static func isZlib(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 8 && bytes[0] == 0x78 && (UInt16(bytes[0]) << 8 | UInt16(bytes[1])) % 31 == 0
    }

    /// Without control bytes other than tab, line feed and carriage return (the UTF-8 is checked where the text is
    /// made, in one pass).
    private static func isPrintable(_ bytes: [UInt8]) -> Bool {
        for byte in bytes where byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D || byte == 0x7F {
            return false
        }
        return true
    }
}
