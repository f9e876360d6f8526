/// Codes of operators and keywords, set by the lexer so the parser compares small integers, not strings.
///
/// Operator codes are only given to `.op` tokens and keyword codes only to `.name` tokens, so a code alone says
/// both the kind and the text.
enum PythonCode: UInt8, Sendable, Hashable {
    case none = 0
    case lparen, rparen, lbracket, rbracket, lbrace, rbrace, comma
    case colon, semicolon, dot, ellipsis, assign, walrus, arrow
    case at, plus, minus, star, doubleStar, slash, doubleSlash
    case percent, ampersand, pipe, caret, tilde, leftShift, rightShift
    case less, greater, equal, notEqual, lessGreater, lessEqual, greaterEqual
    case bang, plusAssign, minusAssign, starAssign, slashAssign, doubleSlashAssign, percentAssign
    case ampersandAssign, pipeAssign, caretAssign, doubleStarAssign, leftShiftAssign, rightShiftAssign, atAssign
    case keywordFalse, keywordNone, keywordTrue, keywordAnd, keywordAs, keywordAssert, keywordAsync
    case keywordAwait, keywordBreak, keywordClass, keywordContinue, keywordDef, keywordDel, keywordElif
    case keywordElse, keywordExcept, keywordFinally, keywordFor, keywordFrom, keywordGlobal, keywordIf
    case keywordImport, keywordIn, keywordIs, keywordLambda, keywordNonlocal, keywordNot, keywordOr
    case keywordPass, keywordRaise, keywordReturn, keywordTry, keywordWhile, keywordWith, keywordYield

    /// The code of a token's bytes.
    /// - Parameters:
    ///   - kind: The token kind (only operators and names have codes).
    ///   - bytes: The token's source text.
    /// - Returns: The operator or keyword code, or `.none`.
    @inline(__always)
    static func of(_ kind: PythonToken.Kind, _ bytes: UnsafeBufferPointer<UInt8>) -> PythonCode {
        guard kind == .op || kind == .name, bytes.count <= 8, !bytes.isEmpty else { return .none }
        var packed: UInt64 = 0
        var shift: UInt64 = 0
        for byte in bytes {
            packed |= UInt64(byte) << shift
            shift += 8
        }
        return of(kind, packed: packed)
    }

    /// The code of a token's text of one to eight bytes, given packed little-endian (the first byte lowest).
    /// - Parameters:
    ///   - kind: The token kind.
    ///   - packed: The text's bytes.
    /// - Returns: The operator or keyword code, or `.none` (as `of(_:_:)`).
    @inline(__always)
    static func of(_ kind: PythonToken.Kind, packed: UInt64) -> PythonCode {
        let code = lookup(packed)
        return (code.rawValue >= PythonCode.keywordFalse.rawValue) == (kind == .name) ? code : .none
    }

    /// The code of a token's text.
    /// - Parameters:
    ///   - kind: The token kind.
    ///   - text: The token's text.
    /// - Returns: The operator or keyword code, or `.none`.
    static func of(_ kind: PythonToken.Kind, _ text: String) -> PythonCode {
        var text = text
        return text.withUTF8 { of(kind, $0) }
    }

    // MARK: - Private

