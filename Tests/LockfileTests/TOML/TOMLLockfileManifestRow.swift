import Foundation
import Lockfile
import LockgateCore
import Testing

/// The rows of `../shared/lockfiles/MANIFEST.tsv` for the TOML lockfile formats (poetry, uv).
struct TOMLLockfileManifestRow: Sendable, CustomTestStringConvertible {
    var file: String
    var format: String
    var formatVersion: String
    var expectedCount: Int
    var withIntegrity: Int
    var nonRegistry: Int
    var localLinks: Int

    var testDescription: String { file }

    /// Rows of one manifest format; empty when `../shared` is absent.
    static func rows(format: String) -> [TOMLLockfileManifestRow] {
        let manifest = TestPaths.sharedLockfiles.appendingPathComponent("MANIFEST.tsv")
        guard let text = try? String(contentsOf: manifest, encoding: .utf8) else { return [] }
        let lines = text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        guard let header = lines.first?.map(String.init) else { return [] }
        func column(_ name: String) -> Int { header.firstIndex(of: name) ?? 0 }
        return lines.dropFirst().compactMap { fields in
            guard fields.count == header.count, fields[column("format")] == format else { return nil }
            return TOMLLockfileManifestRow(
                file: String(fields[column("file")]), format: format,
                formatVersion: String(fields[column("format_version")]),
                expectedCount: Int(fields[column("expected_count")]) ?? -1,
                withIntegrity: Int(fields[column("with_integrity")]) ?? -1,
                nonRegistry: Int(fields[column("non_registry")]) ?? -1,
                localLinks: Int(fields[column("local_links")]) ?? -1)
        }
    }

    /// The row's file's bytes.
    func data() throws -> Data {
        try Data(contentsOf: TestPaths.sharedLockfiles.appendingPathComponent(file))
    }

    /// Checks parsed contents against the row's counts and format version.
    func check(_ contents: LockfileContents) {
        #expect(contents.packages.count == expectedCount, "\(file): packages")
        #expect(contents.localLinks.count == localLinks, "\(file): local links")
        #expect(contents.packages.filter { !$0.integrity.isEmpty }.count == withIntegrity, "\(file): with integrity")
        let outside = contents.packages.filter { $0.source.kind == .git || $0.source.kind == .tarball }
        #expect(outside.count == nonRegistry, "\(file): non-registry")
        #expect(contents.formatVersion == formatVersion, "\(file): format version")
    }
}
