import Foundation
import Lockfile
import LockgateCore
import Testing

/// Pipfile.lock sections, pins, sources, hashes and local links.
@Suite struct PipfileLockParserTests {
    private func parse(_ fixture: String) throws -> LockfileContents {
        try PipfileLockParser().parse(
            TestPaths.fixture("pipfile/\(fixture)"), format: .pipfile, context: ParseContext(path: fixture))
    }

    @Test("the editable project root is a local link, not a package")
    func editableRoot() throws {
        let contents = try parse("editable-root.Pipfile.lock")
        #expect(contents.formatVersion == "6")
        #expect(contents.localLinks == [
            LocalLink(name: "responder", path: ".", kind: .editable, location: SourceLocation(line: 17, column: 9))
        ])
        #expect(contents.packages.map(\.id) == ["starlette@0.13.8"])
        let starlette = contents.packages[0]
        #expect(starlette.ecosystem == .pypi && starlette.pinned && !starlette.dev && starlette.source == .registry)
        #expect(starlette.location == SourceLocation(line: 21, column: 9))
        #expect(starlette.integrity == [Integrity(
            algorithm: .sha256, hex: "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb")])
    }

    @Test("a package in default and develop collapses (not dev); develop-only packages are dev; names are PEP 503")
    func overlap() throws {
        let contents = try parse("overlap.Pipfile.lock")
        #expect(contents.packages.map(\.id) == [
            "zope-interface@6.1", "certifi@2024.2.2", "pytest@8.0.0", "certifi@2023.7.22",
        ])
        let zope = contents.packages[0]
        #expect(!zope.dev)
        #expect(zope.location == SourceLocation(line: 9, column: 9))
        #expect(zope.integrity.count == 3)
        #expect(contents.packages[2].dev && contents.packages[3].dev)
        #expect(!contents.packages[1].dev)
    }

    @Test("pipfile-spec 2: _meta after the sections, host-environment-markers, an entry without hashes")
    func spec2() throws {
        let contents = try parse("spec2.Pipfile.lock")
        #expect(contents.formatVersion == "2")
        #expect(contents.packages.map(\.id) == ["requests@2.18.4", "pipenv@6.2.0"])
        #expect(contents.packages[1].integrity.isEmpty && contents.packages[1].pinned)
        #expect(contents.packages[1].location == SourceLocation(line: 9, column: 9))
    }

    @Test("git with and without a ref, file URLs, directories, ranges and entries without a version")
    func sources() throws {
        let contents = try parse("sources.Pipfile.lock")
        let byName = Dictionary(contents.packages.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let git = try #require(byName["from-git"])
        #expect(git.source == PackageSource(kind: .git, url: "https://github.com/owner/from-git.git"))
        #expect(git.version == "0123456789abcdef0123456789abcdef01234567" && git.pinned)
        let floating = try #require(byName["floating-git"])
        #expect(floating.source.kind == .git && !floating.pinned && floating.version.isEmpty)
        let file = try #require(byName["from-file"])
        #expect(file.source == PackageSource(kind: .tarball, url: "https://example.com/dist/from_file-1.0.tar.gz"))
        #expect(!file.pinned)
        #expect(contents.localLinks == [
            LocalLink(
                name: "vendored", path: "./vendor/vendored", kind: .directory,
                location: SourceLocation(line: 16, column: 9))
        ])
        #expect(byName["ranged"].map { ($0.version, $0.pinned) } ?? ("", true) == (">=1.0", false))
        #expect(byName["starred"].map { ($0.version, $0.pinned) } ?? ("", true) == ("==1.*", false))
        #expect(byName["bare"].map { ($0.version, $0.pinned) } ?? ("x", true) == ("", false))
        #expect(byName["exact"].map { ($0.version, $0.pinned) } ?? ("", false) == ("2.0", true))
        #expect(contents.packages.count == 7)
    }

    @Test("custom categories count as non-default (dev); null sections are empty")
    func categories() throws {
        let text = """
            {"_meta": {"pipfile-spec": 6}, "default": null, "docs": {"Sphinx": {"version": "==7.0.0"}}}
            """
        let contents = try PipfileLockParser().parse(text: text, format: .pipfile)
        #expect(contents.packages.map(\.id) == ["sphinx@7.0.0"])
        #expect(contents.packages[0].dev)
    }
}
