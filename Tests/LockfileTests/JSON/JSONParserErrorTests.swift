import Lockfile
import LockgateCore
import Testing

/// The positioned JSON parser rejects everything RFC 8259 does, with a line and column.
@Suite struct JSONParserErrorTests {
    /// Invalid JSON, where the error must point, and words its message must contain.
    struct Case: Sendable, CustomStringConvertible {
        var text: String
        var line: Int
        var column: Int
        var words: String
        var description: String { text.count > 40 ? String(text.prefix(40)) + "..." : text }
    }

    static let cases: [Case] = [
        Case(text: "", line: 1, column: 1, words: "empty input"),
        Case(text: "{\"a\": 1 \"b\": 2}", line: 1, column: 9, words: "expected ',' or '}' after object member"),
        Case(text: "[1 2]", line: 1, column: 4, words: "expected ',' or ']' after array element"),
        Case(text: "{\"a\": 1,}", line: 1, column: 9, words: "expected a string key after ','"),
        Case(text: "[1,]", line: 1, column: 4, words: "expected a JSON value"),
        Case(text: "{a: 1}", line: 1, column: 2, words: "expected a string key after '{'"),
        Case(text: "{\"a\" 1}", line: 1, column: 6, words: "expected ':' after object key"),
        Case(text: "{\"a\": 1}\n}", line: 2, column: 1, words: "after the top-level value; expected end of input"),
        Case(text: "\n  \"abc", line: 2, column: 3, words: "unterminated string"),
        Case(text: "\"a\nb\"", line: 1, column: 3, words: "unescaped newline in string"),
        Case(text: "\"tab\there\"", line: 1, column: 5, words: "unescaped control character 0x09"),
        Case(text: "\"\\x\"", line: 1, column: 2, words: "invalid escape '\\x'"),
        Case(text: "\"\\u12G4\"", line: 1, column: 6, words: "expected 4 hexadecimal digits"),
        Case(text: "\"\\uD83D\"", line: 1, column: 2, words: "unpaired high surrogate \\uD83D"),
        Case(text: "\"\\uD83D\\u0041\"", line: 1, column: 8, words: "expected a low surrogate"),
        Case(text: "\"\\uDE00\"", line: 1, column: 2, words: "unpaired low surrogate"),
        Case(text: "01", line: 1, column: 2, words: "leading zero"),
        Case(text: "-", line: 1, column: 2, words: "expected a digit"),
        Case(text: "1.", line: 1, column: 3, words: "expected a digit after '.'"),
        Case(text: "1e+", line: 1, column: 4, words: "exponent"),
        Case(text: "+1", line: 1, column: 1, words: "unexpected '+'"),
        Case(text: "tru", line: 1, column: 1, words: "expected a JSON value"),
        Case(text: "NaN", line: 1, column: 1, words: "expected a JSON value"),
        Case(text: "[\"é\", x]", line: 1, column: 7, words: "unexpected 'x'"),
        Case(text: "// comment\n{}", line: 1, column: 1, words: "unexpected '/'"),
        Case(text: "{\"a\":\n  [1,\n   2", line: 3, column: 5, words: "end of input; expected ',' or ']'"),
    ]

    @Test("invalid JSON throws at the right place", arguments: cases)
    func invalid(_ input: Case) {
        let error = #expect(throws: JSONError.self) { try JSONParser().parse(Array(input.text.utf8)) }
        #expect(error?.location == SourceLocation(line: input.line, column: input.column), "\(error?.message ?? "")")
        #expect(error?.message.contains(input.words) == true, "\(error?.message ?? "")")
    }

    @Test("invalid UTF-8 and binary bytes are rejected", arguments: [
        ([0x22, 0xC3, 0x28, 0x22], 1, 2),
        ([0x22, 0xED, 0xA0, 0x80, 0x22], 1, 2),
        ([0x22, 0xE0, 0x80, 0xAF, 0x22], 1, 2),
        ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], 1, 2),
        ([0x22, 0x61, 0x00, 0x22], 1, 3),
        ([0x00], 1, 1),
        ([0x0A, 0xFF], 2, 1),
    ] as [([UInt8], Int, Int)])
    func binary(_ bytes: [UInt8], _ line: Int, _ column: Int) {
        let error = #expect(throws: JSONError.self) { try JSONParser().parse(bytes) }
        #expect(error?.location == SourceLocation(line: line, column: column), "\(error?.message ?? "")")
    }

    @Test("100,000 nested brackets throw at the first bracket past the cap", arguments: ["[", "{\"k\":", "[{\"k\":"])
    func depthCap(_ opener: String) {
        let text = String(repeating: opener, count: 100_000)
        let error = #expect(throws: JSONError.self) { try JSONParser().parse(Array(text.utf8)) }
        #expect(error?.message.contains("nesting deeper than 256 levels") == true)
        let perLevel = opener.count == 1 ? 1 : opener.contains("[") ? 3 : 5
        let expectedColumn = opener == "[{\"k\":" ? 1 + 128 * 6 : 1 + 256 * perLevel
        #expect(error?.location == SourceLocation(line: 1, column: expectedColumn))
    }

    @Test("a custom depth cap applies")
    func customCap() throws {
        #expect(throws: JSONError.self) { try JSONParser(maxDepth: 2).parse(Array("[[[1]]]".utf8)) }
        #expect(try JSONParser(maxDepth: 3).parse(Array("[[[1]]]".utf8)).array?.count == 1)
    }
}
