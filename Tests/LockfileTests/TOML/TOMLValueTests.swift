import Foundation
import Lockfile
import LockgateCore
import Testing

/// Every TOML value kind, with the line and column where it starts.
@Suite struct TOMLValueTests {
    private func parse(_ text: String) throws -> TOMLTable {
        try TOMLParser(path: "test.toml").parse(Data(text.utf8))
    }

    private func value(_ text: String, _ key: String = "v") throws -> TOMLValue {
        try #require(try parse(text)[key])
    }

    @Test(arguments: [
        ("v = \"tab\\there \\u00E9 \\U0001F600 \\\" \\\\ \\b\\f\\r\\n\"", "tab\there é 😀 \" \\ \u{8}\u{C}\r\n"),
        ("v = 'C:\\Users\\nodejs\\templates'", "C:\\Users\\nodejs\\templates"),
        ("v = \"\"", ""),
        ("v = ''", ""),
        ("v = \"\"\"\nRoses are red\nViolets are blue\"\"\"", "Roses are red\nViolets are blue"),
        ("v = \"\"\"\r\none\r\ntwo\"\"\"", "one\ntwo"),
        ("v = \"\"\"The quick \\\n\n   brown \\   \n   fox.\"\"\"", "The quick brown fox."),
        ("v = \"\"\"Here are two quotes: \"\". Simple.\"\"\"", "Here are two quotes: \"\". Simple."),
        (
            "v = \"\"\"\"This,\" she said, \"is just a pointless statement.\"\"\"\"",
            "\"This,\" she said, \"is just a pointless statement.\""
        ),
        (
            "v = '''\nThe first newline is\ntrimmed in raw strings.\n   All other whitespace\n   is preserved.\n'''",
            "The first newline is\ntrimmed in raw strings.\n   All other whitespace\n   is preserved.\n"
        ),
        ("v = ''''That,' she said, 'is still pointless.''''", "'That,' she said, 'is still pointless.'"),
        ("v = '''I [dw]on't need \\d{2} apples'''", "I [dw]on't need \\d{2} apples"),
    ])
    func strings(_ text: String, _ expected: String) throws {
        #expect(try value(text).string == expected)
    }

    @Test(
        arguments: [
            ("v = +99", 99), ("v = 42", 42), ("v = 0", 0), ("v = -17", -17), ("v = 1_000", 1000),
            ("v = 5_349_221", 5_349_221), ("v = 0xDEADBEEF", 0xDEAD_BEEF), ("v = 0xdead_beef", 0xDEAD_BEEF),
            ("v = 0o755", 0o755), ("v = 0b11010110", 0b1101_0110), ("v = 9223372036854775807", Int64.max),
            ("v = -9223372036854775808", Int64.min),
        ] as [(String, Int64)])
    func integers(_ text: String, _ expected: Int64) throws {
        #expect(try value(text).integer == expected)
    }

    @Test(
        arguments: [
            ("v = +1.0", 1.0), ("v = 3.1415", 3.1415), ("v = -0.01", -0.01), ("v = 5e+22", 5e22), ("v = 1e06", 1e6),
            ("v = -2E-2", -0.02), ("v = 6.626e-34", 6.626e-34), ("v = 224_617.445_991_228", 224_617.445_991_228),
            ("v = inf", .infinity), ("v = +inf", .infinity), ("v = -inf", -.infinity),
        ] as [(String, Double)])
    func floats(_ text: String, _ expected: Double) throws {
        #expect(try value(text).float == expected)
    }

    @Test func notANumber() throws {
        #expect(try value("v = nan").float?.isNaN == true)
        #expect(try value("v = -nan").float?.isNaN == true)
    }

    @Test func booleans() throws {
        let table = try parse("t = true\nf = false\n")
        #expect(table["t"]?.boolean == true)
        #expect(table["f"]?.boolean == false)
    }

    @Test(arguments: [
        "1979-05-27T07:32:00Z", "1979-05-27T00:32:00-07:00", "1979-05-27T00:32:00.999999-07:00",
        "1979-05-27 07:32:00Z", "1979-05-27T07:32:00", "1979-05-27T00:32:00.999999", "1979-05-27", "07:32:00",
        "00:32:00.999999", "2024-02-29",
    ])
    func datesAndTimesAreKeptAsWritten(_ text: String) throws {
        let parsed = try value("v = \(text) # comment")
        #expect(parsed.dateTime == text)
        #expect(parsed.typeName == "date-time")
    }

    @Test func arraysMayBeMixedMultiLineWithCommentsAndATrailingComma() throws {
        let parsed = try value("v = [\n  1, # one\n  \"two\",\n  [3.0, []],\n  { four = 4 },\n  # end\n]\n")
        let elements = try #require(parsed.array)
        #expect(elements.count == 4)
        #expect(elements[0].integer == 1)
        #expect(elements[1].string == "two")
        #expect(elements[2].array?.count == 2)
        #expect(elements[3].table?["four"]?.integer == 4)
        #expect(
            elements.map(\.location) == [
                SourceLocation(line: 2, column: 3), SourceLocation(line: 3, column: 3),
                SourceLocation(line: 4, column: 3), SourceLocation(line: 5, column: 3),
            ])
    }

    @Test func inlineTablesWithDottedKeys() throws {
        let parsed = try value("v = { name = \"x\", source.registry = \"https://pypi.org/simple\", empty = {} }")
        let table = try #require(parsed.table)
        #expect(table.keys == ["name", "source", "empty"])
        #expect(table.value(at: ["source", "registry"])?.string == "https://pypi.org/simple")
        #expect(table["empty"]?.table?.isEmpty == true)
        #expect(parsed.location == SourceLocation(line: 1, column: 5))
        #expect(table.entry("source")?.keyLocation == SourceLocation(line: 1, column: 19))
    }

    @Test func locationsCountUnicodeScalarsNotBytes() throws {
        let table = try parse("\"é\" = \"ü\"\nk = [\"😀\", 2]\n")
        #expect(table.entry("é")?.keyLocation == SourceLocation(line: 1, column: 1))
        #expect(table["é"]?.location == SourceLocation(line: 1, column: 7))
        #expect(table["k"]?.array?.last?.location == SourceLocation(line: 2, column: 11))
    }

    @Test func aBOMAndCRLFLineEndingsAreAccepted() throws {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data("a = 1\r\nb = 2\r\n".utf8))
        let table = try TOMLParser(path: "bom.toml").parse(data)
        #expect(table["b"]?.location == SourceLocation(line: 2, column: 5))
    }
}