    /// Operators and keywords by their bytes packed little-endian.
    private static func lookup(_ packed: UInt64) -> PythonCode {
        switch packed {
        case 0x28: return .lparen  // (
        case 0x29: return .rparen  // )
        case 0x5B: return .lbracket  // [
        case 0x5D: return .rbracket  // ]
        case 0x7B: return .lbrace  // {
        case 0x7D: return .rbrace  // }
        case 0x2C: return .comma  // ,
        case 0x3A: return .colon  // :
        case 0x3B: return .semicolon  // ;
        case 0x2E: return .dot  // .
        case 0x2E2E2E: return .ellipsis  // ...
        case 0x3D: return .assign  // =
        case 0x3D3A: return .walrus  // :=
        case 0x3E2D: return .arrow  // ->
        case 0x40: return .at  // @
        case 0x2B: return .plus  // +
        case 0x2D: return .minus  // -
        case 0x2A: return .star  // *
        case 0x2A2A: return .doubleStar  // **
        case 0x2F: return .slash  // /
        case 0x2F2F: return .doubleSlash  // //
        case 0x25: return .percent  // %
        case 0x26: return .ampersand  // &
        case 0x7C: return .pipe  // |
        case 0x5E: return .caret  // ^
        case 0x7E: return .tilde  // ~
        case 0x3C3C: return .leftShift  // <<
        case 0x3E3E: return .rightShift  // >>
        case 0x3C: return .less  // <
        case 0x3E: return .greater  // >
        case 0x3D3D: return .equal  // ==
        case 0x3D21: return .notEqual  // !=
        case 0x3E3C: return .lessGreater  // <>
        case 0x3D3C: return .lessEqual  // <=
        case 0x3D3E: return .greaterEqual  // >=
        case 0x21: return .bang  // !
        case 0x3D2B: return .plusAssign  // +=
        case 0x3D2D: return .minusAssign  // -=
        case 0x3D2A: return .starAssign  // *=
        case 0x3D2F: return .slashAssign  // /=
        case 0x3D2F2F: return .doubleSlashAssign  // //=
        case 0x3D25: return .percentAssign  // %=
        case 0x3D26: return .ampersandAssign  // &=
        case 0x3D7C: return .pipeAssign  // |=
        case 0x3D5E: return .caretAssign  // ^=
        case 0x3D2A2A: return .doubleStarAssign  // **=
        case 0x3D3C3C: return .leftShiftAssign  // <<=
        case 0x3D3E3E: return .rightShiftAssign  // >>=
        case 0x3D40: return .atAssign  // @=
        case 0x65736C6146: return .keywordFalse  // False
        case 0x656E6F4E: return .keywordNone  // None
        case 0x65757254: return .keywordTrue  // True
        case 0x646E61: return .keywordAnd  // and
        case 0x7361: return .keywordAs  // as
        case 0x747265737361: return .keywordAssert  // assert
        case 0x636E797361: return .keywordAsync  // async
        case 0x7469617761: return .keywordAwait  // await
        case 0x6B61657262: return .keywordBreak  // break
        case 0x7373616C63: return .keywordClass  // class
        case 0x65756E69746E6F63: return .keywordContinue  // continue
        case 0x666564: return .keywordDef  // def
        case 0x6C6564: return .keywordDel  // del
        case 0x66696C65: return .keywordElif  // elif
        case 0x65736C65: return .keywordElse  // else
        case 0x747065637865: return .keywordExcept  // except
        case 0x796C6C616E6966: return .keywordFinally  // finally
        case 0x726F66: return .keywordFor  // for
        case 0x6D6F7266: return .keywordFrom  // from
        case 0x6C61626F6C67: return .keywordGlobal  // global
        case 0x6669: return .keywordIf  // if
        case 0x74726F706D69: return .keywordImport  // import
        case 0x6E69: return .keywordIn  // in
        case 0x7369: return .keywordIs  // is
        case 0x6164626D616C: return .keywordLambda  // lambda
        case 0x6C61636F6C6E6F6E: return .keywordNonlocal  // nonlocal
        case 0x746F6E: return .keywordNot  // not
        case 0x726F: return .keywordOr  // or
        case 0x73736170: return .keywordPass  // pass
        case 0x6573696172: return .keywordRaise  // raise
        case 0x6E7275746572: return .keywordReturn  // return
        case 0x797274: return .keywordTry  // try
        case 0x656C696877: return .keywordWhile  // while
        case 0x68746977: return .keywordWith  // with
        case 0x646C656979: return .keywordYield  // yield
        default: return .none
        }
    }
}
