/// A shell-word lexer for npm scripts, `sh -c` bodies and `.sh` files: quotes, escapes, `$(...)`, backquotes, `${...}`,
/// comments, separators, redirections and here-documents.
///
/// Linear in the script's size and never fails: an unterminated quote or substitution runs to the end of the script.
struct ShellLexer {
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0
    private var tokens: [ShellToken] = []
    private var pendingHeredocs: [(delimiter: String, stripTabs: Bool)] = []

    /// The tokens of a script.
    static func tokens(of script: String) -> [ShellToken] {
        var lexer = ShellLexer(bytes: Array(script.utf8))
        lexer.run()
        return lexer.tokens
    }

    // MARK: - Private

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func run() {
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x20, 0x09, 0x0D: index += 1
            case 0x0A:
                emit(.end, "\n", at: index)
                index += 1
                newLine()
                readHeredocs()
            case 0x23: skipComment()
            case 0x3B, 0x28, 0x29:
                emit(.end, String(UnicodeScalar(byte)), at: index)
                index += 1
            case 0x26: ampersand()
            case 0x7C:
                let double = peek(1) == 0x7C
                emit(double ? .condition : .pipe, double ? "||" : "|", at: index)
                index += double || peek(1) == 0x26 ? 2 : 1
            case 0x3C where peek(1) == 0x28: word()
            case 0x3E, 0x3C: redirect(start: index)
            default: word()
            }
        }
    }

    private func peek(_ offset: Int) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    private mutating func newLine() {
        line += 1
        lineStart = index
    }

    private mutating func emit(_ kind: ShellToken.Kind, _ text: String, at offset: Int) {
        tokens.append(ShellToken(kind: kind, text: text, line: line, column: offset - lineStart + 1))
    }

    private mutating func skipComment() {
        while index < bytes.count && bytes[index] != 0x0A { index += 1 }
    }

    private mutating func ampersand() {
        if peek(1) == 0x26 {
            emit(.condition, "&&", at: index)
            index += 2
        } else if peek(1) == 0x3E {
            let start = index
            index += 1
            redirect(start: start)
        } else {
            emit(.background, "&", at: index)
            index += 1
        }
    }

    /// `>`, `>>`, `>&`, `>|`, `<`, `<<`, `<<-`, `<<<`, `<&`, `<>`; a preceding all-digit word is its fd.
    private mutating func redirect(start: Int) {
        var text = ""
        while index < bytes.count, [0x3C, 0x3E, 0x26, 0x7C, 0x2D].contains(bytes[index]), text.count < 4 {
            if bytes[index] == 0x2D && text != "<<" { break }
            text.append(Character(UnicodeScalar(bytes[index])))
            index += 1
        }
        if let last = tokens.last, last.kind == .word, last.text.allSatisfy(\.isNumber), last.line == line,
            last.column + last.text.utf8.count == start - lineStart + 1
        {
            tokens.removeLast()
        }
        tokens.append(ShellToken(kind: .redirect(text), text: text, line: line, column: start - lineStart + 1))
        if text == "<<" || text == "<<-" {
            while index < bytes.count && (bytes[index] == 0x20 || bytes[index] == 0x09) { index += 1 }
            let before = tokens.count
            if index < bytes.count && bytes[index] != 0x0A { word() }
            if tokens.count > before, let delimiter = tokens.last?.text {
                pendingHeredocs.append((delimiter, text == "<<-"))
            }
        }
    }

    /// Reads the bodies of the here-documents opened on the line just ended.
    private mutating func readHeredocs() {
        let pending = pendingHeredocs
        pendingHeredocs = []
        for (delimiter, stripTabs) in pending {
            let bodyLine = line, bodyStart = index
            var body: [UInt8] = []
            while index < bytes.count {
                var end = index
                while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                var lineBytes = bytes[index..<end]
                if stripTabs { lineBytes = lineBytes.drop { $0 == 0x09 } }
                index = min(end + 1, bytes.count)
                newLine()
                if String(decoding: lineBytes, as: UTF8.self) == delimiter { break }
                body += lineBytes
                body.append(0x0A)
            }
            tokens.append(
                ShellToken(
                    kind: .heredoc, text: String(decoding: body, as: UTF8.self), line: bodyLine,
                    column: 1 + (bodyStart - bodyStart)))
        }
    }

    private mutating func word() {
        let start = index
        var text: [UInt8] = []
        var token = ShellToken(kind: .word, text: "", line: line, column: start - lineStart + 1)
        if bytes[start] == 0x27 || bytes[start] == 0x22 { token.contentOffset = 1 }
        loop: while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D, 0x3B, 0x26, 0x7C, 0x28, 0x29, 0x3E: break loop
            case 0x3C where peek(1) != 0x28: break loop
            case 0x27:
                index += 1
                while index < bytes.count && bytes[index] != 0x27 {
                    text.append(bytes[index]); countNewline(); index += 1
                }
                index += 1
            case 0x22: doubleQuoted(into: &text, token: &token)
            case 0x5C:
                if peek(1) == 0x0A { index += 2; newLine(); continue }
                if let next = peek(1) { text.append(next) }
                index += 2
            case 0x24, 0x60, 0x3C, 0x25: dollar(into: &text, token: &token)
            default:
                text.append(byte)
                index += 1
            }
        }
        token.text = String(decoding: text, as: UTF8.self)
        tokens.append(token)
    }

    private mutating func countNewline() {
        if bytes[index] == 0x0A { line += 1; lineStart = index + 1 }
    }

    private mutating func doubleQuoted(into text: inout [UInt8], token: inout ShellToken) {
        index += 1
        while index < bytes.count && bytes[index] != 0x22 {
            let byte = bytes[index]
            if byte == 0x5C, let next = peek(1), [0x22, 0x5C, 0x24, 0x60].contains(next) {
                text.append(next)
                index += 2
            } else if byte == 0x24 || byte == 0x60 || byte == 0x25 {
                dollar(into: &text, token: &token)
            } else {
                text.append(byte)
                countNewline()
                index += 1
            }
        }
        index += 1
    }

    /// `$(...)`, `<(...)`, backquotes, `${...}`, `$NAME`, `%NAME%`: kept in the word as written, recorded on the token.
    private mutating func dollar(into text: inout [UInt8], token: inout ShellToken) {
        let start = index
        let byte = bytes[index]
        if (byte == 0x24 || byte == 0x3C) && peek(1) == 0x28 {
            index += 2
            let bodyStart = index
            var depth = 1
            while index < bytes.count && depth > 0 {
                if bytes[index] == 0x28 { depth += 1 } else if bytes[index] == 0x29 { depth -= 1 }
                countNewline()
                index += 1
            }
            token.substitutions.append(String(decoding: bytes[bodyStart..<max(bodyStart, index - 1)], as: UTF8.self))
        } else if byte == 0x60 {
            index += 1
            let bodyStart = index
            while index < bytes.count && bytes[index] != 0x60 { countNewline(); index += 1 }
            token.substitutions.append(String(decoding: bytes[bodyStart..<index], as: UTF8.self))
            index += 1
        } else if byte == 0x24 && peek(1) == 0x7B {
            index += 2
            let nameStart = index
            while index < bytes.count && bytes[index] != 0x7D { index += 1 }
            let inner = bytes[nameStart..<index].prefix { Self.isNameByte($0) }
            if !inner.isEmpty { token.variables.append(String(decoding: inner, as: UTF8.self)) }
            index += 1
        } else if byte == 0x24 || byte == 0x25 {
            index += 1
            let nameStart = index
            while index < bytes.count && Self.isNameByte(bytes[index]) { index += 1 }
            let name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
            if byte == 0x25 {
                guard index < bytes.count, bytes[index] == 0x25, !name.isEmpty else {
                    index = start + 1
                    text.append(byte)
                    return
                }
                index += 1
            }
            if !name.isEmpty, !(name.first?.isNumber ?? true) { token.variables.append(name) }
        } else {
            index += 1
        }
        text += bytes[start..<min(index, bytes.count)]
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x5F
    }
}
