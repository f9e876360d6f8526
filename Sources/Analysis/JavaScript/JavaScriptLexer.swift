/// The tokens of one JavaScript file with the facts the lexer gathers on the way (names, identifier statistics).
struct JavaScriptTokenStream: Sendable {
    /// The tokens, in source order.
    var tokens: [JavaScriptToken] = []
    /// The interned identifier spellings.
    var names = JavaScriptNames()
    /// Identifier tokens that are not keywords.
    var identifierCount = 0
    /// Identifier tokens named like javascript-obfuscator output (`_0x1a2b`, `a0_0x1a2b`).
    var hexIdentifierCount = 0
    /// The index of the first such token, or -1.
    var firstHexIdentifier = -1
    /// The indices, in order, of the tokens after the first that follow the previous token on the same line after a
    /// gap of at least `OffscreenCode.minimumGap` bytes (the only tokens code can hide past the edge of the screen).
    var gapTokens: [Int32] = []
    /// The bracket pairs of the tokens (`JavaScriptBrackets.partners(count:)` gives each token's partner).
    var brackets = JavaScriptBrackets()
}

/// Splits JavaScript source bytes into tokens in one linear pass. Strings, templates (nested through `${}`),
/// regular expressions (told from division by the previous token), comments, a hashbang and JSX closing tags are
/// handled; an unterminated string or regex ends at its line's end, an unterminated template or comment at the
/// file's end. It never fails: any byte sequence yields tokens.
struct JavaScriptLexer {
    /// Lexes a file.
    /// - Parameter bytes: The source.
    /// - Returns: Its tokens.
    static func lex(_ bytes: UnsafeBufferPointer<UInt8>) -> JavaScriptTokenStream {
        var lexer = JavaScriptLexer(bytes: bytes)
        lexer.run()
        return lexer.stream
    }

    // MARK: - Private

