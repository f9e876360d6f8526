import Foundation
import Lockfile
import LockgateCore
import Testing

/// Tables, arrays of tables and dotted keys, and where each is located.
@Suite struct TOMLTableTests {
    private func parse(_ text: String) throws -> TOMLTable {
        try TOMLParser(path: "test.toml").parse(Data(text.utf8))
    }

    @Test func emptyDocumentsAreEmptyTables() throws {
        #expect(try parse("").isEmpty)
        #expect(try parse("# only a comment").isEmpty)
        #expect(try parse("\n\n  \t\n").isEmpty)
    }

    @Test func headersDottedKeysAndImplicitTables() throws {
        let table = try parse(
            """
            title = "x"
            [a.b.c]
            z = 9
            [a]
            y = 1
            [ "quoted key" . 'literal' ]
            k = true
            """)
        #expect(table.keys == ["title", "a", "quoted key"])
        #expect(table.value(at: ["a", "b", "c", "z"])?.integer == 9)
        #expect(table.value(at: ["a", "y"])?.integer == 1)
        #expect(table.value(at: ["quoted key", "literal", "k"])?.boolean == true)
        // `[a]` defines the table that `[a.b.c]` created implicitly: it is located at its own header.
        #expect(table["a"]?.location == SourceLocation(line: 4, column: 1))
        #expect(table.value(at: ["a", "b", "c"])?.location == SourceLocation(line: 2, column: 1))
        #expect(table.entry("title")?.keyLocation == SourceLocation(line: 1, column: 1))
        #expect(table["title"]?.location == SourceLocation(line: 1, column: 9))
    }

    @Test func dottedKeysBuildNestedTables() throws {
        let table = try parse(
            """
            [fruit]
            apple.color = "red"
            apple.taste.sweet = true
            [fruit.apple.texture]
            smooth = true
            """)
        #expect(table.value(at: ["fruit", "apple", "color"])?.string == "red")
        #expect(table.value(at: ["fruit", "apple", "taste", "sweet"])?.boolean == true)
        #expect(table.value(at: ["fruit", "apple", "texture", "smooth"])?.boolean == true)
        #expect(table.value(at: ["fruit", "apple"])?.location == SourceLocation(line: 2, column: 1))
    }

    @Test func arraysOfTablesAreLocatedAtTheirHeaders() throws {
        let table = try parse(
            """
            [[package]]
            name = "a"

            [package.source]
            type = "git"

              [[package]]
            name = "b"
            [[package.wheels]]
            url = "w1"
            [[package.wheels]]
            url = "w2"
            """)
        let packages = try #require(table["package"]?.array)
        #expect(packages.count == 2)
        #expect(packages.map(\.location) == [SourceLocation(line: 1, column: 1), SourceLocation(line: 7, column: 3)])
        #expect(packages[0].table?.value(at: ["source", "type"])?.string == "git")
        #expect(packages[0].table?["source"]?.location == SourceLocation(line: 4, column: 1))
        let wheels = try #require(packages[1].table?["wheels"]?.array)
        #expect(wheels.compactMap { $0.table?["url"]?.string } == ["w1", "w2"])
        #expect(wheels.map(\.location.line) == [9, 11])
        #expect(table["package"]?.location == SourceLocation(line: 1, column: 1))
    }

    @Test func twoThousandArrayTables() throws {
        var text = ""
        for index in 0..<2_000 {
            text += "[[package]]\nname = \"p\(index)\"\nversion = \"1.0.\(index)\"\nsource = { registry = \"r\" }\n"
            text += "wheels = [{ url = \"u\", hash = \"sha256:00\", size = \(index) }]\n\n"
        }
        let table = try parse(text)
        #expect(table["package"]?.array?.count == 2_000)
        #expect(table["package"]?.array?.last?.location == SourceLocation(line: 11_995, column: 1))
    }

    @Test func nestingUpToTheLimitIsAccepted() throws {
        let depth = TOMLParser.defaultMaxDepth
        let text = "v = " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        var value = try #require(try parse(text)["v"])
        for _ in 1..<depth { value = try #require(value.array?.first) }
        #expect(value.array?.isEmpty == true)
    }
}
