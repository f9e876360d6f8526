/// One token of Python 3 source, as `PythonLexer` produces it.
///
/// Strings are decoded: `text` holds the value with escapes applied (bytes literals map each byte to the Unicode
/// scalar of the same number, so `b'\xff'` is `"\u{FF}"`). f-strings come as in Python 3.12's tokenizer: an
/// `fstringStart`, literal `fstringMiddle` parts, the replacement fields' own tokens between `{` and `}` operators,
/// and an `fstringEnd`.
public struct PythonToken: Sendable, Hashable {
    /// What a token is.
    public enum Kind: UInt8, Sendable, Hashable {
        /// An identifier or keyword.
        case name
        /// A numeric literal.
        case number
        /// A complete string or bytes literal (not formatted).
        case string
        /// The start of an f-string (`text` is its prefix, e.g. `rf`).
        case fstringStart
        /// A literal part of an f-string (`text` is its decoded value).
        case fstringMiddle
        /// The end of an f-string.
        case fstringEnd
        /// An operator or delimiter.
        case op
        /// The end of a logical line.
        case newline
        /// An increase of indentation.
        case indent
        /// A decrease of indentation.
        case dedent
        /// The end of the file.
        case endMarker
        /// A byte that starts no Python token (`$`, `?`, a backtick, a control byte).
        case error
    }

    /// Facts about string tokens.
    public struct Flags: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        /// Creates flags from their raw value.
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// A bytes literal (`b` prefix).
        public static let bytes = Flags(rawValue: 1)
        /// A raw literal (`r` prefix).
        public static let raw = Flags(rawValue: 2)
        /// Triple-quoted.
        public static let triple = Flags(rawValue: 4)
        /// The closing quote was missing (recovered at the end of the line or file).
        public static let unterminated = Flags(rawValue: 8)
        /// An escape sequence (`\x65`, `\u0065`, `\145`, `\N{...}`) spelled a letter or digit.
        public static let escapedAlphanumeric = Flags(rawValue: 16)
    }

    /// The token's kind.
    public var kind: Kind
    /// The text: source text for names, numbers and operators; the decoded value for strings and f-string parts.
    public var text: String
    /// 1-based line of the token's first byte.
    public var line: Int
    /// 1-based column of the token's first byte, in Unicode scalars.
    public var column: Int
    /// Byte offset of the token's first byte (for a prefixed string, of the prefix).
    public var offset: Int
    /// String facts (empty for other tokens).
    public var flags: Flags
    /// The operator or keyword code (derived from `kind` and `text`).
    var code: PythonCode

    /// Creates a token.
    public init(kind: Kind, text: String, line: Int, column: Int, offset: Int, flags: Flags = []) {
        self.init(
            kind: kind, text: text, line: line, column: column, offset: offset, flags: flags,
            code: PythonCode.of(kind, text))
    }

    /// Creates a token whose operator or keyword code is already known (the lexer's fast path).
    init(kind: Kind, text: String, line: Int, column: Int, offset: Int, flags: Flags, code: PythonCode) {
        self.kind = kind
        self.text = text
        self.line = line
        self.column = column
        self.offset = offset
        self.flags = flags
        self.code = code
    }

    /// Whether the token is the operator `value`.
    @inline(__always)
    func isOp(_ value: String) -> Bool { kind == .op && text == value }

    /// Whether the token is the operator or keyword with this code.
    @inline(__always)
    func isOp(_ value: PythonCode) -> Bool { code == value }

    /// Whether the token is the keyword with this code.
    @inline(__always)
    func isName(_ value: PythonCode) -> Bool { code == value }

    /// Whether the token is the name or keyword `value`.
    @inline(__always)
    func isName(_ value: String) -> Bool { kind == .name && text == value }
}
