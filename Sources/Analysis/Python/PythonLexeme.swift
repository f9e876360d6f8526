/// One token as the lexer stores it for the analyser: like `PythonToken`, but without a `String`. Source text
/// (names, numbers, operators, f-string prefixes) is the byte range `offset..<end` of the file; decoded values
/// (strings, f-string literal parts) are kept once in the lexer's `values`. Copying or freeing lexemes costs no
/// reference counting.
struct PythonLexeme {
    /// The token's kind.
    var kind: PythonToken.Kind
    /// The operator or keyword code.
    var code: PythonCode
    /// String facts (empty for other tokens).
    var flags: PythonToken.Flags
    /// Index in `PythonLexerState.values` of a string's or f-string part's decoded value; -1 for source text.
    var value: Int32
    /// 1-based line of the token's first byte.
    var line: Int
    /// Byte offset the token's column is counted from: the start of its line (past a byte order mark on line 1);
    /// `PythonColumns` gives the column.
    var columnBase: Int
    /// Byte offset of the token's first byte (for a prefixed string, of the prefix).
    var offset: Int
    /// Byte offset just past the token's source text (for tokens whose text is source text; `offset` when empty).
    var end: Int

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
        if let spelling = code.spelling { return spelling }
        guard offset < end else { return "" }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self)
    }
}
