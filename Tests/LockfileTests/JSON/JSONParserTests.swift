import Lockfile
import LockgateCore
import Testing

/// The positioned JSON parser: values, positions, escapes, numbers, duplicate keys.
@Suite struct JSONParserTests {
    private func parse(_ text: String) throws -> JSONNode {
        try JSONParser().parse(Array(text.utf8))
    }

    @Test("every value and key carries its line and column")
    func positions() throws {
        let root = try parse("{\n  \"a\": [1, true],\n\t\"b\" :\r\n  {\"c\": null}\n}")
        #expect(root.location == SourceLocation(line: 1, column: 1))
        let object = try #require(root.object)
        #expect(object.members.map(\.key) == ["a", "b"])
        #expect(object.members[0].keyLocation == SourceLocation(line: 2, column: 3))
        let array = try #require(object["a"]?.array)
        #expect(array.map(\.location) == [SourceLocation(line: 2, column: 9), SourceLocation(line: 2, column: 12)])
        #expect(object.members[1].keyLocation == SourceLocation(line: 3, column: 2))
        let inner = try #require(object["b"])
        #expect(inner.location == SourceLocation(line: 4, column: 3))
        #expect(inner.object?.member("c")?.keyLocation == SourceLocation(line: 4, column: 4))
        #expect(inner.object?["c"]?.isNull == true)
        #expect(inner.object?["c"]?.location == SourceLocation(line: 4, column: 9))
    }

    @Test("columns count Unicode scalars, not bytes")
    func scalarColumns() throws {
        let root = try parse("{\"é😀\": \"ü\", \"x\": 1}")
        let members = try #require(root.object?.members)
        #expect(members[0].key == "é😀")
        #expect(members[0].value.location == SourceLocation(line: 1, column: 8))
        #expect(members[1].keyLocation == SourceLocation(line: 1, column: 13))
    }

    @Test("escapes decode, including surrogate pairs", arguments: [
        (#""\"\\\/\b\f\n\r\t""#, "\"\\/\u{8}\u{C}\n\r\t"),
        (#""\u0041\u00e9\u4E2D""#, "Aé中"),
        (#""\uD83D\uDE00 smile""#, "😀 smile"),
        (#""plain ascii""#, "plain ascii"),
        (#""mixed é \n""#, "mixed é \n"),
        (#""""#, ""),
    ])
    func escapes(_ literal: String, _ expected: String) throws {
        #expect(try parse(literal).string == expected)
    }

    @Test("numbers keep their literal and read as integers when integral", arguments: [
        ("0", 0), ("-12", -12), ("3", 3), ("2.0", 2), ("1e3", 1000), ("1.5", nil), ("-0.25E-2", nil),
        ("12345678901234567890", nil),
    ] as [(String, Int?)])
    func numbers(_ literal: String, _ integer: Int?) throws {
        let node = try parse(literal)
        #expect(node.numberLiteral == literal)
        #expect(node.integer == integer)
    }

    @Test("literals and empty containers")
    func literals() throws {
        let root = try parse(" [true, false, null, [], {}] ")
        let elements = try #require(root.array)
        #expect(elements.map(\.value) == [.bool(true), .bool(false), .null, .array([]), .object(JSONObject())])
        #expect(root.location == SourceLocation(line: 1, column: 2))
    }

    @Test("duplicate keys: the last value wins at the first key's position in the order")
    func duplicateKeys() throws {
        let root = try parse(#"{"a": 1, "b": 2, "a": 3}"#)
        let object = try #require(root.object)
        #expect(object.members.map(\.key) == ["a", "b"])
        #expect(object["a"]?.numberLiteral == "3")
        #expect(object.member("a")?.keyLocation == SourceLocation(line: 1, column: 18))
    }

    @Test("large objects are indexed and still keep order and last-wins")
    func largeObject() throws {
        let keys = (0..<100).map { "k\($0)" }
        let body = keys.map { "\"\($0)\": \($0.dropFirst())" }.joined(separator: ", ")
        let object = try #require(try parse("{\(body), \"k5\": -1}").object)
        #expect(object.count == 100)
        #expect(object.members.map(\.key) == keys)
        #expect(object["k99"]?.integer == 99)
        #expect(object["k5"]?.integer == -1)
        #expect(object["missing"] == nil)
    }

    @Test("a UTF-8 byte-order mark is skipped")
    func byteOrderMark() throws {
        let node = try JSONParser().parse([0xEF, 0xBB, 0xBF] + Array("{\"a\": 1}".utf8))
        #expect(node.location == SourceLocation(line: 1, column: 2))
        #expect(node.object?["a"]?.integer == 1)
    }

    @Test("nesting up to the cap parses")
    func nestingAtCap() throws {
        let depth = JSONParser.defaultMaxDepth
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        var node = try parse(text)
        var levels = 1
        while let inner = node.array?.first {
            node = inner
            levels += 1
        }
        #expect(levels == depth)
    }
}
