import Foundation
import Lockfile
import LockgateCore
import Testing

private typealias CoreLocation = LockgateCore.SourceLocation

@Suite struct PNPMMalformedTests {
    /// Parses `data` and returns the error it must throw.
    private func failure(_ data: Data) -> LockfileError? {
        #expect(throws: LockfileError.self) {
            try PNPMLockParser().parse(data, format: .pnpm, context: ParseContext(path: "pnpm-lock.yaml"))
        }
    }

    private func failure(_ text: String) -> LockfileError? {
        failure(Data(text.utf8))
    }

    /// Expects an error at `line` (and `column` when given) whose message contains `message`.
    private func expectFailure(_ text: String, line: Int, column: Int? = nil, message: String) {
        let error = failure(text)
        #expect(error?.path == "pnpm-lock.yaml")
        #expect(error?.location?.line == line, "\(String(describing: error))")
        if let column { #expect(error?.location?.column == column, "\(String(describing: error))") }
        #expect(error?.message.contains(message) == true, "\(String(describing: error))")
    }

    @Test(arguments: ["", "\n\n", "# only a comment\n", "---\n"])
    func emptyFileIsAnError(text: String) {
        expectFailure(text, line: 1, column: 1, message: "empty file")
    }

    @Test func binaryBytesAreAnError() {
        let error = failure(Data([0x6C, 0x6F, 0x63, 0x6B, 0x0A, 0x00, 0xFF, 0xFE]))
        #expect(error?.location == CoreLocation(line: 2, column: 1))
    }

    @Test func truncatedFlowMapping() throws {
        let fixture = try String(decoding: TestPaths.fixture("pnpm/v9-workspace.yaml"), as: UTF8.self)
        let cut = try #require(fixture.range(of: "{integrity: sha512-H0D8"))
        let error = failure(String(fixture[..<cut.upperBound]))
        #expect(error?.message.contains("unterminated flow collection") == true)
        #expect((error?.location?.line ?? 0) >= 1)
    }

    @Test func truncatedQuotedKey() {
        expectFailure(
            "lockfileVersion: '9.0'\npackages:\n  '@vitejs/plug", line: 3, column: 3, message: "unterminated quoted")
    }

    @Test func truncatedAfterKey() {
        expectFailure(
            "lockfileVersion: '9.0'\npackages:\n  left-pad@1.3.0:\n    resolution", line: 4, column: 5,
            message: "expected 'left-pad@1.3.0' to be a mapping, found the scalar 'resolution'")
    }

    @Test func packagesAsAListIsAnError() {
        expectFailure(
            "lockfileVersion: '9.0'\npackages:\n  - left-pad@1.3.0\n", line: 3, column: 3,
            message: "expected 'packages' to be a mapping, found a list")
    }

    @Test(arguments: ["[1, 2]", "{major: 1}"])
    func versionOfTheWrongTypeIsAnError(version: String) {
        let text = "lockfileVersion: '9.0'\npackages:\n  left-pad@1.3.0:\n    version: \(version)\n"
        expectFailure(text, line: 4, column: 14, message: "expected 'version' to be a string")
    }

    @Test func resolutionAsAStringIsAnError() {
        let text = "lockfileVersion: 5.4\npackages:\n  /left-pad/1.3.0:\n    resolution: sha512-abc\n"
        expectFailure(text, line: 4, column: 17, message: "expected 'resolution' to be a mapping")
    }

    @Test func malformedIntegrityIsAnError() {
        let text = "lockfileVersion: 5.4\npackages:\n  /left-pad/1.3.0:\n    resolution: {integrity: sha512-nope}\n"
        expectFailure(text, line: 4, column: 29, message: "malformed integrity")
    }

    @Test func devFlagMustBeABoolean() {
        let text = "lockfileVersion: 5.4\npackages:\n  /left-pad/1.3.0:\n    dev: maybe\n"
        expectFailure(text, line: 4, column: 10, message: "true or false")
    }

    @Test func keyWithoutVersionIsAnError() {
        expectFailure(
            "lockfileVersion: '9.0'\npackages:\n  left-pad: {}\n", line: 3, column: 3,
            message: "cannot read a name and version")
    }

    @Test func missingOrUnsupportedLockfileVersion() {
        expectFailure("packages: {}\n", line: 1, column: 1, message: "missing lockfileVersion")
        expectFailure("lockfileVersion: '42.0'\n", line: 1, column: 18, message: "unsupported lockfileVersion")
        expectFailure(
            "lockfileVersion: [9]\n", line: 1, column: 18, message: "expected 'lockfileVersion' to be a string")
    }

    @Test func topLevelListIsAnError() {
        expectFailure("- lockfileVersion: '9.0'\n", line: 1, column: 1, message: "expected a mapping")
    }

    @Test func duplicateKeysAreAnError() {
        let text = "lockfileVersion: '9.0'\npackages:\n  a@1.0.0: {}\n  a@1.0.0: {}\n"
        expectFailure(text, line: 4, column: 3, message: "duplicate key 'a@1.0.0'")
    }

    @Test func tabIndentationIsAnError() {
        expectFailure("lockfileVersion: '9.0'\npackages:\n\ta@1.0.0: {}\n", line: 3, column: 1, message: "tab")
    }

    @Test func badIndentationIsAnError() {
        let text = "lockfileVersion: '9.0'\npackages:\n    a@1.0.0: {}\n  b@1.0.0: {}\n"
        expectFailure(text, line: 4, column: 3, message: "unexpected indentation")
    }

    @Test func anchorsAreRejected() {
        expectFailure("lockfileVersion: &v '9.0'\n", line: 1, column: 18, message: "anchors")
    }

    @Test(arguments: [100_000, 150])
    func deeplyNestedFlowIsAnError(depth: Int) {
        let brackets = "lockfileVersion: " + String(repeating: "[", count: depth)
        let error = failure(brackets)
        #expect(error?.message.contains("nesting deeper than") == true)
        #expect(error?.location?.line == 1)
        let braces = "lockfileVersion: " + String(repeating: "{a: ", count: depth)
        #expect(failure(braces)?.message.contains("nesting deeper than") == true)
    }

    @Test func deeplyNestedListItemsAreAnError() {
        let error = failure(String(repeating: "- ", count: 100_000) + "x\n")
        #expect(error?.message.contains("nesting deeper than") == true)
        #expect(error?.location?.line == 1)
    }

    @Test func deeplyIndentedMappingsAreAnError() {
        var text = ""
        for level in 0..<2_000 { text += String(repeating: " ", count: level) + "k\(level):\n" }
        let error = failure(text)
        #expect(error?.message.contains("nesting deeper than") == true)
        #expect((error?.location?.line ?? 0) > 50)
    }
}
