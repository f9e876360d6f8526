/// One token as the lexer stores it for the analyser: like `PythonToken`, but without a `String`. Source text
/// (names, numbers, operators, f-string prefixes) is the byte range `offset..<end` of the file; decoded values
/// (strings, f-string literal parts) are kept once in the lexer's `values`. Copying or freeing lexemes costs no
/// reference counting. Positions are stored in 32 bits (24 bytes a token instead of 40); a position past
/// `Int32.max` (a file over 2 GiB) is clamped, which keeps every slice in bounds.
struct PythonLexeme {
    /// The token's kind.
    var kind: PythonToken.Kind
    /// The operator or keyword code.
    var code: PythonCode
    /// String facts (empty for other tokens).
    var flags: PythonToken.Flags
    /// Index in `PythonLexerState.values` of a string's or f-string part's decoded value; -1 for source text;
    /// `PythonLexeme.sourceBody` for a `str` literal whose value is its source bytes between its quotes (made into
    /// a `String` only when read: a docstring never is).
    var value: Int32
    private let storedLine: Int32
    private let storedColumnBase: Int32
    private let storedOffset: Int32
    private let storedEnd: Int32

    /// 1-based line of the token's first byte.
    var line: Int { Int(storedLine) }
    /// Byte offset the token's column is counted from: the start of its line (past a byte order mark on line 1);
    /// `PythonColumns` gives the column.
    var columnBase: Int { Int(storedColumnBase) }
    /// Byte offset of the token's first byte (for a prefixed string, of the prefix).
    var offset: Int { Int(storedOffset) }
    /// Byte offset just past the token's source text (for tokens whose text is source text; `offset` when empty),
    /// or of a `sourceBody` string's closing quote.
    var end: Int { Int(storedEnd) }

    /// The `value` of a string whose value is its source body.
    static let sourceBody: Int32 = -2

    /// Creates a token (the fields as described on the properties).
    init(
        kind: PythonToken.Kind, code: PythonCode, flags: PythonToken.Flags, value: Int32, line: Int,
        columnBase: Int, offset: Int, end: Int
    ) {
        self.init(
            fitting: kind, code: code, flags: flags, value: value, line: Int(Int32(clamping: line)),
            columnBase: Int(Int32(clamping: columnBase)), offset: Int(Int32(clamping: offset)),
            end: Int(Int32(clamping: end)))
    }

    /// Creates a token whose positions are known to fit in 32 bits (those of a file shorter than `Int32.max - 1`
    /// bytes), stored without clamping.
    @inline(__always)
    init(
        fitting kind: PythonToken.Kind, code: PythonCode, flags: PythonToken.Flags, value: Int32, line: Int,
        columnBase: Int, offset: Int, end: Int
    ) {
        self.kind = kind
        self.code = code
        self.flags = flags
        self.value = value
        storedLine = Int32(truncatingIfNeeded: line)
        storedColumnBase = Int32(truncatingIfNeeded: columnBase)
        storedOffset = Int32(truncatingIfNeeded: offset)
        storedEnd = Int32(truncatingIfNeeded: end)
    }

    /// Whether the token is the operator or keyword with this code.
    @inline(__always)
    func isOp(_ value: PythonCode) -> Bool { code == value }

    /// Whether the token is the keyword with this code.
    @inline(__always)
    func isName(_ value: PythonCode) -> Bool { code == value }

    /// The token's text: its decoded value, or its source text.
    /// - Parameters:
    ///   - bytes: The file's bytes.
    ///   - values: The lexer's decoded values.
    /// - Returns: The text (as `PythonToken.text`).
    func text(_ bytes: UnsafeBufferPointer<UInt8>, _ values: [String]) -> String {
        if value >= 0 { return values[Int(value)] }
        if value == PythonLexeme.sourceBody {
            // The body starts past the prefix (at most two letters) and the opening quote or quotes.
            var start = offset
            while start < end && bytes[start] != 0x22 && bytes[start] != 0x27 { start += 1 }
            start = min(start + (flags.contains(.triple) ? 3 : 1), end)
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        if let spelling = code.spelling { return spelling }
        guard offset < end else { return "" }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self)
    }
}
