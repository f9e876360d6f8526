import Foundation
import Lockfile
import LockgateCore
import Testing

/// Malformed yarn lockfiles throw `LockfileError` at the right line and column, never crash or hang.
@Suite struct YarnMalformedTests {
    /// One malformed input and where the error must point.
    struct Case: CustomStringConvertible, Sendable {
        var name: String
        var format: LockfileFormat
        var text: String
        var line: Int
        var column: Int
        var description: String { "\(format.rawValue): \(name)" }
    }

    private static let meta = "__metadata:\n  version: 8\n  cacheKey: 10\n\n"
    private static let deepClassic =
        "a@^1:\n" + (0..<2_000).map { String(repeating: "  ", count: $0 + 1) + "k:\n" }.joined()
    private static let deepBerry =
        meta + "\"a@npm:1\":\n"
        + (0..<2_000).map { String(repeating: " ", count: $0 + 1) + "k:\n" }.joined()

    static let cases: [Case] = [
        Case(name: "empty", format: .yarnClassic, text: "", line: 1, column: 1),
        Case(name: "blank lines only", format: .yarnClassic, text: "\n  \n\n", line: 1, column: 1),
        Case(
            name: "truncated in a quoted value", format: .yarnClassic, text: "a@^1:\n  version \"1.0", line: 2,
            column: 11),
        Case(name: "truncated header", format: .yarnClassic, text: "\"a@^1.0.0", line: 1, column: 10),
        Case(
            name: "truncated after the last header", format: .yarnClassic,
            text: "a@^1:\n  version \"1.0.0\"\n\nb@^2:\n", line: 4, column: 1),
        Case(
            name: "truncated field name", format: .yarnClassic, text: "a@^1:\n  version \"1.0.0\"\n  resol", line: 3,
            column: 8),
        Case(
            name: "version missing", format: .yarnClassic,
            text: "# yarn lockfile v1\n\na@^1:\n  resolved \"https://r.example/a/-/a-1.0.0.tgz\"\n", line: 3,
            column: 1),
        Case(
            name: "version is a map", format: .yarnClassic, text: "a@^1:\n  version:\n    x \"1\"\n", line: 2, column: 3
        ),
        Case(name: "block without a header", format: .yarnClassic, text: "  version \"1.0.0\"\n", line: 1, column: 3),
        Case(name: "header is not a spec", format: .yarnClassic, text: "abc:\n  version \"1\"\n", line: 1, column: 1),
        Case(name: "header without colon", format: .yarnClassic, text: "a@^1\n  version \"1\"\n", line: 1, column: 5),
        Case(name: "merge conflict marker", format: .yarnClassic, text: "<<<<<<< HEAD\n", line: 1, column: 13),
        Case(
            name: "inconsistent indentation", format: .yarnClassic,
            text: "a@^1:\n    version \"1\"\n  resolved \"x\"\n", line: 3, column: 3),
        Case(name: "tab indentation", format: .yarnClassic, text: "a@^1:\n\tversion \"1\"\n", line: 2, column: 1),
        Case(
            name: "integrity is not SRI", format: .yarnClassic, text: "a@^1:\n  version \"1\"\n  integrity nope\n",
            line: 3, column: 3),
        Case(name: "deeply nested", format: .yarnClassic, text: deepClassic, line: 18, column: 35),
        Case(
            name: "100,000 brackets", format: .yarnClassic, text: String(repeating: "[", count: 100_000), line: 1,
            column: 100_001),
        Case(name: "empty", format: .yarnBerry, text: "\n", line: 1, column: 1),
        Case(
            name: "truncated in resolution", format: .yarnBerry,
            text: meta + "\"a@npm:1\":\n  version: 1.0.0\n  resolution: \"a@npm:1.0", line: 7, column: 15),
        Case(
            name: "no __metadata", format: .yarnBerry,
            text: "\"a@npm:1\":\n  version: 1.0.0\n  resolution: \"a@npm:1.0.0\"\n", line: 1, column: 1),
        Case(
            name: "version missing", format: .yarnBerry, text: meta + "\"a@npm:1\":\n  resolution: \"a@npm:1.0.0\"\n",
            line: 5, column: 1),
        Case(
            name: "resolution missing", format: .yarnBerry, text: meta + "\"a@npm:1\":\n  version: 1.0.0\n", line: 5,
            column: 1),
        Case(
            name: "version is a list", format: .yarnBerry,
            text: meta + "\"a@npm:1\":\n  version: [1, 2]\n  resolution: \"a@npm:1.0.0\"\n", line: 6, column: 12),
        Case(
            name: "version is a sequence", format: .yarnBerry,
            text: meta + "\"a@npm:1\":\n  version:\n    - 1\n  resolution: \"a@npm:1.0.0\"\n", line: 7, column: 5),
        Case(
            name: "version is a map", format: .yarnBerry,
            text: meta + "\"a@npm:1\":\n  version:\n    major: 1\n  resolution: \"a@npm:1.0.0\"\n", line: 6, column: 3),
        Case(
            name: "version is a block scalar", format: .yarnBerry, text: meta + "\"a@npm:1\":\n  version: |\n", line: 6,
            column: 12),
        Case(name: "deeply nested", format: .yarnBerry, text: deepBerry, line: 22, column: 18),
        Case(
            name: "100,000 brackets", format: .yarnBerry,
            text: meta + "\"a@npm:1\":\n  version: " + String(repeating: "[", count: 100_000) + "\n", line: 6,
            column: 12),
        Case(name: "entry without a key", format: .yarnBerry, text: "  version: 1.0.0\n", line: 1, column: 3),
        Case(name: "top-level scalar", format: .yarnBerry, text: "foo: bar\n", line: 1, column: 1),
        Case(
            name: "checksum is not sha512 hex", format: .yarnBerry,
            text: meta + "\"a@npm:1\":\n  version: 1.0.0\n  resolution: \"a@npm:1.0.0\"\n  checksum: 8/abc\n", line: 8,
            column: 3),
        Case(
            name: "metadata version not a number", format: .yarnBerry, text: "__metadata:\n  version: x\n", line: 2,
            column: 3),
        Case(
            name: "resolution without a protocol", format: .yarnBerry,
            text: meta + "\"a@npm:1\":\n  version: 1.0.0\n  resolution: \"a\"\n", line: 7, column: 3),
        Case(name: "key without colon", format: .yarnBerry, text: meta + "\"a@npm:1\"\n", line: 5, column: 10),
    ]

    @Test(arguments: cases)
    func malformedInputThrowsWithLocation(_ testCase: Case) {
        let parser: any LockfileParser = testCase.format == .yarnClassic ? YarnClassicParser() : YarnBerryParser()
        do {
            let contents = try parser.parse(text: testCase.text, format: testCase.format, path: "bad.lock")
            Issue.record("expected an error, got \(contents.packages.count) packages")
        } catch {
            #expect(error.path == "bad.lock")
            #expect(error.location == SourceLocation(line: testCase.line, column: testCase.column), "\(error)")
            #expect(!error.message.isEmpty)
        }
    }

    @Test(arguments: [LockfileFormat.yarnClassic, .yarnBerry])
    func binaryInputThrowsWithLocation(_ format: LockfileFormat) {
        let parser: any LockfileParser = format == .yarnClassic ? YarnClassicParser() : YarnBerryParser()
        let data = Data([0x23, 0x20, 0x79, 0x0A, 0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF])
        let error = #expect(throws: LockfileError.self) {
            try parser.parse(data, format: format, context: ParseContext(path: "bin.lock"))
        }
        #expect(error?.location == SourceLocation(line: 2, column: 1))
    }
}
