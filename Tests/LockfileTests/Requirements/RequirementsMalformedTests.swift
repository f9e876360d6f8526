import Foundation
import Lockfile
import LockgateCore
import Testing

private typealias CoreLocation = LockgateCore.SourceLocation

@Suite struct RequirementsMalformedTests {
    private func failure(_ data: Data, context: ParseContext = ParseContext(path: "requirements.txt")) -> LockfileError?
    {
        #expect(throws: LockfileError.self) {
            try RequirementsParser().parse(data, format: .requirements, context: context)
        }
    }

    private func expectFailure(_ text: String, at location: CoreLocation, message: String) {
        let error = failure(Data(text.utf8))
        #expect(error?.path == "requirements.txt")
        #expect(error?.location == location, "\(String(describing: error))")
        #expect(error?.message.contains(message) == true, "\(String(describing: error))")
    }

    @Test func emptyAndCommentOnlyFilesHaveNoPackages() throws {
        for text in ["", "\n\n", "# nothing\n   # here\n", "\\\n"] {
            #expect(try RequirementsParser().parse(text: text, format: .requirements).packages.isEmpty)
        }
    }

    @Test func binaryBytesAreAnError() {
        let error = failure(Data([0x61, 0x3D, 0x3D, 0x31, 0x0A, 0x62, 0x00, 0x0A]))
        #expect(error?.location == CoreLocation(line: 2, column: 2))
    }

    @Test func unknownOptionsAreNamed() {
        expectFailure("ok==1.0\n-x something\n", at: CoreLocation(line: 2, column: 1), message: "unknown option '-x'")
        expectFailure(
            "--frobnicate=3\n", at: CoreLocation(line: 1, column: 1), message: "unknown option '--frobnicate'")
        expectFailure("ok==1.0 --bogus\n", at: CoreLocation(line: 1, column: 9), message: "unknown option '--bogus'")
    }

    @Test func optionsWithoutValues() {
        expectFailure("-r\n", at: CoreLocation(line: 1, column: 1), message: "needs a value")
        expectFailure("ok==1.0 --hash\n", at: CoreLocation(line: 1, column: 9), message: "needs a value")
    }

    @Test func invalidRequirements() {
        expectFailure("name=1.0\n", at: CoreLocation(line: 1, column: 5), message: "expected a version specifier")
        expectFailure("name 1.0\n", at: CoreLocation(line: 1, column: 6), message: "expected a version specifier")
        expectFailure("name==\n", at: CoreLocation(line: 1, column: 5), message: "malformed version")
        expectFailure("name[extra==1.0\n", at: CoreLocation(line: 1, column: 5), message: "unterminated extras")
        expectFailure("@@@\n", at: CoreLocation(line: 1, column: 1), message: "expected a package name")
        expectFailure("name @ nope\n", at: CoreLocation(line: 1, column: 8), message: "expected a URL")
    }

    @Test func malformedHashes() {
        expectFailure("ok==1.0 --hash=sha256:abc\n", at: CoreLocation(line: 1, column: 16), message: "malformed hash")
        expectFailure("ok==1.0 \\\n  --hash=md6:00\n", at: CoreLocation(line: 1, column: 1), message: "malformed hash")
    }

    @Test func urlWithoutAName() {
        expectFailure(
            "https://example.com/\n", at: CoreLocation(line: 1, column: 1), message: "cannot tell the package name")
        expectFailure(
            "https://example.com/a.tar.gz trailing\n", at: CoreLocation(line: 1, column: 30), message: "after the URL")
    }

    @Test func missingIncludeIsAnErrorAtTheIncludeLine() {
        let context = ParseContext(path: "reqs/main.txt") { _ in nil }
        let error = failure(Data("ok==1.0\n\n-r ../other.txt\n".utf8), context: context)
        #expect(error?.location == CoreLocation(line: 3, column: 4))
        #expect(error?.message.contains("included file 'other.txt' does not exist") == true)
    }

    @Test func unreadableIncludeIsAnError() {
        struct Denied: Error {}
        let context = ParseContext(path: "main.txt") { _ in throw Denied() }
        let error = failure(Data("--requirement=other.txt\n".utf8), context: context)
        #expect(error?.location == CoreLocation(line: 1, column: 15))
        #expect(error?.message.contains("cannot read included file") == true)
    }

    @Test func errorsInIncludedFilesNameThatFile() {
        let context = ParseContext(path: "main.txt") { path in path == "other.txt" ? Data("ok==1.0\nbad=\n".utf8) : nil
        }
        let error = failure(Data("-r other.txt\n".utf8), context: context)
        #expect(error?.path == "other.txt")
        #expect(error?.location == CoreLocation(line: 2, column: 4))
    }

    @Test func remoteIncludesAreRejected() {
        expectFailure("-r https://example.com/r.txt\n", at: CoreLocation(line: 1, column: 4), message: "remote include")
    }

    @Test func selfIncludeAndLongIncludeChainsTerminate() throws {
        let selfContext = ParseContext(path: "a.txt") { _ in Data("-r a.txt\nx==1\n".utf8) }
        let contents = try RequirementsParser().parse(
            Data("-r a.txt\nx==1\n".utf8), format: .requirements, context: selfContext)
        #expect(contents.packages.map(\.id) == ["x@1"])
        // f0 includes f1 includes f2 ... forever: stopped by the depth cap.
        let chain = ParseContext(path: "f0") { path in
            Data("-r f\((Int(path.dropFirst()) ?? 0) + 1)\n".utf8)
        }
        let error = failure(Data("-r f1\n".utf8), context: chain)
        #expect(error?.message.contains("nested deeper") == true)
        #expect(error?.location?.line == 1)
    }

    @Test func veryLongAndDeeplyBracketedLinesDoNotCrash() throws {
        let brackets = String(repeating: "[", count: 100_000)
        expectFailure("name\(brackets)\n", at: CoreLocation(line: 1, column: 5), message: "unterminated extras")
        let continued = String(repeating: "a\\\n", count: 100_000) + "==1\n"
        let contents = try RequirementsParser().parse(text: continued, format: .requirements)
        #expect(contents.packages.map(\.version) == ["1"])
        #expect(contents.packages.first?.location == CoreLocation(line: 1, column: 1))
    }
}
