import Foundation
import Lockfile
import LockgateCore
import Testing

/// Malformed package-lock.json input throws `LockfileError` with a location, never crashes or hangs.
@Suite struct NPMMalformedTests {
    /// A malformed input, the position the error must point at, and words its message must contain.
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var text: String
        var line: Int
        var column: Int
        var words: [String]
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "empty file", text: "", line: 1, column: 1, words: ["empty"]),
        Case(name: "only whitespace", text: "\n\n  ", line: 3, column: 3, words: ["empty"]),
        Case(name: "top-level array", text: "[1, 2]", line: 1, column: 1, words: ["top level", "an array"]),
        Case(
            name: "packages is an array", text: "{\"lockfileVersion\": 3,\n \"packages\": []}", line: 2, column: 14,
            words: ["`packages`", "an object", "an array"]),
        Case(
            name: "version is a number",
            text: "{\"lockfileVersion\": 3, \"packages\": {\"node_modules/a\": {\n\"version\": 1.5}}}",
            line: 2, column: 12, words: ["`version`", "node_modules/a", "a string", "a number"]),
        Case(
            name: "version is a list",
            text: "{\"lockfileVersion\": 1, \"dependencies\": {\"a\": {\"version\": [\"1.0.0\"]}}}",
            line: 1, column: 58, words: ["`version`", "a string", "an array"]),
        Case(
            name: "entry is a string", text: "{\"lockfileVersion\": 2, \"packages\": {\"node_modules/a\": \"1.0.0\"}}",
            line: 1, column: 55, words: ["node_modules/a", "an object", "a string"]),
        Case(
            name: "dev is a string",
            text: #"{"lockfileVersion": 3, "packages": {"node_modules/a": {"version": "1.0.0", "dev": "yes"}}}"#,
            line: 1, column: 83, words: ["`dev`", "true or false"]),
        Case(
            name: "integrity is a number",
            text: #"{"lockfileVersion": 3, "packages": {"node_modules/a": {"version": "1.0.0", "integrity": 5}}}"#,
            line: 1, column: 89, words: ["`integrity`", "a string"]),
        Case(
            name: "integrity is not SRI",
            text: #"{"lockfileVersion": 3, "packages": {"node_modules/a": {"version": "1.0.0", "integrity": "md5"}}}"#,
            line: 1, column: 89, words: ["invalid `integrity`", "sha512-"]),
        Case(
            name: "v1 dependencies is an array", text: "{\"lockfileVersion\": 1, \"dependencies\": [1]}",
            line: 1, column: 40, words: ["`dependencies`", "an object"]),
        Case(
            name: "lockfileVersion is a string", text: "{\"lockfileVersion\": \"2\", \"packages\": {}}",
            line: 1, column: 21, words: ["`lockfileVersion`", "an integer"]),
        Case(
            name: "unsupported lockfileVersion", text: "{\"lockfileVersion\": 7, \"packages\": {}}",
            line: 1, column: 21, words: ["unsupported lockfileVersion 7"]),
        Case(name: "v3 without packages", text: "{\"lockfileVersion\": 3}", line: 1, column: 1, words: ["`packages`"]),
        Case(name: "no version, no dependencies", text: "{}", line: 1, column: 1, words: ["`lockfileVersion`"]),
        Case(
            name: "missing comma", text: "{\"lockfileVersion\": 3\n \"packages\": {}}", line: 2, column: 2,
            words: ["expected ',' or '}' after object member"]),
        Case(
            name: "trailing garbage", text: "{\"lockfileVersion\": 1} x", line: 1, column: 24,
            words: ["after the top-level value"]),
        Case(
            name: "unterminated string", text: "{\"lockfileVersion\": 1, \"dependencies\": {\"a", line: 1, column: 41,
            words: ["unterminated string"]),
    ]

    @Test("malformed input throws at the expected position", arguments: cases)
    func malformed(_ input: Case) {
        let error = #expect(throws: LockfileError.self) {
            try NPMLockParser().parse(text: input.text, format: .npm, path: "package-lock.json")
        }
        #expect(error?.path == "package-lock.json")
        let expected = SourceLocation(line: input.line, column: input.column)
        #expect(error?.location == expected, "\(error?.description ?? "")")
        for word in input.words {
            #expect(error?.message.contains(word) == true, "\(error?.message ?? "") lacks \(word)")
        }
    }

    @Test("binary input throws with a location", arguments: [
        Data([0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03]),
        Data("{\"lockfileVersion\": 1, \"dependencies\": {\"a\u{0}\": {}}}".utf8),
        Data([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D]),
        Data([0x00, 0x00, 0x00]),
    ])
    func binary(_ data: Data) {
        let error = #expect(throws: LockfileError.self) {
            try NPMLockParser().parse(data, format: .npm, context: ParseContext(path: "package-lock.json"))
        }
        #expect((error?.location?.line ?? 0) >= 1)
    }

    @Test("every truncation of every npm fixture throws with a location", arguments: [
        "v1-bundled.json", "v1-url-versions.json", "v2-both-sections.json", "v3-aliases.json", "v3-sources.json",
        "v3-workspaces.json",
    ])
    func truncated(_ fixture: String) throws {
        let data = try TestPaths.fixture("npm/\(fixture)")
        let end = data.lastIndex(of: UInt8(ascii: "}")) ?? data.count
        for cut in stride(from: 0, to: end, by: 7) {
            let error = #expect(throws: LockfileError.self, "cut at \(cut)") {
                try NPMLockParser().parse(data.prefix(cut), format: .npm, context: ParseContext(path: fixture))
            }
            #expect((error?.location?.line ?? 0) >= 1, "cut at \(cut)")
        }
    }

    @Test("100,000 nested brackets throw a depth error instead of overflowing the stack")
    func deeplyNested() {
        for opener in ["[", "{\"a\":"] {
            let text = "{\"lockfileVersion\": 3, \"packages\": " + String(repeating: opener, count: 100_000)
            let error = #expect(throws: LockfileError.self) {
                try NPMLockParser().parse(text: text, format: .npm)
            }
            #expect(error?.message.contains("nesting deeper than") == true)
            #expect((error?.location?.line ?? 0) == 1)
        }
    }
}
