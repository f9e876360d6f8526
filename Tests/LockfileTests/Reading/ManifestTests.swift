import Foundation
import Lockfile
import LockgateCore
import Testing

/// One row of ../shared/lockfiles/MANIFEST.tsv.
struct ManifestRow: Sendable, CustomTestStringConvertible {
    var file: String
    var format: String
    var formatVersion: String
    var expectedCount: Int
    var withIntegrity: Int
    var nonRegistry: Int
    var localLinks: Int

    var testDescription: String { file }

    /// Every row, or none when ../shared is absent.
    static let all: [ManifestRow] = {
        let manifest = TestPaths.sharedLockfiles.appendingPathComponent("MANIFEST.tsv")
        guard let text = try? String(contentsOf: manifest, encoding: .utf8) else { return [] }
        let lines = text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        guard let header = lines.first?.map(String.init) else { return [] }
        func column(_ name: String) -> Int { header.firstIndex(of: name) ?? 0 }
        return lines.dropFirst().compactMap { fields in
            guard fields.count == header.count else { return nil }
            return ManifestRow(
                file: String(fields[column("file")]), format: String(fields[column("format")]),
                formatVersion: String(fields[column("format_version")]),
                expectedCount: Int(fields[column("expected_count")]) ?? -1,
                withIntegrity: Int(fields[column("with_integrity")]) ?? -1,
                nonRegistry: Int(fields[column("non_registry")]) ?? -1,
                localLinks: Int(fields[column("local_links")]) ?? -1)
        }
    }()
}

/// Reads every real lockfile in ../shared/lockfiles through format detection and checks the manifest's counts.
@Suite(.enabled(if: TestPaths.sharedLockfilesPresent, "../shared/lockfiles is absent (it ships with the developers' checkout, not with lockgate)"))
struct ManifestTests {
    @Test func manifestListsEveryFile() throws {
        let rows = ManifestRow.all
        #expect(rows.count == 47)
        let folders = try FileManager.default.contentsOfDirectory(atPath: TestPaths.sharedLockfiles.path)
        var files: [String] = []
        for folder in folders {
            var isDirectory: ObjCBool = false
            let path = TestPaths.sharedLockfiles.appendingPathComponent(folder).path
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            files += try FileManager.default.contentsOfDirectory(atPath: path).map { "\(folder)/\($0)" }
        }
        #expect(Set(files) == Set(rows.map(\.file)))
    }

    @Test(arguments: ManifestRow.all)
    func detectedFormatAndCountsMatchTheManifest(_ row: ManifestRow) throws {
        let path = TestPaths.sharedLockfiles.appendingPathComponent(row.file).path
        if row.format == "requirements" {
            // Corpus file names are prefixed, so a `-r pip.txt` include does not resolve here; the requirements
            // parser's own manifest test maps includes to their prefixed siblings and checks the counts.
            #expect(LockfileDetector.format(forFileName: path) == .requirements)
            return
        }
        let contents = try LockfileReader().parse(
            Data(contentsOf: URL(fileURLWithPath: path)), path: path, format: nil)
        let expectedFormat: LockfileFormat? = switch row.format {
        case "npm": .npm
        case "npm-shrinkwrap": .npmShrinkwrap
        case "yarn-classic": .yarnClassic
        case "yarn-berry": .yarnBerry
        case "pnpm": .pnpm
        case "requirements": .requirements
        case "poetry": .poetry
        case "pipfile": .pipfile
        case "uv": .uv
        default: nil
        }
        #expect(contents.format == expectedFormat)
        #expect(contents.packages.count == row.expectedCount)
        #expect(contents.localLinks.count == row.localLinks)
        #expect(contents.packages.allSatisfy { $0.location.line >= 1 && $0.location.column >= 1 })
    }
}
