import Foundation
import Lockfile
import LockgateCore
import Testing

/// lockfileVersion 2 and 3: `packages` keyed by install path.
@Suite struct NPMPackagesTests {
    private func parse(_ fixture: String) throws -> LockfileContents {
        try NPMLockParser().parse(
            TestPaths.fixture("npm/\(fixture)"), format: .npm, context: ParseContext(path: fixture))
    }

    @Test("v2 with both sections reads packages and ignores the legacy dependencies tree")
    func bothSections() throws {
        let contents = try parse("v2-both-sections.json")
        #expect(contents.formatVersion == "2")
        #expect(contents.packages.map(\.id) == [
            "npm-bundled@1.1.2", "npm-normalize-package-bin@1.0.1", "typescript@4.9.5",
        ])
        #expect(!contents.packages.contains { $0.name == "legacy-only" })
        #expect(contents.packages[0].location == SourceLocation(line: 14, column: 5))
    }

    @Test("inBundle entries are bundled and carry no integrity")
    func inBundle() throws {
        let bundled = try #require(try parse("v2-both-sections.json").packages.first { $0.bundled })
        #expect(bundled.name == "npm-normalize-package-bin")
        #expect(bundled.integrity.isEmpty)
        #expect(bundled.location == SourceLocation(line: 22, column: 5))
    }

    @Test("devOptional is neither dev-only nor optional")
    func devOptional() throws {
        let typescript = try #require(try parse("v2-both-sections.json").packages.last)
        #expect(typescript.name == "typescript")
        #expect(!typescript.dev && !typescript.optional)
    }

    @Test("workspace folders and link: true entries are local links; nested workspace deps are packages")
    func workspaces() throws {
        let contents = try parse("v3-workspaces.json")
        #expect(contents.packages.map(\.id) == ["semver@7.6.3", "semver@6.3.1"])
        #expect(contents.packages[1].location == SourceLocation(line: 33, column: 5))
        #expect(contents.localLinks.map(\.kind) == [.link, .link, .workspace, .workspace, .directory])
        let first = contents.localLinks[0]
        #expect(first.name == "@demo/arborist" && first.path == "workspaces/arborist")
        #expect(first.location == SourceLocation(line: 13, column: 5))
        let folder = contents.localLinks[2]
        #expect(folder.name == "@demo/arborist" && folder.path == "workspaces/arborist")
        #expect(contents.localLinks[4].path == "file:../local-dir")
    }

    @Test("an alias path collapses with the real package and records the alias; scoped and nested names")
    func aliases() throws {
        let contents = try parse("v3-aliases.json")
        #expect(contents.packages.map(\.id) == ["string-width@4.2.3", "@isaacs/cliui@8.0.2", "string-width@5.1.2"])
        let width = contents.packages[0]
        #expect(width.aliases == ["string-width-cjs"])
        #expect(width.location == SourceLocation(line: 9, column: 5))
        #expect(width.dev)
        #expect(contents.packages[2].location == SourceLocation(line: 27, column: 5))
    }

    @Test("resolved kinds: file: tarball, alternate registry host, git, plain URL, omitted")
    func sources() throws {
        let contents = try parse("v3-sources.json")
        let byName = Dictionary(contents.packages.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(byName["graphql"]?.source == PackageSource(kind: .tarball, url: "file:graphql-16.12.0.tgz"))
        #expect(byName["graphql"]?.integrity.isEmpty == false)
        let host = "https://us-npm.pkg.dev/proj/repo/@google/private/-/private-1.0.0.tgz"
        #expect(byName["@google/private"]?.source == PackageSource(kind: .registry, url: host))
        #expect(byName["from-git"]?.source.kind == .git)
        #expect(byName["from-url"]?.source == PackageSource(
            kind: .tarball, url: "https://example.com/downloads/from-url.tar.gz"))
        let bare = try #require(byName["bare"])
        #expect(bare.source == .registry && bare.integrity.isEmpty && bare.dev)
        let fsevents = try #require(byName["fsevents"])
        #expect(fsevents.optional && !fsevents.dev)
        #expect(byName["never-installed"] == nil)
        #expect(contents.packages.count == 6)
    }
}
