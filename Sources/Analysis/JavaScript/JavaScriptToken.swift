/// The kind of one JavaScript token.
enum JavaScriptTokenKind: UInt8, Sendable {
    /// A name or keyword (`require`, `const`, `\u0065val`); `name` holds its interned, unescaped spelling.
    case identifier
    /// A private class member name (`#secret`).
    case privateName
    /// An operator or bracket; `op` holds its code (`JavaScriptOp`).
    case punctuator
    /// A numeric literal.
    case number
    /// A quoted string literal.
    case string
    /// A template literal without substitutions.
    case template
    /// The part of a template before its first `${`.
    case templateHead
    /// The part of a template between `}` and the next `${`.
    case templateMiddle
    /// The part of a template after its last `}`.
    case templateTail
    /// A regular-expression literal.
    case regex
}

/// One token: its kind, flags and byte range in the file (the lexer's output is an array of these).
struct JavaScriptToken: Sendable {
    /// The kind.
    var kind: JavaScriptTokenKind
    /// `JavaScriptToken` flag bits (`newlineBefore`, `escaped`, `unterminated`, `hasEscapes`).
    var flags: UInt8
    /// The punctuator code for punctuators, 0 otherwise.
    var op: UInt16
    /// The interned name of an identifier, -1 otherwise.
    var name: Int32
    /// The first byte.
    var start: Int32
    /// One past the last byte.
    var end: Int32

    /// A line break precedes the token.
    static let newlineBefore: UInt8 = 1
    /// An identifier written with `\u` escapes.
    static let escaped: UInt8 = 2
    /// A string, template or regex that ran to the end of its line or of the file.
    static let unterminated: UInt8 = 4
    /// A string or template part that contains backslash escapes (its value must be cooked).
    static let hasEscapes: UInt8 = 8

    /// Whether a line break precedes the token.
    var isAfterNewline: Bool { flags & Self.newlineBefore != 0 }

    /// Whether the token is the punctuator with this code.
    func isOp(_ code: UInt16) -> Bool { kind == .punctuator && op == code }

    /// Whether the token is a string or a substitution-free template (a constant string).
    var isStringLike: Bool { kind == .string || kind == .template }
}

/// Punctuator codes: a one-character punctuator is its ASCII code; longer ones have codes from 256.
enum JavaScriptOp {
    static let lparen = UInt16(UInt8(ascii: "(")), rparen = UInt16(UInt8(ascii: ")"))
    static let lbracket = UInt16(UInt8(ascii: "[")), rbracket = UInt16(UInt8(ascii: "]"))
    static let lbrace = UInt16(UInt8(ascii: "{")), rbrace = UInt16(UInt8(ascii: "}"))
    static let dot = UInt16(UInt8(ascii: ".")), comma = UInt16(UInt8(ascii: ","))
    static let semicolon = UInt16(UInt8(ascii: ";")), colon = UInt16(UInt8(ascii: ":"))
    static let assign = UInt16(UInt8(ascii: "=")), plus = UInt16(UInt8(ascii: "+"))
    static let star = UInt16(UInt8(ascii: "*")), question = UInt16(UInt8(ascii: "?"))
    static let less = UInt16(UInt8(ascii: "<")), slash = UInt16(UInt8(ascii: "/"))
    static let arrow: UInt16 = 256, spread: UInt16 = 257, optionalChain: UInt16 = 258, plusAssign: UInt16 = 259
    static let increment: UInt16 = 260, decrement: UInt16 = 261, closeTag: UInt16 = 262
    /// Other multi-character operators (`===`, `&&`, `>>>=`, ...), coded from 300 by their position in `others`.
    static let others = [
        ">>>=", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=", "==", "!=", "<=", ">=", "&&", "||",
        "??", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "**", "<<", ">>",
    ].map { Array($0.utf8) }
    /// `||` and `??`.
    static let logicalOr = code(of: "||"), nullish = code(of: "??")

    /// The code of one of `others`.
    private static func code(of text: String) -> UInt16 {
        UInt16(300 + (others.firstIndex(of: Array(text.utf8)) ?? others.count))
    }
}
