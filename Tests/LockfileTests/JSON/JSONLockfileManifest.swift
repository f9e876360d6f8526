import Foundation
import Lockfile
import LockgateCore
import Testing

/// The rows of `../shared/lockfiles/MANIFEST.tsv` for the JSON lockfile formats (npm, npm-shrinkwrap, pipfile).
struct JSONLockfileManifestRow: Sendable, CustomStringConvertible {
    var file: String
    var format: String
    var formatVersion: String
    var expectedCount: Int
    var withIntegrity: Int
    var nonRegistry: Int
    var localLinks: Int

    var description: String { file }

    /// The lockfile format the row's `format` column names.
    var lockfileFormat: LockfileFormat? {
        switch format {
        case "npm": .npm
        case "npm-shrinkwrap": .npmShrinkwrap
        case "pipfile": .pipfile
        default: nil
        }
    }

    /// Rows of the given manifest formats; empty when `../shared` is absent.
    static func rows(formats: Set<String>) -> [JSONLockfileManifestRow] {
        let manifest = TestPaths.sharedLockfiles.appendingPathComponent("MANIFEST.tsv")
        guard let text = try? String(contentsOf: manifest, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count >= 10, formats.contains(columns[1]),
                let expected = Int(columns[6]), let integrity = Int(columns[7]),
                let nonRegistry = Int(columns[8]), let links = Int(columns[9])
            else { return nil }
            return JSONLockfileManifestRow(
                file: columns[0], format: columns[1], formatVersion: columns[2], expectedCount: expected,
                withIntegrity: integrity, nonRegistry: nonRegistry, localLinks: links)
        }
    }

    /// Parses the row's file with a parser.
    func parse(with parser: some LockfileParser) throws -> LockfileContents {
        let url = TestPaths.sharedLockfiles.appendingPathComponent(file)
        let format = try #require(lockfileFormat)
        return try parser.parse(Data(contentsOf: url), format: format, context: ParseContext(path: file))
    }

    /// Checks parsed contents against the row's counts.
    func check(_ contents: LockfileContents) {
        #expect(contents.packages.count == expectedCount, "\(file): packages")
        #expect(contents.localLinks.count == localLinks, "\(file): local links")
        #expect(contents.packages.filter { !$0.integrity.isEmpty }.count == withIntegrity, "\(file): with integrity")
        let outside = contents.packages.filter { $0.source.kind == .git || $0.source.kind == .tarball }
        #expect(outside.count == nonRegistry, "\(file): non-registry")
        #expect(contents.formatVersion == formatVersion, "\(file): format version")
    }
}
