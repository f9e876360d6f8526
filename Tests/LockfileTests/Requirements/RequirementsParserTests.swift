import Foundation
import Lockfile
import LockgateCore
import Testing

private typealias CoreLocation = LockgateCore.SourceLocation

@Suite struct RequirementsParserTests {
    private func parseFixture(_ name: String) throws -> LockfileContents {
        let url = TestPaths.fixtures.appendingPathComponent("requirements/\(name)")
        return try RequirementsParser().parse(
            Data(contentsOf: url), format: .requirements, context: ParseContext(path: url.path))
    }

    private func package(_ contents: LockfileContents, _ id: String) throws -> LockedPackage {
        try #require(contents.packages.first { $0.id == id }, "no \(id) in \(contents.packages.map(\.id))")
    }

    @Test func hashesContinuationsExtrasAndMarkers() throws {
        let contents = try parseFixture("hashes.txt")
        #expect(contents.packages.map(\.id) == ["annotated-types@0.8.0", "pydantic@2.13.4", "cffi@1.17.1"])
        let annotated = try package(contents, "annotated-types@0.8.0")
        #expect(annotated.integrity.count == 2, "a hash repeated twice counts once")
        #expect(annotated.integrity.first?.algorithm == .sha256)
        #expect(annotated.location == CoreLocation(line: 6, column: 1))
        #expect(annotated.pinned && annotated.source == .registry)
        #expect(try package(contents, "pydantic@2.13.4").integrity.count == 1)
        #expect(try package(contents, "cffi@1.17.1").integrity.count == 1)
        #expect(contents.formatVersion == nil && contents.localLinks.isEmpty)
    }

    @Test func rangesWildcardsAndExclusionsAreNotPinned() throws {
        let contents = try parseFixture("ranges.txt")
        #expect(
            contents.packages.map(\.id) == [
                "sphinx@4.5.0", "blurb@", "sphinxext-opengraph@>=0.7.1", "python-docs-theme@>=2023.3.1,!=2023.7",
                "requests@~=2.31", "django@==3.2.*", "exact@1.0+local", "old-style@>=1.0", "django@3.2.12",
                "yamale@2.2.0", "jinja2@>=3.1.4",
            ])
        let pinned = contents.packages.filter(\.pinned).map(\.name)
        #expect(pinned == ["sphinx", "exact", "django", "yamale"])
        #expect(
            try package(contents, "python-docs-theme@>=2023.3.1,!=2023.7").location == CoreLocation(line: 7, column: 1))
    }

    @Test func constraintsFilesAreNotRead() throws {
        // ranges.txt ends with "-c constraints.txt", which does not exist: constraints are not requirements.
        let url = TestPaths.fixtures.appendingPathComponent("requirements/ranges.txt")
        let context = ParseContext(path: url.path) { path in
            Issue.record("read \(path)")
            return nil
        }
        _ = try RequirementsParser().parse(Data(contentsOf: url), format: .requirements, context: context)
    }

    @Test func urlsVCSDirectReferencesAndEditables() throws {
        let contents = try parseFixture("urls.txt")
        #expect(
            contents.packages.map(\.id) == [
                "werkzeug@", "some-package@", "unicode-slugify@0.1.5", "unicode-slugify@", "pkg@", "repo@", ".@",
                "local-lib@", "tool@", "thing@",
            ])
        #expect(
            contents.packages.map(\.source.kind) == [
                .tarball, .tarball, .git, .git, .tarball, .git, .path, .path, .git, .path,
            ])
        #expect(contents.packages.map(\.pinned) == [false, true, true, true, false, false, false, false, true, false])
        let werkzeug = try package(contents, "werkzeug@")
        #expect(werkzeug.source.url == "https://github.com/pallets/werkzeug/archive/refs/heads/main.tar.gz")
        #expect(werkzeug.location == CoreLocation(line: 1, column: 1))
        #expect(try package(contents, "unicode-slugify@").location == CoreLocation(line: 4, column: 1))
        #expect(try package(contents, "some-package@").integrity.count == 1)
        #expect(try package(contents, ".@").location == CoreLocation(line: 7, column: 4))
        #expect(contents.localLinks.isEmpty, "editable roots are packages, as the corpus counts them")
    }

    @Test func includesAreFollowedOnceWithACycleGuard() throws {
        let contents = try parseFixture("includes/base.txt")
        #expect(
            contents.packages.map(\.id) == ["child-package@2.0.0", "other-package@3.0.0", "base-package@1.0.0"])
        #expect(try package(contents, "child-package@2.0.0").location == CoreLocation(line: 1, column: 1))
        #expect(try package(contents, "other-package@3.0.0").location == CoreLocation(line: 2, column: 1))
        #expect(try package(contents, "base-package@1.0.0").location == CoreLocation(line: 4, column: 1))
    }

    @Test func includesResolveAgainstTheIncludingFile() throws {
        let files = [
            "project/requirements/main.txt": "-r dev/extra.txt\nmain==1.0\n",
            "project/requirements/dev/extra.txt": "-r ../../shared.txt\nextra==2.0\n",
            "project/shared.txt": "shared==3.0\n",
        ]
        let context = ParseContext(path: "project/requirements/main.txt") { path in files[path].map { Data($0.utf8) } }
        let data = Data(files["project/requirements/main.txt", default: ""].utf8)
        let contents = try RequirementsParser().parse(data, format: .requirements, context: context)
        #expect(contents.packages.map(\.id) == ["shared@3.0", "extra@2.0", "main@1.0"])
    }

    @Test func continuationEndingInACommentLineAndCRLF() throws {
        let text =
            "alpha==1.0 \\\r\n    # a comment ends the continuation\r\nbeta==2.0 \\\r\n  ; python_version < \"4\"\r\n"
        let contents = try RequirementsParser().parse(text: text, format: .requirements)
        #expect(contents.packages.map(\.id) == ["alpha@1.0", "beta@2.0"])
        #expect(contents.packages.last?.location == CoreLocation(line: 3, column: 1))
    }

    @Test func optionsAreIgnored() throws {
        let text = """
            -i https://pypi.org/simple
            --find-links=./wheels -f ./more
            --only-binary :all: --prefer-binary --require-hashes --no-index
            --use-feature=truststore
            --hash=sha256:13b2beaad985e05e2d6407ee4c4f35590b11f8d693a258a561055cac8f64cab7
            name==1.0 --config-settings key=value --global-option=--quiet
            """
        let contents = try RequirementsParser().parse(text: text, format: .requirements)
        #expect(contents.packages.map(\.id) == ["name@1.0"])
    }
}
