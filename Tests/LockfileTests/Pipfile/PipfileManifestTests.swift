import Foundation
import Lockfile
import LockgateCore
import Testing

/// Every Pipfile.lock of `../shared/lockfiles` parses to the counts MANIFEST.tsv gives.
@Suite struct PipfileManifestTests {
    static let rows = JSONLockfileManifestRow.rows(formats: ["pipfile"])

    @Test(
        "MANIFEST counts for Pipfile.lock",
        .enabled(if: TestPaths.sharedLockfilesPresent, "../shared/lockfiles is absent: skipping the real lockfiles"),
        arguments: rows)
    func manifestCounts(_ row: JSONLockfileManifestRow) throws {
        row.check(try row.parse(with: PipfileLockParser()))
    }

    @Test(
        "the corpus has pipfile rows", .enabled(if: TestPaths.sharedLockfilesPresent, "../shared/lockfiles is absent"))
    func corpusHasRows() {
        #expect(Self.rows.count >= 3)
    }
}
