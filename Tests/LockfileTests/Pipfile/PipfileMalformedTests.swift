import Foundation
import Lockfile
import LockgateCore
import Testing

/// Malformed Pipfile.lock input throws `LockfileError` with a location, never crashes or hangs.
@Suite struct PipfileMalformedTests {
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
        Case(name: "a string", text: "\"Pipfile\"", line: 1, column: 1, words: ["top level", "a string"]),
        Case(name: "no sections", text: "{\"sources\": []}", line: 1, column: 1, words: ["`default`"]),
        Case(
            name: "section is an array", text: "{\"_meta\": {},\n\"default\": [1]}", line: 2, column: 12,
            words: ["`default`", "an object", "an array"]),
        Case(
            name: "entry is a string", text: "{\"default\": {\"six\": \"==1.16.0\"}}", line: 1, column: 21,
            words: ["\"six\"", "an object", "a string"]),
        Case(
            name: "version is a number", text: "{\"default\": {\"six\": {\"version\": 1.16}}}", line: 1, column: 33,
            words: ["`version`", "\"six\"", "a string", "a number"]),
        Case(
            name: "version is a list", text: "{\"default\": {\"six\": {\"version\": [\"==1\"]}}}", line: 1, column: 33,
            words: ["`version`", "an array"]),
        Case(
            name: "hashes is a string", text: "{\"default\": {\"six\": {\"hashes\": \"sha256:00\"}}}", line: 1,
            column: 32, words: ["`hashes`", "an array"]),
        Case(
            name: "hash is a number", text: "{\"default\": {\"six\": {\"hashes\": [\n  12]}}}", line: 2, column: 3,
            words: ["`hashes`", "a string", "a number"]),
        Case(
            name: "hash is not hex", text: "{\"default\": {\"six\": {\"hashes\": [\"sha256:xyz\"]}}}", line: 1,
            column: 33, words: ["invalid hash", "sha256:<64 hex digits>"]),
        Case(
            name: "pipfile-spec is a list", text: "{\"_meta\": {\"pipfile-spec\": [6]}, \"default\": {}}", line: 1,
            column: 28, words: ["`pipfile-spec`", "an integer"]),
        Case(
            name: "editable is a string", text: "{\"default\": {\"me\": {\"path\": \".\", \"editable\": \"yes\"}}}",
            line: 1, column: 46, words: ["`editable`", "true or false"]),
        Case(
            name: "truncated", text: "{\"default\": {\"six\": {\"version\": \"==1.16.0\"", line: 1, column: 43,
            words: ["expected ',' or '}'"]),
        Case(
            name: "trailing comma", text: "{\"default\": {},\n}", line: 2, column: 1,
            words: ["expected a string key after ','"]),
    ]

    @Test("malformed input throws at the expected position", arguments: cases)
    func malformed(_ input: Case) {
        let error = #expect(throws: LockfileError.self) {
            try PipfileLockParser().parse(text: input.text, format: .pipfile, path: "Pipfile.lock")
        }
        #expect(error?.path == "Pipfile.lock")
        let expected = SourceLocation(line: input.line, column: input.column)
        #expect(error?.location == expected, "\(error?.description ?? "")")
        for word in input.words {
            #expect(error?.message.contains(word) == true, "\(error?.message ?? "") lacks \(word)")
        }
    }

    @Test("binary input throws with a location", arguments: [
        Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]),
        Data([0x7B, 0x22, 0x64, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D]),
    ])
    func binary(_ data: Data) {
        let error = #expect(throws: LockfileError.self) {
            try PipfileLockParser().parse(data, format: .pipfile, context: ParseContext(path: "Pipfile.lock"))
        }
        #expect((error?.location?.line ?? 0) >= 1)
    }

    @Test("every truncation of every Pipfile fixture throws with a location", arguments: [
        "editable-root.Pipfile.lock", "overlap.Pipfile.lock", "spec2.Pipfile.lock", "sources.Pipfile.lock",
    ])
    func truncated(_ fixture: String) throws {
        let data = try TestPaths.fixture("pipfile/\(fixture)")
        let end = data.lastIndex(of: UInt8(ascii: "}")) ?? data.count
        for cut in stride(from: 0, to: end, by: 5) {
            let error = #expect(throws: LockfileError.self, "cut at \(cut)") {
                try PipfileLockParser().parse(data.prefix(cut), format: .pipfile, context: ParseContext(path: fixture))
            }
            #expect((error?.location?.line ?? 0) >= 1, "cut at \(cut)")
        }
    }

    @Test("100,000 nested brackets throw a depth error")
    func deeplyNested() {
        let text = "{\"default\": " + String(repeating: "[", count: 100_000)
        let error = #expect(throws: LockfileError.self) {
            try PipfileLockParser().parse(text: text, format: .pipfile)
        }
        #expect(error?.message.contains("nesting deeper than 256 levels") == true)
        #expect(error?.location?.line == 1)
    }
}
