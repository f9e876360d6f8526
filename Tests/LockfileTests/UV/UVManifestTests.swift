import Foundation
import Lockfile
import LockgateCore
import Testing

/// Every uv.lock in `../shared/lockfiles` parses to the counts MANIFEST.tsv gives.
@Suite(
    .enabled(
        if: TestPaths.sharedLockfilesPresent, "../shared/lockfiles is absent; the real-lockfile checks are skipped"))
struct UVManifestTests {
    @Test func manifestHasUVRows() {
        #expect(TOMLLockfileManifestRow.rows(format: "uv").count == 4)
    }

    @Test(arguments: TOMLLockfileManifestRow.rows(format: "uv"))
    func countsMatchTheManifest(_ row: TOMLLockfileManifestRow) throws {
        let contents = try UVLockParser().parse(try row.data(), format: .uv, context: ParseContext(path: row.file))
        row.check(contents)
        #expect(contents.localLinks.allSatisfy { $0.kind == .editable && $0.path == "." })
        #expect(contents.packages.allSatisfy { $0.location.column == 1 && $0.source.url != nil })
    }

    /// flask locks sphinx and sphinx-autobuild at two versions each (resolution-markers forks); both are packages,
    /// reached only through the project's dev-dependency groups.
    @Test func forkedVersionsOfTheCurrentFlaskLockAreSeparateDevPackages() throws {
        let row = try #require(
            TOMLLockfileManifestRow.rows(format: "uv").first { $0.file == "uv/pallets__flask__uv.lock" })
        let contents = try UVLockParser().parse(try row.data(), format: .uv, context: ParseContext(path: row.file))
        let forked = Dictionary(grouping: contents.packages, by: \.name).filter { $0.value.count > 1 }
        #expect(Set(forked.keys) == ["sphinx", "sphinx-autobuild"])
        #expect(forked.values.joined().allSatisfy { $0.dev })
        #expect(contents.packages.first { $0.name == "werkzeug" }?.dev == false)
        #expect(contents.packages.first { $0.name == "asgiref" }?.optional == true)
    }
}
