import Foundation
import Lockfile
import LockgateCore
import Testing

/// Malformed uv.lock input ends in a `LockfileError` at a line and column, never a crash or a hang.
@Suite struct UVMalformedTests {
    private func failure(_ data: Data) -> LockfileError? {
        do {
            _ = try UVLockParser().parse(data, format: .uv, context: ParseContext(path: "uv.lock"))
            return nil
        } catch {
            return error
        }
    }

    private func failure(_ text: String) -> LockfileError? { failure(Data(text.utf8)) }

    private static let header = "version = 1\nrevision = 3\n\n"

    @Test func emptyFileHasNoVersion() throws {
        let error = try #require(failure(""))
        #expect(error.location == SourceLocation(line: 1, column: 1))
        #expect(error.message.contains("missing `version`"))
    }

    @Test func binaryBytesAreRejectedWhereTheyStart() throws {
        var data = Data(Self.header.utf8)
        data.append(contentsOf: [0xC3, 0x28, 0x00])
        let error = try #require(failure(data))
        #expect(error.location == SourceLocation(line: 4, column: 1))
    }

    @Test func truncatedInsideAnInlineTablePointsAtTheCut() throws {
        let error = try #require(
            failure(Self.header + "[[package]]\nname = \"a\"\nversion = \"1\"\nsource = { registry"))
        #expect(error.location == SourceLocation(line: 7, column: 20))
        #expect(error.message.contains("expected `=`"))
    }

    @Test(arguments: [
        ("version = 3\n", 1, 11, "unsupported uv.lock `version = 3`; expected 1"),
        ("version = \"1\"\n", 1, 11, "to be an integer, found a string"),
        ("version = 1\nrevision = \"3\"\n", 2, 12, "an integer"),
        ("version = 1\nresolution-markers = [1]\n", 2, 23, "a string"),
        ("version = 1\npackage = { name = \"a\" }\n", 2, 11, "an array"),
    ])
    func topLevelKeysOfTheWrongType(_ text: String, _ line: Int, _ column: Int, _ expected: String) throws {
        let error = try #require(failure(text))
        #expect(error.location == SourceLocation(line: line, column: column), "\(error)")
        #expect(error.message.contains(expected), "\(error)")
    }

    @Test(arguments: [
        ("[[package]]\nversion = \"1\"\n", 4, 1, "missing `name`"),
        ("[[package]]\nname = \"a\"\nsource = { registry = \"https://pypi.org/simple\" }\n", 4, 1, "missing `version`"),
        ("[[package]]\nname = \"a\"\nversion = 3\n", 6, 11, "to be a string, found an integer"),
        ("[[package]]\nname = \"a\"\nversion = \"1\"\nsource = { svn = \"x\" }\n", 7, 12, "unknown source `svn`"),
        ("[[package]]\nname = \"a\"\nversion = \"1\"\nsource = { registry = 1 }\n", 7, 23, "one string"),
        ("[[package]]\nname = \"a\"\nversion = \"1\"\nsdist = { hash = 5 }\n", 7, 18, "a string"),
        ("[[package]]\nname = \"a\"\nversion = \"1\"\nwheels = [\"x.whl\"]\n", 7, 11, "to be a table"),
        ("[[package]]\nname = \"a\"\nversion = \"1\"\ndependencies = [{ version = \"1\" }]\n", 7, 17, "missing `name`"),
        ("[[package]]\nname = \"a\"\nversion = \"1\"\n[package.dev-dependencies]\ndev = \"b\"\n", 8, 7, "an array"),
    ])
    func packageKeysOfTheWrongType(_ text: String, _ line: Int, _ column: Int, _ expected: String) throws {
        let error = try #require(failure(Self.header + text))
        #expect(error.location == SourceLocation(line: line, column: column), "\(error)")
        #expect(error.message.contains(expected), "\(error)")
    }

    @Test func deeplyNestedArraysAreRefused() throws {
        let error = try #require(failure(Self.header + "x = " + String(repeating: "[", count: 100_000)))
        #expect(error.location?.line == 4)
        #expect(error.message.contains("nested deeper than 256 levels"))
    }

    @Test func deeplyNestedInlineTablesAreRefused() throws {
        let error = try #require(failure(Self.header + "x = " + String(repeating: "{a=", count: 100_000)))
        #expect(error.location?.line == 4)
        #expect(error.message.contains("nested deeper than"))
    }
}
