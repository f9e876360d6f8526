import Foundation
import Lockfile
import LockgateCore
import Testing

/// Invalid TOML ends in a `LockfileError` at the offending line and column that says what was expected.
@Suite struct TOMLErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var line: Int
        var column: Int
        var message: String
        var testDescription: String { message }

        init(_ text: String, _ line: Int, _ column: Int, _ message: String) {
            self.text = text
            self.line = line
            self.column = column
            self.message = message
        }
    }

    static let cases: [Case] = [
        // Keys and tables.
        Case("a = 1\na = 2\n", 2, 1, "duplicate key `a` (first defined at 1:1)"),
        Case("[a]\nx = 1\n[a]\n", 3, 1, "table `a` is defined twice (first at 1:1)"),
        Case("[a.b]\n[a]\n[a]\n", 3, 1, "table `a` is defined twice"),
        Case("[fruit]\napple.color = \"red\"\n[fruit.apple]\n", 3, 1, "already defined with dotted keys"),
        Case("[a.b.c]\nz = 9\n[a]\nb.c.t = 1\n", 4, 1, "cannot add to table `b` with a dotted key"),
        Case("a = 1\n[a]\n", 2, 1, "`a` is already an integer (at 1:5); it cannot be a table"),
        Case("a = 1\na.b = 2\n", 2, 1, "`a` is already an integer"),
        Case("[a]\n[[a]]\n", 2, 1, "it cannot be an array of tables"),
        Case("a = []\n[[a]]\n", 2, 1, "`a` is already an array"),
        Case("[[a]]\n[a]\n", 2, 1, "`a` is an array of tables; expected `[[a]]`"),
        Case("a = { x = 1 }\n[a.b]\n", 2, 2, "`a` is already a table"),
        Case("a = { x = 1 }\na.y = 2\n", 2, 1, "`a` is already a table"),
        Case("a = { x = 1, x = 2 }\n", 1, 14, "duplicate key `x`"),
        Case("[a\n", 1, 3, "expected `]` to close the table header, found a newline"),
        Case("[[a]\n", 1, 4, "expected `]]` to close the table header"),
        Case("[a] x = 1\n", 1, 5, "expected a newline or end of file after a table header, found `x`"),
        Case("a b = 1\n", 1, 3, "expected `=` after the key `a`, found `b`"),
        Case("= 1\n", 1, 1, "expected a key"),
        Case("a = 1 b = 2\n", 1, 7, "expected a newline or end of file after a key/value pair, found `b`"),
        Case("a.\"\"\"b\"\"\" = 1\n", 1, 3, "a key cannot be a multi-line string"),
        // Values.
        Case("a =\n", 1, 4, "expected a value (string, number, boolean, date, array or inline table), found a newline"),
        Case("a = ", 1, 5, "found end of file"),
        Case("a = True\n", 1, 5, "found `T`"),
        Case("a = truthy\n", 1, 5, "expected `true` or `false`, found `t`"),
        Case("a = [1 2]\n", 1, 8, "expected `,` or `]` after an array element, found `2`"),
        Case("a = [1,\n", 2, 1, "expected a value"),
        Case("a = { x = 1, }\n", 1, 14, "no trailing comma"),
        Case("a = { x = 1\n, y = 2 }\n", 1, 12, "expected `,` or `}` in an inline table, found a newline"),
        Case("a = 01\n", 1, 5, "`01` is not a valid number"),
        Case("a = 1__0\n", 1, 5, "`1__0` is not a valid number"),
        Case("a = 1.\n", 1, 5, "`1.` is not a valid number"),
        Case("a = +0x10\n", 1, 5, "`+0x10` is not a valid number"),
        Case("a = 9223372036854775808\n", 1, 5, "integer `9223372036854775808` is out of range"),
        Case("a = 0xFFFFFFFFFFFFFFFFFF\n", 1, 5, "is out of range"),
        Case("a = 1979-13-01\n", 1, 5, "`1979-13-01` is not a valid date"),
        Case("a = 2023-02-29\n", 1, 5, "is not a valid date"),
        Case("a = 07:32\n", 1, 10, "expected `:` and seconds after the minutes"),
        Case("a = 1979-05-27T07:32:00+7:00\n", 1, 26, "expected a two-digit offset hour"),
        // Strings.
        Case("a = \"abc\nb = 1\n", 1, 9, "unterminated string (opened at 1:5): expected `\"` before the end"),
        Case("a = \"abc", 1, 9, "expected `\"` before the end of file"),
        Case("a = 'abc\n", 1, 9, "expected `'` before the end of the line"),
        Case("a = \"\"\"abc\n\ndef", 3, 4, "unterminated multi-line string (opened at 1:5)"),
        Case("a = '''abc", 1, 11, "expected `'''` before the end of file"),
        Case("a = \"x\\qy\"\n", 1, 7, "bad escape `\\q`"),
        Case("a = \"\\u00G0\"\n", 1, 6, "bad escape: expected 4 hex digits after `\\u`"),
        Case("a = \"\\uD800\"\n", 1, 6, "U+D800 is not a Unicode scalar value"),
        Case("a = \"a\u{01}b\"\n", 1, 7, "control character U+0001 is not allowed in a string"),
        Case("a = \"\"\"x\"\"\"\"\"\"\n", 1, 9, "three quotes in a row"),
        Case("# bell \u{07}\n", 1, 8, "control character U+0007 is not allowed in a comment"),
        Case("a = 1\rb = 2\n", 1, 6, "a carriage return must be followed by a line feed"),
    ]

    @Test(arguments: cases)
    func invalidDocumentsAreLocated(_ example: Case) {
        do {
            let table = try TOMLParser(path: "bad.toml").parse(Data(example.text.utf8))
            Issue.record("parsed without an error: \(table.keys)")
        } catch {
            #expect(error.path == "bad.toml")
            #expect(error.location == SourceLocation(line: example.line, column: example.column), "\(error)")
            #expect(error.message.contains(example.message), "\(error)")
        }
    }

    @Test(arguments: ["[", "{a=", "[{a=", "[ # c\n"])
    func hundredThousandLevelsOfNestingAreRefused(_ opening: String) {
        let text = "v = " + String(repeating: opening, count: 100_000)
        do {
            _ = try TOMLParser(path: "deep.toml").parse(Data(text.utf8))
            Issue.record("parsed without an error")
        } catch {
            #expect((error.location?.line ?? 0) >= 1)
            #expect(error.message.contains("nested deeper than \(TOMLParser.defaultMaxDepth) levels"), "\(error)")
        }
    }

    @Test func overlyLongDottedKeysAreRefused() {
        let text = "[" + Array(repeating: "a", count: 100_000).joined(separator: ".") + "]\n"
        #expect(throws: LockfileError.self) { try TOMLParser(path: "long.toml").parse(Data(text.utf8)) }
    }

    @Test func binaryInputIsRejectedAtTheFirstNonTextByte() {
        var data = Data("a = 1\nb = ".utf8)
        data.append(contentsOf: [0xFF, 0xFE, 0x00])
        do {
            _ = try TOMLParser(path: "bin.toml").parse(data)
            Issue.record("parsed binary input")
        } catch {
            #expect(error.location == SourceLocation(line: 2, column: 5))
            #expect(error.message.contains("binary"))
        }
    }
}
