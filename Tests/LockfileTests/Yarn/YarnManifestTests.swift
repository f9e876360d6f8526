import Foundation
import Lockfile
import LockgateCore
import Testing

/// Checks both yarn parsers against every yarn row of `../shared/lockfiles/MANIFEST.tsv` (skipped when absent).
@Suite struct YarnManifestTests {
    /// One MANIFEST row's expected numbers.
    struct Row: CustomStringConvertible, Sendable {
        var file: String
        var format: LockfileFormat
        var formatVersion: String
        var expectedCount: Int
        var withIntegrity: Int
        var nonRegistry: Int
        var localLinks: Int
        var description: String { file }
    }

    /// count.py counts only `integrity` fields of yarn v1 blocks; lockgate also takes the sha1 in the `#<40 hex>`
    /// fragment of a registry `resolved` URL (the only hash 2016-era files carry). Packages pinned that way only:
    static let sha1FragmentOnly = ["yarn-classic/webpack__webpack@ef6c54e9d__yarn.lock": 769]

    static let rows: [Row] = {
        let manifest = TestPaths.sharedLockfiles.appendingPathComponent("MANIFEST.tsv")
        guard let text = try? String(contentsOf: manifest, encoding: .utf8) else { return [] }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map {
            $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        }
        guard !lines.isEmpty else { return [] }
        let header = lines.removeFirst()
        func column(_ name: String) -> Int { header.firstIndex(of: name) ?? Int.max }
        return lines.compactMap { fields -> Row? in
            func field(_ name: String) -> String { column(name) < fields.count ? fields[column(name)] : "" }
            guard let format = LockfileFormat(rawValue: field("format")), format == .yarnClassic || format == .yarnBerry
            else { return nil }
            return Row(
                file: field("file"), format: format, formatVersion: field("format_version"),
                expectedCount: Int(field("expected_count")) ?? -1, withIntegrity: Int(field("with_integrity")) ?? -1,
                nonRegistry: Int(field("non_registry")) ?? -1, localLinks: Int(field("local_links")) ?? -1)
        }
    }()

    @Test("every yarn MANIFEST row is present", .enabled(if: TestPaths.sharedLockfilesPresent, "../shared is absent"))
    func manifestHasYarnRows() {
        #expect(Self.rows.filter { $0.format == .yarnClassic }.count >= 3)
        #expect(Self.rows.filter { $0.format == .yarnBerry }.count >= 4)
    }

    @Test(
        "counts match MANIFEST.tsv", .enabled(if: TestPaths.sharedLockfilesPresent, "../shared is absent"),
        arguments: rows)
    func countsMatchManifest(_ row: Row) throws {
        let data = try Data(contentsOf: TestPaths.sharedLockfiles.appendingPathComponent(row.file))
        let context = ParseContext(path: row.file)
        let contents: LockfileContents =
            switch row.format {
            case .yarnClassic: try YarnClassicParser().parse(data, format: row.format, context: context)
            default: try YarnBerryParser().parse(data, format: row.format, context: context)
            }
        #expect(contents.packages.count == row.expectedCount)
        #expect(contents.localLinks.count == row.localLinks)
        let withIntegrity = contents.packages.filter { !$0.integrity.isEmpty }.count
        #expect(withIntegrity == row.withIntegrity + (Self.sha1FragmentOnly[row.file] ?? 0))
        let nonRegistry = contents.packages.filter { $0.source.kind == .git || $0.source.kind == .tarball }.count
        #expect(nonRegistry == row.nonRegistry)
        #expect(contents.formatVersion == row.formatVersion)
        #expect(contents.packages.allSatisfy { $0.location.line >= 1 && $0.location.column == 1 })
        let ids = contents.packages.map(\.id)
        #expect(Set(ids).count == ids.count)
    }
}
