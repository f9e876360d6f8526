import Foundation
import Lockfile
import LockgateCore
import Testing

/// One MANIFEST.tsv row's expected numbers.
private struct RequirementsManifestRow: CustomStringConvertible {
    var file: String
    var sourcePath: String
    var expectedCount: Int
    var withIntegrity: Int
    var nonRegistry: Int
    var localLinks: Int

    var description: String { file }

    /// The requirements rows of ../shared/lockfiles/MANIFEST.tsv.
    static func rows() throws -> [RequirementsManifestRow] {
        let manifest = try String(
            contentsOf: TestPaths.sharedLockfiles.appendingPathComponent("MANIFEST.tsv"), encoding: .utf8)
        let lines = manifest.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        guard let header = lines.first else { return [] }
        let column = { (name: String) in header.firstIndex { $0 == name } ?? 0 }
        return lines.dropFirst().filter { $0.count == header.count && $0[column("format")] == "requirements" }.map {
            RequirementsManifestRow(
                file: String($0[column("file")]), sourcePath: String($0[column("source_path")]),
                expectedCount: Int($0[column("expected_count")]) ?? -1,
                withIntegrity: Int($0[column("with_integrity")]) ?? -1,
                nonRegistry: Int($0[column("non_registry")]) ?? -1, localLinks: Int($0[column("local_links")]) ?? -1)
        }
    }
}

@Suite struct RequirementsManifestTests {
    /// Reads includes the way the corpus stores them.
    ///
    /// A corpus file is `<owner>__<repo>@<commit>__<source path with / as _>`, so an include that resolves to
    /// `<corpus folder>/pip.txt` is the sibling with the same prefix and the including file's source directory:
    /// `<owner>__<repo>@<commit>__<source dir>_pip.txt`.
    private static func corpusReader(for row: RequirementsManifestRow) -> @Sendable (String) throws -> Data? {
        let folder = TestPaths.sharedLockfiles.appendingPathComponent(row.file).deletingLastPathComponent()
        let fileName = (row.file as NSString).lastPathComponent
        let prefix = String(fileName.dropLast(row.sourcePath.replacingOccurrences(of: "/", with: "_").count))
        let sourceDirectory = (row.sourcePath as NSString).deletingLastPathComponent
        return { path in
            guard path.hasPrefix(folder.path + "/") else { return nil }
            let relative = String(path.dropFirst(folder.path.count + 1))
            let sourcePath = sourceDirectory.isEmpty ? relative : sourceDirectory + "/" + relative
            let sibling = folder.appendingPathComponent(prefix + sourcePath.replacingOccurrences(of: "/", with: "_"))
            guard FileManager.default.fileExists(atPath: sibling.path) else { return nil }
            return try Data(contentsOf: sibling)
        }
    }

    @Test(
        .enabled(if: TestPaths.sharedLockfilesPresent, "../shared/lockfiles is absent (only on the project's machines)")
    )
    func everyRequirementsRowMatchesTheManifest() throws {
        let rows = try RequirementsManifestRow.rows()
        #expect(rows.count >= 8)
        for row in rows {
            let url = TestPaths.sharedLockfiles.appendingPathComponent(row.file)
            let context = ParseContext(path: url.path, readFile: Self.corpusReader(for: row))
            let contents = try RequirementsParser().parse(
                Data(contentsOf: url), format: .requirements, context: context)
            #expect(contents.packages.count == row.expectedCount, "\(row)")
            #expect(contents.localLinks.count == row.localLinks, "\(row)")
            #expect(contents.packages.filter { !$0.integrity.isEmpty }.count == row.withIntegrity, "\(row)")
            // count.py counts every requirement not served by an index (URLs, VCS, paths, editables) as non-registry.
            #expect(contents.packages.filter { $0.source.kind != .registry }.count == row.nonRegistry, "\(row)")
            #expect(contents.formatVersion == nil)
        }
    }

    @Test(
        .enabled(if: TestPaths.sharedLockfilesPresent, "../shared/lockfiles is absent (only on the project's machines)")
    )
    func includedPackagesTakeTheIncludeLineLocation() throws {
        let file = "requirements/readthedocs__readthedocs.org@bb090e8b4__requirements_testing.txt"
        let rows = try RequirementsManifestRow.rows()
        let row = try #require(rows.first { $0.file == file })
        let url = TestPaths.sharedLockfiles.appendingPathComponent(file)
        let context = ParseContext(path: url.path, readFile: Self.corpusReader(for: row))
        let contents = try RequirementsParser().parse(Data(contentsOf: url), format: .requirements, context: context)
        let django = try #require(contents.packages.first { $0.name == "django" })
        #expect(django.location == LockgateCore.SourceLocation(line: 3, column: 1))
        let pytest = try #require(contents.packages.first { $0.name == "pytest" })
        #expect(pytest.location == LockgateCore.SourceLocation(line: 6, column: 1))
        #expect(contents.packages.contains { $0.name == "unicode-slugify" && $0.source.kind == .git })
    }

    @Test(
        .enabled(if: TestPaths.sharedLockfilesPresent, "../shared/lockfiles is absent (only on the project's machines)")
    )
    func flaskBareArchiveURLsGetRepositoryNames() throws {
        let file = "requirements/pallets__flask@e78516650__requirements_tests-dev.txt"
        let data = try Data(contentsOf: TestPaths.sharedLockfiles.appendingPathComponent(file))
        let contents = try RequirementsParser().parse(data, format: .requirements, context: ParseContext(path: file))
        #expect(
            contents.packages.map(\.name) == ["werkzeug", "jinja", "markupsafe", "itsdangerous", "click", "blinker"])
        #expect(contents.packages.allSatisfy { $0.source.kind == .tarball && !$0.pinned && $0.version.isEmpty })
    }
}
