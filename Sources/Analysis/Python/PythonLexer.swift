import Foundation

/// A Python 3 lexer over UTF-8 bytes: every string prefix, triple quotes, f-strings with nested fields and quotes
/// (3.12 style too), explicit and implicit line continuation, comments, INDENT/DEDENT, numbers and operators.
///
/// It never fails and runs in time linear in the input: unterminated strings end at the end of their line (or of the
/// file when triple-quoted), unbalanced closing brackets are ignored, inconsistent indentation opens a new level, and
/// a line that starts with a statement keyword (`def`, `class`, `import`, ...) inside an unclosed bracket closes it.
public enum PythonLexer {
    /// Tokenizes Python source.
    /// - Parameter data: The file's bytes (UTF-8; invalid sequences are tolerated).
    /// - Returns: The tokens, ending with NEWLINE (when the file has tokens), DEDENTs and an end marker.
    public static func tokenize(_ data: Data) -> [PythonToken] {
        data.withUnsafeBytes { raw in
            tokenize(UnsafeBufferPointer(start: raw.baseAddress?.assumingMemoryBound(to: UInt8.self), count: raw.count))
        }
    }

    /// Tokenizes Python source.
    /// - Parameter source: The source text.
    /// - Returns: The tokens.
    public static func tokenize(_ source: String) -> [PythonToken] {
        tokenize(Data(source.utf8))
    }

    static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>) -> [PythonToken] {
        let state = lex(bytes)
        let columns = PythonColumns(bytes)
        return state.tokens.map { lexeme in
            PythonToken(
                kind: lexeme.kind, text: lexeme.text(bytes, state.values), line: lexeme.line,
                column: columns.column(base: lexeme.columnBase, offset: lexeme.offset, in: bytes),
                offset: lexeme.offset, flags: lexeme.flags, code: lexeme.code)
        }
    }

    /// Lexes Python source, keeping the interned names (`state.names`, `state.nameIds`).
    /// - Parameter bytes: The source bytes.
    /// - Returns: The finished state.
    static func lex(_ bytes: UnsafeBufferPointer<UInt8>) -> PythonLexerState {
        var state = PythonLexerState(bytes: bytes)
        state.run()
        return state
    }
}

/// One open f-string construct, innermost last.
enum FStringMode {
    /// Literal text of an f-string.
    case literal(quote: UInt8, triple: Bool, raw: Bool)
    /// A replacement field's expression, with its own bracket depth.
    case field(depth: Int)
    /// A replacement field's format spec (literal text that may hold nested fields).
    case spec(quote: UInt8, triple: Bool, raw: Bool)
}

/// The lexer's working state (one per file).
struct PythonLexerState {
    let b: UnsafeBufferPointer<UInt8>
    let n: Int
    /// Whether every position and line number of the file fits in 32 bits (lines are at most `n + 1`).
    let positionsFit: Bool
    var pos = 0
    var line = 1
    var lineStart = 0
    /// Where the current line's columns are counted from (its start; past a byte order mark on line 1).
    var columnBase = 0
    var depth = 0
    var indents: [Int] = [0]
    var atLineStart = true
    var lineHasTokens = false
    var modes: [FStringMode] = []
    /// The tokens, made from `buffer` when the lexer finishes.
    var tokens: [PythonLexeme] = []
    /// The tokens and their name ids as they are read.
    let buffer: PythonLexerTokenBuffer
    /// The decoded values of string tokens and f-string literal parts (`PythonLexeme.value`).
    var values: [String] = []
    /// Each token's interned name id (ASCII names that are no keyword; -1 for every other token); filled in when
    /// the lexer finishes.
    var nameIds: [Int32] = []
    /// Each token's operator or keyword code (`tokens[i].code`, kept apart so the analyser reads it without a copy);
    /// filled in when the lexer finishes.
    var codes: [PythonCode] = []
    /// Each token's kind (`tokens[i].kind`, kept apart as `codes`); filled in when the lexer finishes.
    var kinds: [PythonToken.Kind] = []
    /// The interned names.
    var names: PythonNames
    /// Short names already classified and interned in this file.
    var nameCache: PythonLexerNameCache

