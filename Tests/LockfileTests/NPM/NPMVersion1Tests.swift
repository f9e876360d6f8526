import Foundation
import Lockfile
import LockgateCore
import Testing

/// lockfileVersion 1: the nested `dependencies` tree, bundled nodes, aliases, and `version` URLs and git specs.
@Suite struct NPMVersion1Tests {
    private func parse(_ fixture: String, format: LockfileFormat = .npm) throws -> LockfileContents {
        try NPMLockParser().parse(
            TestPaths.fixture("npm/\(fixture)"), format: format, context: ParseContext(path: fixture))
    }

    @Test("bundled nodes without resolved or integrity count, collapse with the top-level copy")
    func bundledNodes() throws {
        let contents = try parse("v1-bundled.json")
        #expect(contents.formatVersion == "1")
        #expect(contents.packages.map(\.id) == ["fsevents@1.2.13", "abbrev@1.1.1", "nan@2.14.0", "string-width@4.2.3"])
        let fsevents = contents.packages[0]
        #expect(fsevents.location == SourceLocation(line: 7, column: 5))
        #expect(fsevents.dev && fsevents.optional && !fsevents.bundled)
        #expect(fsevents.source == PackageSource(
            kind: .registry, url: "https://registry.npmjs.org/fsevents/-/fsevents-1.2.13.tgz"))
        #expect(fsevents.integrity.map(\.algorithm) == [.sha512])
        // The bundled copy comes first in the file, so it keeps its location; the top-level copy is not bundled,
        // not dev and carries the integrity.
        let abbrev = contents.packages[1]
        #expect(abbrev.location == SourceLocation(line: 17, column: 9))
        #expect(!abbrev.bundled && !abbrev.dev && !abbrev.optional)
        #expect(abbrev.integrity.map(\.description) == ["sha1:f8f2c887ad10bf67f634f005b6987fed3179aac8"])
        let nan = contents.packages[2]
        #expect(nan.bundled && nan.dev && nan.optional && nan.integrity.isEmpty)
        #expect(nan.source == .registry)
    }

    @Test("an npm: alias in a v1 tree counts under the real name and records the alias")
    func aliasVersion() throws {
        let contents = try parse("v1-bundled.json")
        let alias = try #require(contents.packages.first { $0.name == "string-width" })
        #expect(alias.version == "4.2.3")
        #expect(alias.aliases == ["string-width-cjs"])
        #expect(alias.location == SourceLocation(line: 36, column: 5))
    }

    @Test("a file: directory version is a local link")
    func fileDirectoryVersion() throws {
        let contents = try parse("v1-bundled.json")
        #expect(contents.localLinks == [
            LocalLink(name: "local-lib", path: "file:packages/local-lib", kind: .link,
                      location: SourceLocation(line: 41, column: 5))
        ])
    }

    @Test("URL versions: GitHub archive → tarball, registry archive URL → registry with the file name's version")
    func urlVersions() throws {
        let contents = try parse("v1-url-versions.json", format: .npmShrinkwrap)
        let byName = Dictionary(contents.packages.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let http2 = try #require(byName["http2"])
        let archive = "https://github.com/node-apn/node-http2/archive/apn-2.1.4.tar.gz"
        #expect(http2.source == PackageSource(kind: .tarball, url: archive))
        #expect(http2.version == archive)
        #expect(!http2.integrity.isEmpty)
        let uuid = try #require(byName["node-uuid"])
        #expect(uuid.version == "1.4.7")
        #expect(uuid.source == PackageSource(
            kind: .registry, url: "https://registry.npmjs.org/node-uuid/-/node-uuid-1.4.7.tgz"))
        #expect(uuid.location == SourceLocation(line: 16, column: 9))
        let types = try #require(byName["@types/node"])
        #expect(types.version == "14.0.1")
        #expect(types.integrity.isEmpty)
    }

    @Test("git specs as versions are git sources without integrity")
    func gitVersions() throws {
        let contents = try parse("v1-url-versions.json", format: .npmShrinkwrap)
        let git = contents.packages.filter { $0.source.kind == .git }
        #expect(git.map(\.name) == ["bonjour", "unbzip2-stream"])
        #expect(git.allSatisfy { $0.integrity.isEmpty && $0.source.url == $0.version })
        #expect(git[1].source.url == "github:balena-io-modules/unbzip2-stream#4a54f56a25b58950f9e4277c56db2912d62242e7")
    }

    @Test("a file: archive version is a tarball source")
    func fileArchiveVersion() throws {
        let contents = try parse("v1-url-versions.json", format: .npmShrinkwrap)
        let vendored = try #require(contents.packages.first { $0.name == "vendored" })
        #expect(vendored.source == PackageSource(kind: .tarball, url: "file:vendor/vendored-1.0.0.tgz"))
        #expect(contents.packages.count == 7)
        #expect(contents.format == .npmShrinkwrap)
    }

    @Test("a file without lockfileVersion but with dependencies is read as version 1")
    func missingVersion() throws {
        let text = #"{"dependencies": {"a": {"version": "1.0.0"}, "b": {"version": "2.0.0", "dev": true}}}"#
        let contents = try NPMLockParser().parse(text: text, format: .npm)
        #expect(contents.formatVersion == nil)
        #expect(contents.packages.map(\.id) == ["a@1.0.0", "b@2.0.0"])
        #expect(contents.packages[1].location == SourceLocation(line: 1, column: 46))
    }

    @Test("a dependency tree nested as deep as the JSON depth cap allows parses; one level deeper throws")
    func deepTree() throws {
        func tree(levels: Int) -> String {
            let node = "{\"a\": {\"version\": \"1.0.0\", \"dependencies\": "
            return "{\"lockfileVersion\": 1, \"dependencies\": " + String(repeating: node, count: levels) + "{}"
                + String(repeating: "}}", count: levels) + "}"
        }
        // The document, then two JSON levels per tree level, then the innermost empty object.
        let contents = try NPMLockParser().parse(text: tree(levels: 127), format: .npm)
        #expect(contents.packages.map(\.id) == ["a@1.0.0"])
        let error = #expect(throws: LockfileError.self) {
            try NPMLockParser().parse(text: tree(levels: 128), format: .npm)
        }
        #expect(error?.message.contains("nesting deeper than 256 levels") == true)
    }

    @Test("a v1 file with no dependencies is empty")
    func emptyVersion1() throws {
        let contents = try NPMLockParser().parse(text: #"{"lockfileVersion": 1, "requires": true}"#, format: .npm)
        #expect(contents.packages.isEmpty && contents.localLinks.isEmpty)
    }
}
