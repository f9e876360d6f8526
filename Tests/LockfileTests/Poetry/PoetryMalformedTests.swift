import Foundation
import Lockfile
import LockgateCore
import Testing

/// Malformed poetry.lock input ends in a `LockfileError` at a line and column, never a crash or a hang.
@Suite struct PoetryMalformedTests {
    private func failure(_ data: Data) -> LockfileError? {
        do {
            _ = try PoetryLockParser().parse(data, format: .poetry, context: ParseContext(path: "poetry.lock"))
            return nil
        } catch {
            return error
        }
    }

    private func failure(_ text: String) -> LockfileError? { failure(Data(text.utf8)) }

    @Test func emptyFileIsNotAPoetryLock() throws {
        let error = try #require(failure(""))
        #expect(error.location == SourceLocation(line: 1, column: 1))
        #expect(error.message.contains("[[package]]"))
    }

    @Test func binaryBytesAreRejectedWhereTheyStart() throws {
        var data = Data("[[package]]\nname = \"x\"\n".utf8)
        data.append(contentsOf: [0x00, 0xFF, 0x10])
        let error = try #require(failure(data))
        #expect(error.location == SourceLocation(line: 3, column: 1))
        #expect(error.path == "poetry.lock")
    }

    @Test func truncatedInsideAStringPointsAtTheCut() throws {
        let error = try #require(failure("[[package]]\nname = \"requ"))
        #expect(error.location == SourceLocation(line: 2, column: 13))
        #expect(error.message.contains("unterminated string"))
    }

    @Test func truncatedEntryWithoutVersionPointsAtItsHeader() throws {
        let error = try #require(failure("[[package]]\nname = \"a\"\nversion = \"1\"\n\n[[package]]\nname = \"b\"\n"))
        #expect(error.location == SourceLocation(line: 5, column: 1))
        #expect(error.message.contains("missing `version`"))
    }

    @Test func packageWithoutNameIsAnError() throws {
        let error = try #require(failure("[[package]]\nversion = \"1.0\"\n"))
        #expect(error.location == SourceLocation(line: 1, column: 1))
        #expect(error.message == "missing `name` in the `[[package]]` entry; expected a string")
    }

    @Test(arguments: [
        ("version = 3", "integer"), ("version = [\"1\"]", "array"), ("version = 1.5", "float"),
        ("version = 2024-01-01", "date-time"),
    ])
    func versionOfTheWrongTypeIsAnErrorAtTheValue(_ line: String, _ type: String) throws {
        let error = try #require(failure("[[package]]\nname = \"a\"\n\(line)\n"))
        #expect(error.location == SourceLocation(line: 3, column: 11))
        #expect(error.message.contains("expected `version` in the `[[package]]` entry to be a string, found"))
        #expect(error.message.contains(type))
    }

    @Test(arguments: [
        ("package = \"x\"\n", 1, 11, "array"),
        ("package = [1]\n", 1, 12, "table"),
        ("[[package]]\nname = \"a\"\nversion = \"1\"\noptional = \"no\"\n", 4, 12, "boolean"),
        ("[[package]]\nname = \"a\"\nversion = \"1\"\nfiles = [\"x\"]\n", 4, 10, "table"),
        ("[[package]]\nname = \"a\"\nversion = \"1\"\nsource = 1\n", 4, 10, "table"),
        ("[[package]]\nname = \"a\"\nversion = \"1\"\n[package.source]\ntype = \"svn\"\n", 5, 8, "unknown"),
        ("[[package]]\nname = \"a\"\nversion = \"1\"\n[package.source]\ntype = \"git\"\n", 4, 1, "missing `url`"),
        ("[metadata]\nlock-version = 2\n", 2, 16, "string"),
        ("[metadata.hashes]\na = [1]\n", 2, 6, "string"),
    ])
    func wrongTypesAreLocated(_ text: String, _ line: Int, _ column: Int, _ expected: String) throws {
        let error = try #require(failure(text))
        #expect(error.location == SourceLocation(line: line, column: column), "\(error)")
        #expect(error.message.contains(expected), "\(error)")
    }

    @Test func deeplyNestedArraysAreRefused() throws {
        let text = "[[package]]\nname = \"a\"\nversion = \"1\"\nfiles = " + String(repeating: "[", count: 100_000)
        let error = try #require(failure(text))
        #expect(error.location?.line == 4)
        #expect(error.message.contains("nested deeper than"))
    }

    @Test func duplicateKeysAreAnError() throws {
        let error = try #require(failure("[[package]]\nname = \"a\"\nname = \"b\"\n"))
        #expect(error.location == SourceLocation(line: 3, column: 1))
        #expect(error.message.contains("duplicate key `name`"))
    }
}