    private let b: UnsafeBufferPointer<UInt8>
    private var i = 0
    private var stream = JavaScriptTokenStream()
    private var templateDepths: [Int] = []
    private var braceDepth = 0
    private var newline = false
    private var scratch: [UInt8] = []
    /// Ids of the short names seen, by their bytes as words (`JavaScriptShortNames`).
    private var shortNames = JavaScriptShortNames()
    /// Whether each interned name is an obfuscator name, by id (filled as names appear).
    private var hexNames: [Bool] = []
    private let keywordsBeforeRegex = Self.keywordsBeforeRegexTable
    private let operatorStart = Self.operatorStartTable
    private let operatorSecond = Self.operatorSecondTable
    private let packedOperators = Self.packedOperatorsTable
    private let offscreenGap = OffscreenCode.minimumGap
    /// The end of the last token appended.
    private var lastEnd = 0

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.b = bytes
        // Minified code has about one token per three bytes; untouched capacity of a large file costs no pages.
        stream.tokens.reserveCapacity(bytes.count / 3 + 16)
    }

    private func at(_ index: Int) -> UInt8 { index < b.count ? b[index] : 0 }

    private mutating func run() {
        let n = b.count
        if n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF { i = 3 }
        if at(i) == 0x23 /* # */ && at(i + 1) == 0x21 /* ! */ { skipLine() }
        while i < n {
            let c = b[i]
            switch c {
            case 0x09...0x0D, 0x20: skipWhitespace()
            case 0x2F /* slash */:
                let next = at(i + 1)
                if next == 0x2F /* slash */ {
                    skipLine()
                } else if next == 0x2A /* star */ {
                    skipBlockComment()
                } else if regexAllowed() {
                    scanRegex()
                } else {
                    scanPunctuator()
                }
            case 0x27 /* ' */, 0x22 /* " */: scanString(quote: c)
            case 0x60 /* ` */: scanTemplate(from: i, continuation: false)
            case 0x7D /* } */:
                if let top = templateDepths.last, top == braceDepth {
                    templateDepths.removeLast()
                    scanTemplate(from: i, continuation: true)
                } else {
                    braceDepth = max(0, braceDepth - 1)
                    scanPunctuator()
                }
            case 0x7B /* { */:
                braceDepth += 1
                scanPunctuator()
            case 0x30...0x39: scanNumber()  // digits
            case 0x2E /* . */:
                if isDigit(at(i + 1)) { scanNumber() } else { scanPunctuator() }
            case 0x23 /* # */:
                if isIdentifierStart(at(i + 1)) { scanIdentifier(kind: .privateName) } else { scanPunctuator() }
            default:
                if c >= 0x80, let width = Self.unicodeSpaceWidth(b, i) {
                    if c == 0xE2 && at(i + 2) >= 0xA8 { newline = true }
                    i += width
                } else if isIdentifierStart(c) || c == 0x5C /* \ */ {
                    scanIdentifier(kind: .identifier)
                } else {
                    scanPunctuator()
                }
            }
        }
    }

    private mutating func append(
        _ kind: JavaScriptTokenKind, start: Int, flags: UInt8 = 0, op: UInt16 = 0, name: Int32 = -1
    ) {
        var all = flags
        if newline {
            all |= JavaScriptToken.newlineBefore
        } else if start - lastEnd >= offscreenGap && !stream.tokens.isEmpty {
            stream.gapTokens.append(Int32(stream.tokens.count))
        }
        newline = false
        lastEnd = i
        let token = JavaScriptToken(kind: kind, flags: all, op: op, name: name, start: Int32(start), end: Int32(i))
        if kind != .identifier { stream.brackets.add(token, at: stream.tokens.count) }
        stream.tokens.append(token)
    }

    /// Skips a run of ASCII spaces, tabs and line breaks in one tight loop (indentation is most of many files).
    private mutating func skipWhitespace() {
        // Bits 0x09...0x0D and 0x20.
        let mask: UInt64 = 0x1_0000_3E00
        var index = i
        while index < b.count {
            let c = b[index]
            guard c < 64 && (mask >> UInt64(c)) & 1 != 0 else { break }
            if c == 0x0A { newline = true }
            index += 1
        }
        i = index
    }

    private mutating func skipLine() {
        while i < b.count && b[i] != 0x0A { i += 1 }
    }

    private mutating func skipBlockComment() {
        i += 2
        while i < b.count {
            if b[i] == 0x2A /* star */ && at(i + 1) == 0x2F /* slash */ {
                i += 2
                return
            }
            if b[i] == 0x0A { newline = true }
            i += 1
        }
    }

    /// The keywords after which a `/` starts a regex, as a bit set over their ids.
    private static let keywordsBeforeRegexTable: UInt64 = {
        typealias K = JavaScriptNames.Known
        let keywords: [K] = [
            .return_, .typeof_, .instanceof, .in_, .of, .new_, .delete_, .void_, .throw_, .case_, .do_, .else_, .yield,
            .await_, .extends,
        ]
        return keywords.reduce(0) { $0 | (1 << UInt64($1.rawValue)) }
    }()

    /// Whether a `/` here starts a regular expression, decided from the previous significant token.
    private func regexAllowed() -> Bool {
        guard let last = stream.tokens.last else { return true }
        switch last.kind {
        case .identifier:
            return last.name >= 0 && last.name < 64 && keywordsBeforeRegex & (1 << UInt64(last.name)) != 0
        case .number, .string, .template, .templateTail, .regex, .privateName: return false
        case .templateHead, .templateMiddle: return true
        case .punctuator:
            switch last.op {
            case JavaScriptOp.rparen, JavaScriptOp.rbracket, JavaScriptOp.rbrace, JavaScriptOp.increment,
                JavaScriptOp.decrement:
                return false
            default: return true
            }
        }
    }

    private mutating func scanString(quote: UInt8) {
        let start = i
        var flags: UInt8 = 0
        i += 1
        while i < b.count {
            let c = b[i]
            if c == quote {
                i += 1
                append(.string, start: start, flags: flags)
                return
            }
            if c == 0x5C /* \ */ {
                flags |= JavaScriptToken.hasEscapes
                i += at(i + 1) == 0x0D && at(i + 2) == 0x0A ? 3 : 2
                continue
            }
            if c == 0x0A || (c == 0x0D && at(i + 1) == 0x0A) { break }
            i += 1
        }
        i = min(i, b.count)
        append(.string, start: start, flags: flags | JavaScriptToken.unterminated)
    }

    private mutating func scanTemplate(from start: Int, continuation: Bool) {
        var flags: UInt8 = 0
        i = start + 1
        while i < b.count {
            let c = b[i]
            if c == 0x60 /* ` */ {
                i += 1
                append(continuation ? .templateTail : .template, start: start, flags: flags)
                return
            }
            if c == 0x5C /* \ */ {
                flags |= JavaScriptToken.hasEscapes
                i += 2
                continue
            }
            if c == 0x24 /* $ */ && at(i + 1) == 0x7B /* { */ {
                i += 2
                templateDepths.append(braceDepth)
                append(continuation ? .templateMiddle : .templateHead, start: start, flags: flags)
                return
            }
            i += 1
        }
        i = b.count
        append(continuation ? .templateTail : .template, start: start, flags: flags | JavaScriptToken.unterminated)
    }

    private mutating func scanRegex() {
        let start = i
        var inClass = false
        i += 1
        while i < b.count {
            let c = b[i]
            if c == 0x0A || c == 0x0D { break }
            if c == 0x5C /* \ */ {
                if at(i + 1) == 0x0A { break }
                i += 2
                continue
            }
            if c == 0x5B /* [ */ {
                inClass = true
            } else if c == 0x5D /* ] */ {
                inClass = false
            } else if c == 0x2F /* slash */ && !inClass {
                i += 1
                while i < b.count && isIdentifierPart(b[i]) { i += 1 }
                append(.regex, start: start)
                return
            }
            i += 1
        }
        i = min(i, b.count)
        append(.regex, start: start, flags: JavaScriptToken.unterminated)
    }

    private mutating func scanNumber() {
        let start = i
        if b[i] == 0x30 /* 0 */, let x = Optional(at(i + 1) | 0x20),
            x == 0x78 /* x */ || x == 0x6F /* o */ || x == 0x62 /* b */
        {
            i += 2
            while i < b.count && isIdentifierPart(b[i]) { i += 1 }
        } else {
            while i < b.count && (isDigit(b[i]) || b[i] == 0x2E /* . */ || b[i] == 0x5F /* _ */) { i += 1 }
            if at(i) | 0x20 == 0x65 /* e */ {
                i += 1
                if at(i) == 0x2B /* + */ || at(i) == 0x2D /* - */ { i += 1 }
            }
            while i < b.count && isIdentifierPart(b[i]) { i += 1 }
        }
        append(.number, start: start)
    }

    private mutating func scanPunctuator() {
        let start = i
        let c = b[i]
        // `( ) [ ] { } , : ; ~` start no longer operator: one byte, no further tests (most of minified code's
        // punctuators).
        let single = c < 64 ? Self.singlePunctuatorsLow : (c < 128 ? Self.singlePunctuatorsHigh : 0)
        if (single >> UInt64(c & 63)) & 1 != 0 {
            i += 1
            append(.punctuator, start: start, op: UInt16(c))
            return
        }
        let next = at(i + 1)
        var op = UInt16(c)
        var width = 1
        switch (c, next) {
        case (0x2E /* . */, 0x2E /* . */) where at(i + 2) == 0x2E /* . */:
            (op, width) = (JavaScriptOp.spread, 3)
        case (0x3F /* ? */, 0x2E /* . */) where !isDigit(at(i + 2)):
            (op, width) = (JavaScriptOp.optionalChain, 2)
        case (0x3D /* = */, 0x3E /* > */): (op, width) = (JavaScriptOp.arrow, 2)
        case (0x2B /* + */, 0x2B /* + */): (op, width) = (JavaScriptOp.increment, 2)
        case (0x2D /* - */, 0x2D /* - */): (op, width) = (JavaScriptOp.decrement, 2)
        case (0x2B /* + */, 0x3D /* = */): (op, width) = (JavaScriptOp.plusAssign, 2)
        case (0x3C /* < */, 0x2F /* slash */)
        where at(i + 2) != 0x2F /* slash */ && at(i + 2) != 0x2A /* star */:
            (op, width) = (JavaScriptOp.closeTag, 2)
        default:
            if operatorStart[Int(c)] && operatorSecond[Int(next)] {
                (op, width) = Self.longOperator(b, at: i, packedOperators)
            }
        }
        i += width
        append(.punctuator, start: start, op: op)
    }

    /// `( ) , : ;` as bits by byte: punctuators below 64 that are always one byte (no multi-character operator
    /// starts with one). A literal, so the test costs no table lookup.
    static var singlePunctuatorsLow: UInt64 { 0x0C00_1300_0000_0000 }
    /// `[ ] { } ~` as bits by byte minus 64: the always-one-byte punctuators from 64 to 127.
    static var singlePunctuatorsHigh: UInt64 { 0x6800_0000_2800_0000 }

    /// Bytes that can start, and that can follow the first byte of, a multi-character operator.
    private static let operatorStartTable: [Bool] = (0..<256).map { byte in
        JavaScriptOp.others.contains { $0[0] == UInt8(byte) }
    }
    private static let operatorSecondTable: [Bool] = (0..<256).map { byte in
        JavaScriptOp.others.contains { $0[1] == UInt8(byte) }
    }

    /// A multi-character operator packed for comparison with the next four bytes.
    private struct PackedOperator: Sendable {
        /// Its bytes, little-endian.
        var bytes: UInt32
        /// The mask of its length.
        var mask: UInt32
        var length: Int
        var code: UInt16
    }

    /// `JavaScriptOp.others` packed, longest first (as `others` is ordered, so the first match is the longest).
    private static let packedOperatorsTable: [PackedOperator] = JavaScriptOp.others.enumerated().map { index, bytes in
        var packed: UInt32 = 0
        for (offset, byte) in bytes.enumerated() { packed |= UInt32(byte) << (8 * UInt32(offset)) }
        let mask: UInt32 = bytes.count >= 4 ? .max : (1 << (8 * UInt32(bytes.count))) - 1
        return PackedOperator(bytes: packed, mask: mask, length: bytes.count, code: UInt16(300 + index))
    }

    /// The longest multi-character operator at an index, or the single character there.
    /// (The byte helpers are static: a method of the lexer, a large value, would be handed a copy of it.)
    private static func longOperator(
        _ b: UnsafeBufferPointer<UInt8>, at i: Int, _ operators: [PackedOperator]
    ) -> (UInt16, Int) {
        let c = byte(b, i)
        let next = UInt32(c) | UInt32(byte(b, i + 1)) << 8 | UInt32(byte(b, i + 2)) << 16 | UInt32(byte(b, i + 3)) << 24
        for candidate in operators where next & candidate.mask == candidate.bytes {
            return (candidate.code, candidate.length)
        }
        return (UInt16(c), 1)
    }

    private mutating func scanIdentifier(kind: JavaScriptTokenKind) {
        let start = i
        if kind == .privateName { i += 1 }
        // Plain ASCII names in one tight loop; escapes and non-ASCII bytes continue below.
        // (The test is spelled out: a call per byte is what makes debug builds slow.)
        var index = i
        while index < b.count {
            let c = b[index], letter = c | 0x20
            guard (letter >= 0x61 && letter <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x5F || c == 0x24 else {
                break
            }
            index += 1
        }
        i = index
        var escaped = false
        while i < b.count {
            let c = b[i]
            if c == 0x5C /* \ */ {
                guard at(i + 1) == 0x75 /* u */, let (scalar, width) = Self.unicodeEscape(b, at: i + 2) else { break }
                if !escaped {
                    scratch.removeAll(keepingCapacity: true)
                    scratch.append(contentsOf: b[start..<i])
                }
                escaped = true
                scratch.append(contentsOf: Array(String(Character(scalar)).utf8))
                i += 2 + width
                continue
            }
            if c >= 0x80 && Self.unicodeSpaceWidth(b, i) != nil { break }
            guard isIdentifierPart(c) || c >= 0x80 else { break }
            if escaped { scratch.append(c) }
            i += 1
        }
        if i == start {
            i += 1
            append(.punctuator, start: start, op: UInt16(b[start]))
            return
        }
        let name: Int32
        if escaped {
            name = scratch.withUnsafeBufferPointer { stream.names.intern($0) }
        } else if i - start <= JavaScriptShortNames.maximumLength {
            let key = JavaScriptShortNames.key(b, from: start, to: i)
            let cached = shortNames.id(of: key)
            if cached >= 0 {
                name = cached
            } else {
                name = stream.names.intern(UnsafeBufferPointer(rebasing: b[start..<i]))
                shortNames.insert(key, id: name)
            }
        } else {
            name = stream.names.intern(UnsafeBufferPointer(rebasing: b[start..<i]))
        }
        if kind == .identifier && !JavaScriptNames.isKeyword(name) {
            stream.identifierCount += 1
            if isHexName(name) {
                stream.hexIdentifierCount += 1
                if stream.firstHexIdentifier < 0 { stream.firstHexIdentifier = stream.tokens.count }
            }
        }
        append(kind, start: start, flags: escaped ? JavaScriptToken.escaped : 0, name: name)
    }

    /// Whether an interned name looks generated by javascript-obfuscator (decided once per name).
    @inline(__always)
    private mutating func isHexName(_ name: Int32) -> Bool {
        guard name >= 0 else { return false }
        if Int(name) < hexNames.count { return hexNames[Int(name)] }
        return classifyNames(through: name)
    }

    /// Decides `isHexName` for the names up to an id not seen before.
    @inline(never)
    private mutating func classifyNames(through name: Int32) -> Bool {
        while hexNames.count <= Int(name) {
            hexNames.append(stream.names.withBytes(of: Int32(hexNames.count)) { Self.isHexName($0) })
        }
        return hexNames[Int(name)]
    }

    /// Whether a name looks generated by javascript-obfuscator: `_0x` followed by at least four hex digits.
    static func isHexName(_ name: String) -> Bool {
        isHexName(name.utf8)
    }

    /// `isHexName` over a name's UTF-8 bytes.
    static func isHexName<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        guard bytes.count >= 7 else { return false }
        var state = 0, hex = 0
        for byte in bytes {
            switch state {
            case 0: state = byte == 0x5F /* _ */ ? 1 : 0
            case 1: state = byte == 0x30 /* 0 */ ? 2 : (byte == 0x5F /* _ */ ? 1 : 0)
            case 2: state = byte == 0x78 /* x */ ? 3 : (byte == 0x5F /* _ */ ? 1 : 0)
            default:
                if isHex(byte) {
                    hex += 1
                    if hex >= 4 { return true }
                } else {
                    hex = 0
                    state = byte == 0x5F /* _ */ ? 1 : 0
                }
            }
        }
        return false
    }

    /// Decodes `XXXX` or `{X...}` after `\u`; returns the scalar and the bytes consumed.
    private static func unicodeEscape(_ b: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int)? {
        var value: UInt32 = 0
        if byte(b, index) == 0x7B /* { */ {
            var j = index + 1
            while j < b.count && j - index < 9 && isHex(b[j]) {
                value = value * 16 + UInt32(hexValue(b[j]))
                j += 1
            }
            guard byte(b, j) == 0x7D /* } */, j > index + 1, let scalar = Unicode.Scalar(value) else { return nil }
            return (scalar, j + 1 - index)
        }
        for j in index..<index + 4 {
            guard isHex(byte(b, j)) else { return nil }
            value = value * 16 + UInt32(hexValue(byte(b, j)))
        }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, 4)
    }

    /// The width of a non-ASCII space or line separator here (NBSP, BOM, U+2028/2029, ideographic space), if any.
    private static func unicodeSpaceWidth(_ b: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int? {
        switch b[index] {
        case 0xC2 where byte(b, index + 1) == 0xA0: return 2
        case 0xE2 where byte(b, index + 1) == 0x80:
            let third = byte(b, index + 2)
            if third == 0xA8 || third == 0xA9 || third == 0xAF { return 3 }
            return nil
        case 0xE2 where byte(b, index + 1) == 0x81 && byte(b, index + 2) == 0x9F: return 3
        case 0xE3 where byte(b, index + 1) == 0x80 && byte(b, index + 2) == 0x80: return 3
        case 0xEF where byte(b, index + 1) == 0xBB && byte(b, index + 2) == 0xBF: return 3
        default: return nil
        }
    }

    /// The byte at an index, or 0 past the end.
    @inline(__always)
    private static func byte(_ b: UnsafeBufferPointer<UInt8>, _ index: Int) -> UInt8 {
        index < b.count ? b[index] : 0
    }
}

// MARK: - Private

private func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

private func isHex(_ c: UInt8) -> Bool { isDigit(c) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x66) }

private func hexValue(_ c: UInt8) -> UInt8 { isDigit(c) ? c - 0x30 : (c | 0x20) - 0x61 + 10 }

private func isIdentifierStart(_ c: UInt8) -> Bool {
    (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || c == 0x5F /* _ */ || c == 0x24 /* $ */ || c >= 0x80
}

private func isIdentifierPart(_ c: UInt8) -> Bool { isIdentifierStart(c) || isDigit(c) }