    /// Nested f-strings deeper than this are read as plain strings.
    static let maxModeDepth = 96
    /// Keywords that cannot continue an expression: a line starting with one closes unbalanced brackets.
    static func isStatementKeyword(_ code: PythonCode) -> Bool {
        switch code {
        case .keywordDef, .keywordClass, .keywordImport, .keywordReturn, .keywordElif, .keywordExcept,
            .keywordFinally, .keywordTry, .keywordWhile, .keywordPass, .keywordWith, .keywordAsync, .keywordRaise,
            .keywordGlobal, .keywordNonlocal, .keywordAssert:
            return true
        default:
            return false
        }
    }

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.b = bytes
        self.n = bytes.count
        positionsFit = bytes.count < Int(Int32.max) - 1
        buffer = PythonLexerTokenBuffer(capacity: bytes.count / 5 + 16)
        names = PythonNames(expectedCount: bytes.count / 64)
        nameCache = PythonLexerNameCache(sourceCount: bytes.count)
    }

    mutating func run() {
        if n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF { pos = 3; columnBase = 3 }
        while pos < n {
            if let mode = modes.last {
                switch mode {
                case .literal, .spec:
                    lexFStringLiteral()
                    continue
                case .field: break
                }
            } else if atLineStart && depth == 0 {
                measureIndentation()
                if pos >= n { break }
            }
            lexOne()
        }
        finish()
    }

    // MARK: - Positions and emission

    /// Appends a token whose text is the source bytes `offset..<end` (empty when `end` is `offset`).
    mutating func emit(
        _ kind: PythonToken.Kind, at offset: Int, end: Int, line: Int? = nil,
        columnBase base: Int? = nil, flags: PythonToken.Flags = [], code: PythonCode = .none, value: Int32 = -1,
        nameId: Int32 = -1
    ) {
        let lexeme =
            positionsFit
            ? PythonLexeme(
                fitting: kind, code: code, flags: flags, value: value, line: line ?? self.line,
                columnBase: base ?? columnBase, offset: offset, end: end)
            : PythonLexeme(
                kind: kind, code: code, flags: flags, value: value, line: line ?? self.line,
                columnBase: base ?? columnBase, offset: offset, end: end)
        buffer.append(lexeme, nameId: nameId)
        if kind != .newline && kind != .indent && kind != .dedent { lineHasTokens = true }
    }

    /// Consumes a line break at `pos` (`\n`, `\r\n` or `\r`) and starts a new line.
    mutating func consumeLineBreak() {
        if b[pos] == 0x0D && pos + 1 < n && b[pos + 1] == 0x0A { pos += 2 } else { pos += 1 }
        startLine()
    }

    mutating func startLine() {
        line += 1
        lineStart = pos
        columnBase = pos
    }

    // MARK: - Private

    private mutating func finish() {
        while let mode = modes.last {
            if case .literal = mode { emit(.fstringEnd, at: pos, end: pos, flags: .unterminated) }
            modes.removeLast()
        }
        if lineHasTokens { emit(.newline, at: pos, end: pos) }
        while indents.count > 1 {
            indents.removeLast()
            emit(.dedent, at: pos, end: pos)
        }
        emit(.endMarker, at: pos, end: pos)
        (tokens, nameIds, codes, kinds) = buffer.arrays()
    }

    private mutating func measureIndentation() {
        var cursor = spacesEnd(from: pos)  // the leading spaces at once (each adds one to the width)
        var width = cursor - pos
        while cursor < n {
            switch b[cursor] {
            case 0x20: width += 1
            case 0x09: width = (width / 8 + 1) * 8
            case 0x0C: width = 0
            default: break
            }
            if b[cursor] != 0x20 && b[cursor] != 0x09 && b[cursor] != 0x0C { break }
            cursor += 1
        }
        pos = cursor
        guard cursor < n else { return }
        let next = b[cursor]
        if next == 0x23 || next == 0x0A || next == 0x0D { return }  // blank or comment-only line
        if next == 0x5C && cursor + 1 < n && (b[cursor + 1] == 0x0A || b[cursor + 1] == 0x0D) { return }
        atLineStart = false
        let current = indents.last ?? 0
        if width > current {
            indents.append(width)
            emit(.indent, at: cursor, end: cursor)
        } else if width < current {
            while let last = indents.last, last > width, indents.count > 1 {
                indents.removeLast()
                emit(.dedent, at: cursor, end: cursor)
            }
            if let last = indents.last, last < width {  // inconsistent dedent: open a level of its own
                indents.append(width)
                emit(.indent, at: cursor, end: cursor)
            }
        }
    }

    private mutating func lexOne() {
        let c = b[pos]
        switch c {
        case 0x20, 0x09, 0x0C:
            // A run of blanks at once (a blank changes no state the loop in `run` looks at between bytes).
            pos += 1
            while pos < n {
                let next = b[pos]
                if next == 0x20 {
                    pos = spacesEnd(from: pos)  // a run of spaces (a continuation line's indentation) at once
                } else if next == 0x09 || next == 0x0C {
                    pos += 1
                } else {
                    break
                }
            }
        case 0x23:
            pos = skipWords(from: pos, 0x0A, 0x0D, 0x0A, 0x0D)
            while pos < n && b[pos] != 0x0A && b[pos] != 0x0D { pos += 1 }
        case 0x5C:
            if pos + 1 < n && (b[pos + 1] == 0x0A || b[pos + 1] == 0x0D) {
                pos += 1
                consumeLineBreak()
            } else if pos + 1 >= n {
                pos += 1
            } else {
                emit(.error, at: pos, end: pos + 1)
                pos += 1
            }
        case 0x0A, 0x0D:
            lexLineBreak()
        case 0x30...0x39:
            lexNumber()
        case 0x2E where pos + 1 < n && b[pos + 1] >= 0x30 && b[pos + 1] <= 0x39:
            lexNumber()
        case 0x22, 0x27:
            lexString(prefixStart: pos, raw: false, bytes: false, formatted: false)
        case 0x28, 0x5B, 0x7B, 0x29, 0x5D, 0x7D:
            lexBracket(c)  // always one byte: no need for the operator switch
        default:
            if PythonLexerState.isIdentifierStart(c) {
                lexNameOrPrefixedString()
            } else {
                lexOperator()
            }
        }
    }

    private mutating func lexLineBreak() {
        if case .field(let fieldDepth) = modes.last {
            if !enclosingFStringIsTriple() && fieldDepth == 0 {
                closeInnermostFString()
                return
            }
            consumeLineBreak()
            return
        }
        if depth == 0 {
            if lineHasTokens { emit(.newline, at: pos, end: pos) }
            lineHasTokens = false
            consumeLineBreak()
            atLineStart = true
            return
        }
        consumeLineBreak()
        if nextLineStartsStatement() {
            depth = 0
            if lineHasTokens { emit(.newline, at: pos, end: pos) }
            lineHasTokens = false
            atLineStart = true
        }
    }

    private func nextLineStartsStatement() -> Bool {
        var cursor = spacesEnd(from: pos)
        while cursor < n && (b[cursor] == 0x20 || b[cursor] == 0x09) { cursor += 1 }
        // Every statement keyword starts with a lowercase ASCII letter: other lines are answered at once.
        guard cursor < n, b[cursor] >= 0x61 && b[cursor] <= 0x7A else { return false }
        let start = cursor
        while cursor < n && cursor - start < 10 && PythonLexerState.isIdentifierByte(b[cursor]) { cursor += 1 }
        guard cursor > start, cursor < n, b[cursor] == 0x20 || b[cursor] == 0x3A || b[cursor] == 0x0A else {
            return false
        }
        // The word's keyword code, read from its bytes (no `String`): only an exact keyword spelling has one.
        return PythonLexerState.isStatementKeyword(PythonCode.of(.name, slice(start, cursor)))
    }

    func enclosingFStringIsTriple() -> Bool {
        for mode in modes.reversed() {
            if case .literal(_, let triple, _) = mode { return triple }
        }
        return false
    }

    /// Ends the innermost f-string early (unterminated), dropping its open fields and specs.
    mutating func closeInnermostFString() {
        while let mode = modes.popLast() {
            if case .literal = mode { break }
        }
        emit(.fstringEnd, at: pos, end: pos, flags: .unterminated)
    }

    func innermostQuote() -> (quote: UInt8, triple: Bool) {
        for mode in modes.reversed() {
            if case .literal(let quote, let triple, _) = mode { return (quote, triple) }
        }
        return (0x22, false)
    }

    func slice(_ start: Int, _ end: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: b[start..<end])
    }

    func text(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
    }

    @inline(__always)
    static func isIdentifierStart(_ c: UInt8) -> Bool {
        (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || c == 0x5F || c >= 0x80
    }

    /// Whether a byte continues a name: an ASCII letter, digit or `_`, or any byte from 0x80 (as
    /// `isIdentifierStart` or a digit), tested as a bit of a 64-bit mask of the byte's half of ASCII.
    @inline(__always)
    static func isIdentifierByte(_ c: UInt8) -> Bool {
        if c >= 0x80 { return true }
        // Bits 48–57 of the low half: `0`–`9`; of the high half, bits 1–26: `A`–`Z`, 31: `_`, 33–58: `a`–`z`.
        let mask: UInt64 = c < 64 ? 0x03FF_0000_0000_0000 : 0x07FF_FFFE_87FF_FFFE
        return (mask >> UInt64(c & 63)) & 1 != 0
    }
}
