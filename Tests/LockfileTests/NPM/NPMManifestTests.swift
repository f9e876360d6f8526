import Foundation
import Lockfile
import LockgateCore
import Testing

/// Every npm and npm-shrinkwrap lockfile of `../shared/lockfiles` parses to the counts MANIFEST.tsv gives.
@Suite struct NPMManifestTests {
    static let rows = JSONLockfileManifestRow.rows(formats: ["npm", "npm-shrinkwrap"])

    @Test(
        "MANIFEST counts for package-lock.json and npm-shrinkwrap.json",
        .enabled(if: TestPaths.sharedLockfilesPresent, "../shared/lockfiles is absent: skipping the real lockfiles"),
        arguments: rows)
    func manifestCounts(_ row: JSONLockfileManifestRow) throws {
        row.check(try row.parse(with: NPMLockParser()))
    }

    @Test(
        "the corpus has npm rows", .enabled(if: TestPaths.sharedLockfilesPresent, "../shared/lockfiles is absent"))
    func corpusHasRows() {
        #expect(Self.rows.count >= 13)
    }

    @Test(
        "v1 and v2 locks of the same project list the same package names",
        .enabled(if: TestPaths.sharedLockfilesPresent, "../shared/lockfiles is absent"))
    func versionParity() throws {
        let v1 = try #require(Self.rows.first { $0.file.contains("firebase-tools@9876c0f60__scripts_firepit") })
        let v2 = try #require(Self.rows.first { $0.file.contains("firebase-tools__scripts_firepit") })
        // Four years apart, so some versions moved; the set of package names is the same.
        let old = try v1.parse(with: NPMLockParser()).packages
        let new = try v2.parse(with: NPMLockParser()).packages
        #expect(old.count == 46 && new.count == 46)
        #expect(Set(old.map(\.name)) == Set(new.map(\.name)))
    }

    @Test(
        "v1 URL versions: GitHub archive is a tarball, registry archive URL gives its version",
        .enabled(if: TestPaths.sharedLockfilesPresent, "../shared/lockfiles is absent"))
    func realURLVersions() throws {
        let row = try #require(Self.rows.first { $0.file.contains("nightscout__cgm-remote-monitor@ccd591d4e") })
        let packages = try row.parse(with: NPMLockParser()).packages
        let uuid = try #require(packages.first { $0.name == "node-uuid" })
        #expect(uuid.version == "1.4.7")
        #expect(uuid.source.kind == .registry)
        let http2 = try #require(packages.first { $0.name == "http2" })
        #expect(http2.source == PackageSource(kind: .tarball, url: http2.version))
    }
}
