import Foundation
import LockgateCore
import Policy
import Testing

/// Every policy-file error names the file, line, column and key. Each fixture in `Fixtures/errors` starts with
/// `# expect: LINE:COLUMN KEYPATH | MESSAGE PREFIX` (`-` for no key path).
@Suite struct PolicyErrorTests {
    struct Expectation {
        let line: Int
        let column: Int
        let keyPath: String
        let message: String
    }

    @Test(arguments: PolicyTestSupport.fixtureNames("errors"))
    func fixtureNamesLineAndKey(_ name: String) throws {
        let path = try PolicyTestSupport.fixturePath("errors/\(name)")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let expected = try #require(Self.expectation(in: text), "\(name) has no `# expect:` header")
        let error = try #require(throws: PolicyError.self) { try PolicyLoader.load(path: path) }
        #expect(error.path == path)
        #expect(error.location == LockgateCore.SourceLocation(line: expected.line, column: expected.column), "\(error)")
        #expect(error.keyPath == expected.keyPath, "\(error)")
        #expect(error.message.hasPrefix(expected.message), "\(error)")
        let key = expected.keyPath.isEmpty ? "" : "\(expected.keyPath): "
        #expect(error.description == "\(path):\(expected.line):\(expected.column): \(key)\(error.message)")
    }

    @Test func errorKinds() throws {
        let cases: [(String, PolicyError.Kind)] = [
            ("version: 1\nthresholds: {blok: 1}\n", .unknownKey),
            ("version: 1\nsources: {git: 1}\n", .wrongType),
            ("thresholds: {}\n", .missingKey),
            ("version: 3\n", .newerVersion),
            ("version: 1\nallowlist: [{package: a, reason: b, expires: 2027-13-01}]\n", .invalidValue),
            ("version: 1\nallowlist: [{package: a}]\n", .missingKey),
            ("version: 1\nrules: {nope: off}\n", .unknownKey),
            ("version: 1\nrules: {source_git: loud}\n", .invalidValue),
            ("version: 1\nthresholds: {block: 0.5, warn: 0.6}\n", .invalidValue),
            ("version: 1\n: [\n", .syntax),
            ("", .empty),
            ("---\n", .empty),
            ("[1, 2]\n", .wrongType),
            ("version: 1\u{0}\n", .binary),
        ]
        for (text, kind) in cases {
            #expect(PolicyTestSupport.parseError(text)?.kind == kind, "\(text.debugDescription)")
        }
    }

    @Test func newerVersionMessageIsExact() {
        let error = PolicyTestSupport.parseError("version: 2\n")
        #expect(error?.message == "policy version 2 is newer than this lockgate supports (1)")
        #expect(error?.description == "p.yml:1:10: version: policy version 2 is newer than this lockgate supports (1)")
    }

    @Test func newerVersionIsReportedBeforeUnknownKeys() {
        let error = PolicyTestSupport.parseError("future-key: 1\nversion: 7\n")
        #expect(error?.kind == .newerVersion)
        #expect(error?.location?.line == 2)
    }

    @Test func unreadableFiles() throws {
        let missing = try #require(throws: PolicyError.self) {
            try PolicyLoader.load(path: "/nonexistent/lockgate/.lockgate.yml")
        }
        #expect(missing.kind == .unreadable)
        #expect(missing.location == nil)
        #expect(missing.description == "/nonexistent/lockgate/.lockgate.yml: cannot read the policy file: no such file")
        let directory = try PolicyTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let isDirectory = try #require(throws: PolicyError.self) { try PolicyLoader.load(path: directory.path) }
        #expect(isDirectory.kind == .unreadable)
        #expect(isDirectory.message.contains("directory"))
    }

    @Test func oversizedFileIsRefused() throws {
        let directory = try PolicyTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("big.yml")
        let comment = String(repeating: "#", count: 1023) + "\n"
        try Data(("version: 1\n" + String(repeating: comment, count: 1025)).utf8).write(to: file)
        let error = try #require(throws: PolicyError.self) { try PolicyLoader.load(path: file.path) }
        #expect(error.kind == .unreadable)
        #expect(error.message.contains("larger than"))
    }

    @Test func binaryFilesNameTheFirstBadByte() throws {
        let directory = try PolicyTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cases: [([UInt8], Int, Int)] = [
            (Array("version: 1\nfetch:\n  fail".utf8) + [0, 1, 2], 3, 7),
            (Array("version: 1\nrules: {}\n# caf".utf8) + [0xC3, 0x28], 3, 6),
            ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], 1, 1),
            (Array("version: 1\n# é".utf8) + [0xFF], 2, 4),
        ]
        for (index, (bytes, line, column)) in cases.enumerated() {
            let file = directory.appendingPathComponent("binary-\(index).yml")
            try Data(bytes).write(to: file)
            let error = try #require(throws: PolicyError.self) { try PolicyLoader.load(path: file.path) }
            #expect(error.kind == .binary)
            #expect(error.location == LockgateCore.SourceLocation(line: line, column: column), "\(error)")
            #expect(error.message.hasPrefix("not a text policy file"))
        }
    }

    @Test func deepNestingThrowsInsteadOfCrashing() {
        let flow = "version: 1\nrules: " + String(repeating: "[", count: 100_000) + "\n"
        #expect(PolicyTestSupport.parseError(flow)?.kind == .syntax)
        var block = "version: 1\nrules:\n"
        for depth in 1...2_000 { block += String(repeating: " ", count: depth) + "- \n" }
        let error = PolicyTestSupport.parseError(block)
        #expect(error?.kind == .syntax || error?.kind == .wrongType, "\(String(describing: error))")
        #expect((error?.location?.line ?? 0) >= 1)
        let mappings = "version: 1\nsources: " + String(repeating: "{a: ", count: 50_000) + "\n"
        #expect(PolicyTestSupport.parseError(mappings)?.kind == .syntax)
    }

    @Test func truncatedFilesThrowWithALine() throws {
        let full = try String(contentsOfFile: PolicyTestSupport.shippedPolicy("default.yml"), encoding: .utf8)
        var cut = 0
        for length in stride(from: 0, to: full.utf8.count, by: 7) {
            let text = String(decoding: full.utf8.prefix(length), as: UTF8.self)
            do {
                _ = try PolicyLoader.parse(text, path: "cut.yml")
            } catch {
                cut += 1
                if error.kind != .empty { #expect((error.location?.line ?? 0) >= 1, "\(error)") }
            }
        }
        #expect(cut > 0)
    }

    // MARK: - Private

    private static func expectation(in text: String) -> Expectation? {
        guard let first = text.split(separator: "\n", omittingEmptySubsequences: false).first,
            first.hasPrefix("# expect: ")
        else { return nil }
        let body = first.dropFirst("# expect: ".count)
        guard let bar = body.range(of: " | ") else { return nil }
        let head = body[..<bar.lowerBound].split(separator: " ")
        guard head.count == 2 else { return nil }
        let position = head[0].split(separator: ":")
        guard position.count == 2, let line = Int(position[0]), let column = Int(position[1]) else { return nil }
        let keyPath = head[1] == "-" ? "" : String(head[1])
        return Expectation(line: line, column: column, keyPath: keyPath, message: String(body[bar.upperBound...]))
    }
}
