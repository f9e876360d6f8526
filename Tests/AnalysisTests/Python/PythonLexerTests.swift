import Analysis
import Testing

/// The Python lexer: string prefixes, f-strings, triple quotes, continuations, indentation, recovery.
@Suite struct PythonLexerTests {
    static func kinds(_ source: String) -> [PythonToken.Kind] { PythonLexer.tokenize(source).map(\.kind) }
    static func strings(_ source: String) -> [PythonToken] {
        PythonLexer.tokenize(source).filter { $0.kind == .string }
    }

    static let plainPrefixes = ["", "r", "u", "R", "U", "b", "B", "br", "rb", "Br", "bR", "BR", "RB", "rB", "Rb"]
    static let formattedPrefixes = ["f", "F", "fr", "rf", "Fr", "fR", "FR", "RF", "rF", "Rf"]

    @Test(arguments: plainPrefixes)
    func everyPlainPrefix(_ prefix: String) throws {
        for quote in ["'", "\"", "'''", "\"\"\""] {
            let tokens = PythonLexer.tokenize("x = \(prefix)\(quote)a\\x41\(quote) + 1")
            let string = try #require(tokens.first { $0.kind == .string }, "\(prefix)\(quote)")
            let raw = prefix.lowercased().contains("r")
            #expect(string.text == (raw ? "a\\x41" : "aA"))
            #expect(string.flags.contains(.bytes) == prefix.lowercased().contains("b"))
            #expect(string.flags.contains(.raw) == raw)
            #expect(string.flags.contains(.triple) == (quote.count == 3))
            #expect(string.column == 5)
            #expect(tokens.contains { $0.kind == .number && $0.text == "1" })
        }
    }

