import Foundation
import Lockfile
import LockgateCore
import Testing

/// One MANIFEST.tsv row's expected numbers.
private struct PNPMManifestRow: CustomStringConvertible {
    var file: String
    var formatVersion: String
    var expectedCount: Int
    var withIntegrity: Int
    var nonRegistry: Int
    var localLinks: Int

    var description: String { file }

    /// The rows of one format in ../shared/lockfiles/MANIFEST.tsv.
    static func rows(format: String) throws -> [PNPMManifestRow] {
        let manifest = try String(
            contentsOf: TestPaths.sharedLockfiles.appendingPathComponent("MANIFEST.tsv"), encoding: .utf8)
        let lines = manifest.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        guard let header = lines.first else { return [] }
        let column = { (name: String) in header.firstIndex { $0 == name } ?? 0 }
        return lines.dropFirst().filter { $0.count == header.count && $0[column("format")] == format }.map { fields in
            PNPMManifestRow(
                file: String(fields[column("file")]), formatVersion: String(fields[column("format_version")]),
                expectedCount: Int(fields[column("expected_count")]) ?? -1,
                withIntegrity: Int(fields[column("with_integrity")]) ?? -1,
                nonRegistry: Int(fields[column("non_registry")]) ?? -1,
                localLinks: Int(fields[column("local_links")]) ?? -1)
        }
    }
}

@Suite struct PNPMManifestTests {
    @Test(
        .enabled(if: TestPaths.sharedLockfilesPresent, "../shared/lockfiles is absent (only on the project's machines)")
    )
    func everyPNPMRowMatchesTheManifest() throws {
        let rows = try PNPMManifestRow.rows(format: "pnpm")
        #expect(rows.count >= 8)
        for row in rows {
            let url = TestPaths.sharedLockfiles.appendingPathComponent(row.file)
            let contents = try PNPMLockParser().parse(
                Data(contentsOf: url), format: .pnpm, context: ParseContext(path: row.file))
            let nonRegistry = contents.packages.filter { $0.source.kind == .git || $0.source.kind == .tarball }
            #expect(contents.packages.count == row.expectedCount, "\(row)")
            #expect(contents.localLinks.count == row.localLinks, "\(row)")
            #expect(contents.packages.filter { !$0.integrity.isEmpty }.count == row.withIntegrity, "\(row)")
            #expect(nonRegistry.count == row.nonRegistry, "\(row)")
            #expect(contents.formatVersion == row.formatVersion, "\(row)")
            #expect(contents.packages.allSatisfy { $0.location.line >= 1 }, "\(row)")
        }
    }

    @Test(
        .enabled(if: TestPaths.sharedLockfilesPresent, "../shared/lockfiles is absent (only on the project's machines)")
    )
    func locationsPointAtPackageKeys() throws {
        let file = "pnpm/vitejs__vite@6401a49d5__pnpm-lock.yaml"
        let data = try Data(contentsOf: TestPaths.sharedLockfiles.appendingPathComponent(file))
        let contents = try PNPMLockParser().parse(data, format: .pnpm, context: ParseContext(path: file))
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for package in contents.packages.prefix(200) {
            let line = lines[package.location.line - 1]
            #expect(package.location.column == 3, "\(package.id)")
            #expect(line.contains(package.name), "\(package.id) at \(package.location): \(line)")
        }
    }
}
