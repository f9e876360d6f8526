import Foundation
import Lockfile
import LockgateCore
import Testing

/// Every poetry.lock in `../shared/lockfiles` parses to the counts MANIFEST.tsv gives.
@Suite(
    .enabled(
        if: TestPaths.sharedLockfilesPresent, "../shared/lockfiles is absent; the real-lockfile checks are skipped"))
struct PoetryManifestTests {
    @Test func manifestHasPoetryRows() {
        #expect(TOMLLockfileManifestRow.rows(format: "poetry").count == 4)
    }

    @Test(arguments: TOMLLockfileManifestRow.rows(format: "poetry"))
    func countsMatchTheManifest(_ row: TOMLLockfileManifestRow) throws {
        let contents = try PoetryLockParser().parse(
            try row.data(), format: .poetry, context: ParseContext(path: row.file))
        row.check(contents)
        #expect(contents.packages.allSatisfy { $0.location.column == 1 && $0.location.line >= 1 })
        #expect(contents.packages.allSatisfy { $0.name == PackageName.pep503($0.name) })
    }

    @Test func gitSourceOfTheCurrentPoetryLockHasNoFiles() throws {
        let row = try #require(TOMLLockfileManifestRow.rows(format: "poetry").first { $0.formatVersion == "2.1" })
        let contents = try PoetryLockParser().parse(
            try row.data(), format: .poetry, context: ParseContext(path: row.file))
        let git = try #require(contents.packages.first { $0.source.kind == .git })
        #expect(git.name == "poetry-core")
        #expect(git.integrity.isEmpty)
        #expect(
            git.source.url
                == "https://github.com/python-poetry/poetry-core.git#e3998b0e111dc03e4aa721fd054c48e5c7de6fc5")
    }

    /// The pre-1.0 file locks nine names at several versions; each version gets the name's hashes.
    @Test func preReleaseFormatGivesEveryVersionTheNamesHashes() throws {
        let row = try #require(TOMLLockfileManifestRow.rows(format: "poetry").first { $0.formatVersion == "pre-1.0" })
        let contents = try PoetryLockParser().parse(
            try row.data(), format: .poetry, context: ParseContext(path: row.file))
        let byName = Dictionary(grouping: contents.packages, by: \.name).filter { $0.value.count > 1 }
        #expect(byName.count == 9)
        for (_, versions) in byName {
            #expect(versions.allSatisfy { !$0.integrity.isEmpty && $0.integrity == versions[0].integrity })
        }
    }
}