    @Test(arguments: formattedPrefixes)
    func everyFormattedPrefix(_ prefix: String) {
        let tokens = PythonLexer.tokenize("x = \(prefix)'a{b}c'")
        #expect(
            tokens.map(\.kind) == [
                .name, .op, .fstringStart, .fstringMiddle, .op, .name, .op, .fstringMiddle, .fstringEnd, .newline,
                .endMarker,
            ])
        #expect(tokens[2].text == prefix)
    }

    @Test func prefixLikeNamesAreNames() {
        let tokens = PythonLexer.tokenize("rb = fr + ur'x' + bu'y'")
        #expect(tokens[0].kind == .name && tokens[2].kind == .name)
        #expect(tokens.filter { $0.kind == .string }.count == 2)
        #expect(tokens.contains { $0.kind == .name && $0.text == "ur" })
    }

    @Test func nestedFStringsAndFormatSpecs() {
        let tokens = PythonLexer.tokenize("f'{a!r:>{width}} {{lit}} {f\"{b}\"}'")
        let middles = tokens.filter { $0.kind == .fstringMiddle }.map(\.text)
        #expect(middles == [">", " {lit} "])
        #expect(tokens.filter { $0.kind == .fstringStart }.count == 2)
        #expect(tokens.filter { $0.kind == .fstringEnd }.count == 2)
        #expect(tokens.filter { $0.kind == .name }.map(\.text) == ["a", "r", "width", "b"])
    }

    @Test func python312NestedSameQuotes() {
        let tokens = PythonLexer.tokenize("x = f\"{d[\"key\"]} {\", \".join(items)}\"\ny = 1\n")
        #expect(tokens.filter { $0.kind == .string }.map(\.text) == ["key", ", "])
        #expect(tokens.filter { $0.kind == .fstringEnd }.count == 1)
        #expect(tokens.contains { $0.kind == .name && $0.text == "y" && $0.line == 2 })
    }

    @Test func multiLineReplacementFieldsInTripleQuotedFStrings() {
        let tokens = PythonLexer.tokenize("s = f'''a{\n  x +\n  y\n}b'''\nz = 2\n")
        #expect(tokens.filter { $0.kind == .fstringMiddle }.map(\.text) == ["a", "b"])
        #expect(tokens.contains { $0.text == "z" && $0.line == 5 && $0.column == 1 })
    }

    @Test func tripleQuotesSpanLines() throws {
        let tokens = PythonLexer.tokenize("a = '''one\n'two' \"three\"\n'''\nb = \"\"\"x\"\"\"\n")
        let first = try #require(tokens.first { $0.kind == .string })
        #expect(first.text == "one\n'two' \"three\"\n")
        #expect(first.line == 1)
        #expect(tokens.contains { $0.text == "b" && $0.line == 4 })
    }

    @Test func escapesAreDecoded() {
        let values = PythonTestStrings.values("s = '\\n\\t\\\\\\'\\101\\x42\\u0043\\U00000044\\N{DASH}'")
        #expect(values == ["\n\t\\'ABCD\\N{DASH}"])
        #expect(PythonLexer.tokenize("s = 'a\\x62c'")[2].flags.contains(.escapedAlphanumeric))
        #expect(!PythonLexer.tokenize("s = 'a\\nc'")[2].flags.contains(.escapedAlphanumeric))
        #expect(PythonTestStrings.values("b = b'\\xff\\u0041'") == ["\u{FF}\\u0041"])
    }

    @Test func explicitAndImplicitContinuations() {
        let source = "x = 1 + \\\n    2\ny = (1,\n     2,\n\n     3)\nz = [\n]\n"
        let newlines = PythonLexer.tokenize(source).filter { $0.kind == .newline }.map(\.line)
        #expect(newlines == [2, 6, 8])
        #expect(!Self.kinds(source).contains(.indent))
    }

    @Test func commentsAndBlankLinesDoNotIndent() {
        let source = "if x:\n    a = 1\n# comment\n\n        # deeper comment\n    b = 2\nc = 3\n"
        #expect(Self.kinds(source).filter { $0 == .indent || $0 == .dedent } == [.indent, .dedent])
        #expect(!PythonLexer.tokenize(source).contains { $0.text.contains("comment") })
    }

    @Test func indentationWithTabsAndSpaces() {
        let source = "def f():\n\tif x:\n\t\treturn 1\n\treturn 2\nclass C:\n        pass\n"
        let tokens = PythonLexer.tokenize(source)
        #expect(tokens.filter { $0.kind == .indent }.count == 3)
        #expect(tokens.filter { $0.kind == .dedent }.count == 3)
        #expect(tokens.first { $0.text == "return" }?.column == 3)
    }

    @Test func inconsistentDedentOpensALevelAndStaysBalanced() {
        let source = "if a:\n        b\n    c\nd\n"
        let kinds = Self.kinds(source)
        #expect(kinds.filter { $0 == .indent }.count == kinds.filter { $0 == .dedent }.count)
        #expect(PythonLexer.tokenize(source).contains { $0.text == "d" && $0.line == 4 })
    }

    @Test func numbersAndOperators() {
        let tokens = PythonLexer.tokenize("x = 0x1F + 1_000 + 1e-3 + .5 + 3j ** 2 // 4 >>= a @ b := c -> d ... != e")
        #expect(tokens.filter { $0.kind == .number }.map(\.text) == ["0x1F", "1_000", "1e-3", ".5", "3j", "2", "4"])
        #expect(
            tokens.filter { $0.kind == .op }.map(\.text) == [
                "=", "+", "+", "+", "+", "**", "//", ">>=", "@", ":=", "->", "...", "!=",
            ])
    }

    @Test func unterminatedStringsRecoverAtTheEndOfTheLine() {
        let tokens = PythonLexer.tokenize("a = 'open\nb = f\"{x\nc = 1\nd = '''never closed\ne = 2\n")
        let first = tokens.first { $0.kind == .string }
        #expect(first?.text == "open")
        #expect(first?.flags.contains(.unterminated) == true)
        #expect(tokens.contains { $0.text == "b" && $0.line == 2 })
        #expect(tokens.contains { $0.text == "c" && $0.line == 3 })
        #expect(tokens.last { $0.kind == .string }?.flags.contains(.unterminated) == true)
        #expect(!tokens.contains { $0.text == "e" })
    }

    @Test func columnsCountUnicodeScalars() {
        let tokens = PythonLexer.tokenize("é = 'ü'; x = 1\n")
        #expect(tokens.first { $0.text == "x" }?.column == 10)
        #expect(tokens.first { $0.kind == .string }?.column == 5)
    }

    @Test func unclosedBracketClosesAtAStatementKeyword() {
        let tokens = PythonLexer.tokenize("x = foo(1,\ndef g():\n    pass\n")
        #expect(tokens.contains { $0.kind == .indent })
        #expect(tokens.filter { $0.kind == .newline }.count == 3)
    }

    @Test func byteOrderMarkIsSkipped() {
        let tokens = PythonLexer.tokenize("\u{FEFF}import os\n")
        #expect(tokens.first?.text == "import")
        #expect(tokens.first?.column == 1)
    }
}

enum PythonTestStrings {
    static func values(_ source: String) -> [String] {
        PythonLexer.tokenize(source).filter { $0.kind == .string }.map(\.text)
    }
}
