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

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.b = bytes
        stream.tokens.reserveCapacity(bytes.count / 4)
    }

    private func at(_ index: Int) -> UInt8 { index < b.count ? b[index] : 0 }

    private mutating func run() {
        let n = b.count
        if n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF { i = 3 }
        if at(i) == UInt8(ascii: "#") && at(i + 1) == UInt8(ascii: "!") { skipLine() }
        while i < n {
            let c = b[i]
            switch c {
            case 0x20, 0x09, 0x0B, 0x0C, 0x0D: i += 1
            case 0x0A:
                newline = true
                i += 1
            case UInt8(ascii: "/"):
                let next = at(i + 1)
                if next == UInt8(ascii: "/") {
                    skipLine()
                } else if next == UInt8(ascii: "*") {
                    skipBlockComment()
                } else if regexAllowed() {
                    scanRegex()
                } else {
                    scanPunctuator()
                }
            case UInt8(ascii: "'"), UInt8(ascii: "\""): scanString(quote: c)
            case UInt8(ascii: "`"): scanTemplate(from: i, continuation: false)
            case UInt8(ascii: "}"):
                if let top = templateDepths.last, top == braceDepth {
                    templateDepths.removeLast()
                    scanTemplate(from: i, continuation: true)
                } else {
                    braceDepth = max(0, braceDepth - 1)
                    scanPunctuator()
                }
            case UInt8(ascii: "{"):
                braceDepth += 1
                scanPunctuator()
            case UInt8(ascii: "0")...UInt8(ascii: "9"): scanNumber()
            case UInt8(ascii: "."):
                if isDigit(at(i + 1)) { scanNumber() } else { scanPunctuator() }
            case UInt8(ascii: "#"):
                if isIdentifierStart(at(i + 1)) { scanIdentifier(kind: .privateName) } else { scanPunctuator() }
            default:
                if c >= 0x80, let width = unicodeSpaceWidth(i) {
                    if c == 0xE2 && at(i + 2) >= 0xA8 { newline = true }
                    i += width
                } else if isIdentifierStart(c) || c == UInt8(ascii: "\\") {
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
        if newline { all |= JavaScriptToken.newlineBefore }
        newline = false
        stream.tokens.append(
            JavaScriptToken(kind: kind, flags: all, op: op, name: name, start: Int32(start), end: Int32(i)))
    }

    private mutating func skipLine() {
        while i < b.count && b[i] != 0x0A { i += 1 }
    }

    private mutating func skipBlockComment() {
        i += 2
        while i < b.count {
            if b[i] == UInt8(ascii: "*") && at(i + 1) == UInt8(ascii: "/") {
                i += 2
                return
            }
            if b[i] == 0x0A { newline = true }
            i += 1
        }
    }

    /// The keywords after which a `/` starts a regex, as a bit set over their ids.
    private static let keywordsBeforeRegex: UInt64 = {
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
            return last.name >= 0 && last.name < 64 && Self.keywordsBeforeRegex & (1 << UInt64(last.name)) != 0
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
            if c == UInt8(ascii: "\\") {
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
            if c == UInt8(ascii: "`") {
                i += 1
                append(continuation ? .templateTail : .template, start: start, flags: flags)
                return
            }
            if c == UInt8(ascii: "\\") {
                flags |= JavaScriptToken.hasEscapes
                i += 2
                continue
            }
            if c == UInt8(ascii: "$") && at(i + 1) == UInt8(ascii: "{") {
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
            if c == UInt8(ascii: "\\") {
                if at(i + 1) == 0x0A { break }
                i += 2
                continue
            }
            if c == UInt8(ascii: "[") {
                inClass = true
            } else if c == UInt8(ascii: "]") {
                inClass = false
            } else if c == UInt8(ascii: "/") && !inClass {
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
        if b[i] == UInt8(ascii: "0"), let x = Optional(at(i + 1) | 0x20),
            x == UInt8(ascii: "x") || x == UInt8(ascii: "o") || x == UInt8(ascii: "b")
        {
            i += 2
            while i < b.count && isIdentifierPart(b[i]) { i += 1 }
        } else {
            while i < b.count && (isDigit(b[i]) || b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: "_")) { i += 1 }
            if at(i) | 0x20 == UInt8(ascii: "e") {
                i += 1
                if at(i) == UInt8(ascii: "+") || at(i) == UInt8(ascii: "-") { i += 1 }
            }
            while i < b.count && isIdentifierPart(b[i]) { i += 1 }
        }
        append(.number, start: start)
    }

    private mutating func scanPunctuator() {
        let start = i
        let c = b[i], next = at(i + 1)
        var op = UInt16(c)
        var width = 1
        switch (c, next) {
        case (UInt8(ascii: "."), UInt8(ascii: ".")) where at(i + 2) == UInt8(ascii: "."):
            (op, width) = (JavaScriptOp.spread, 3)
        case (UInt8(ascii: "?"), UInt8(ascii: ".")) where !isDigit(at(i + 2)):
            (op, width) = (JavaScriptOp.optionalChain, 2)
        case (UInt8(ascii: "="), UInt8(ascii: ">")): (op, width) = (JavaScriptOp.arrow, 2)
        case (UInt8(ascii: "+"), UInt8(ascii: "+")): (op, width) = (JavaScriptOp.increment, 2)
        case (UInt8(ascii: "-"), UInt8(ascii: "-")): (op, width) = (JavaScriptOp.decrement, 2)
        case (UInt8(ascii: "+"), UInt8(ascii: "=")): (op, width) = (JavaScriptOp.plusAssign, 2)
        case (UInt8(ascii: "<"), UInt8(ascii: "/"))
        where at(i + 2) != UInt8(ascii: "/") && at(i + 2) != UInt8(ascii: "*"):
            (op, width) = (JavaScriptOp.closeTag, 2)
        default:
            if Self.operatorStart[Int(c)] && Self.operatorSecond[Int(next)] { (op, width) = longOperator(c) }
        }
        i += width
        append(.punctuator, start: start, op: op)
    }

    /// Bytes that can start, and that can follow the first byte of, a multi-character operator.
    private static let operatorStart: [Bool] = (0..<256).map { byte in
        JavaScriptOp.others.contains { $0[0] == UInt8(byte) }
    }
    private static let operatorSecond: [Bool] = (0..<256).map { byte in
        JavaScriptOp.others.contains { $0[1] == UInt8(byte) }
    }

    /// The longest multi-character operator here, or the single character.
    private func longOperator(_ c: UInt8) -> (UInt16, Int) {
        let others = JavaScriptOp.others
        var index = 0
        while index < others.count {
            let candidate = others[index]
            var length = 0
            while length < candidate.count && at(i + length) == candidate[length] { length += 1 }
            if length == candidate.count { return (UInt16(300 + index), length) }
            index += 1
        }
        return (UInt16(c), 1)
    }

    private mutating func scanIdentifier(kind: JavaScriptTokenKind) {
        let start = i
        if kind == .privateName { i += 1 }
        var escaped = false
        scratch.removeAll(keepingCapacity: true)
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\\") {
                guard at(i + 1) == UInt8(ascii: "u"), let (scalar, width) = unicodeEscape(at: i + 2) else { break }
                if !escaped { scratch.append(contentsOf: b[start..<i]) }
                escaped = true
                scratch.append(contentsOf: Array(String(Character(scalar)).utf8))
                i += 2 + width
                continue
            }
            if c >= 0x80 && unicodeSpaceWidth(i) != nil { break }
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
        } else {
            name = stream.names.intern(UnsafeBufferPointer(rebasing: b[start..<i]))
        }
        if !JavaScriptNames.isKeyword(name) && kind == .identifier {
            stream.identifierCount += 1
            if Self.isHexName(stream.names[name]) {
                stream.hexIdentifierCount += 1
                if stream.firstHexIdentifier < 0 { stream.firstHexIdentifier = stream.tokens.count }
            }
        }
        append(kind, start: start, flags: escaped ? JavaScriptToken.escaped : 0, name: name)
    }

    /// Whether a name looks generated by javascript-obfuscator: `_0x` followed by at least four hex digits.
    static func isHexName(_ name: String) -> Bool {
        let bytes = name.utf8
        guard bytes.count >= 7 else { return false }
        var state = 0, hex = 0
        for byte in bytes {
            switch state {
            case 0: state = byte == UInt8(ascii: "_") ? 1 : 0
            case 1: state = byte == UInt8(ascii: "0") ? 2 : (byte == UInt8(ascii: "_") ? 1 : 0)
            case 2: state = byte == UInt8(ascii: "x") ? 3 : (byte == UInt8(ascii: "_") ? 1 : 0)
            default:
                if isHex(byte) {
                    hex += 1
                    if hex >= 4 { return true }
                } else {
                    hex = 0
                    state = byte == UInt8(ascii: "_") ? 1 : 0
                }
            }
        }
        return false
    }

    /// Decodes `XXXX` or `{X...}` after `\u`; returns the scalar and the bytes consumed.
    private func unicodeEscape(at index: Int) -> (Unicode.Scalar, Int)? {
        var value: UInt32 = 0
        if at(index) == UInt8(ascii: "{") {
            var j = index + 1
            while j < b.count && j - index < 9 && isHex(b[j]) {
                value = value * 16 + UInt32(hexValue(b[j]))
                j += 1
            }
            guard at(j) == UInt8(ascii: "}"), j > index + 1, let scalar = Unicode.Scalar(value) else { return nil }
            return (scalar, j + 1 - index)
        }
        for j in index..<index + 4 {
            guard isHex(at(j)) else { return nil }
            value = value * 16 + UInt32(hexValue(at(j)))
        }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, 4)
    }

    /// The width of a non-ASCII space or line separator here (NBSP, BOM, U+2028/2029, ideographic space), if any.
    private func unicodeSpaceWidth(_ index: Int) -> Int? {
        switch b[index] {
        case 0xC2 where at(index + 1) == 0xA0: return 2
        case 0xE2
        where at(index + 1) == 0x80 && (at(index + 2) == 0xA8 || at(index + 2) == 0xA9 || at(index + 2) == 0xAF):
            return 3
        case 0xE2 where at(index + 1) == 0x81 && at(index + 2) == 0x9F: return 3
        case 0xE3 where at(index + 1) == 0x80 && at(index + 2) == 0x80: return 3
        case 0xEF where at(index + 1) == 0xBB && at(index + 2) == 0xBF: return 3
        default: return nil
        }
    }
}

// MARK: - Private

private func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

private func isHex(_ c: UInt8) -> Bool { isDigit(c) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x66) }

private func hexValue(_ c: UInt8) -> UInt8 { isDigit(c) ? c - 0x30 : (c | 0x20) - 0x61 + 10 }

private func isIdentifierStart(_ c: UInt8) -> Bool {
    (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || c == UInt8(ascii: "_") || c == UInt8(ascii: "$") || c >= 0x80
}

private func isIdentifierPart(_ c: UInt8) -> Bool { isIdentifierStart(c) || isDigit(c) }
