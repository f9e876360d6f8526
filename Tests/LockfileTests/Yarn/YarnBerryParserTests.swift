import Foundation
import Lockfile
import LockgateCore
import Testing

/// The yarn berry edge cases named in MANIFEST.tsv, each on a small fixture of its own.
@Suite struct YarnBerryParserTests {
    private static let hashA =
        "1f40fc92da241694750979ee6cf582f2d5d7d28e18335de05abc54d0560e0f53"
        + "02860c652bf08d560252aa5e74210546f369fbbbce8c12cfc7957b2652fe9a75"
    private static let hashB =
        "5267768822ee624d48fce15ec5ca79cbd602cb7f4c2157a516556991f22ef8c7"
        + "b5ef7b18d1ff41c59370efb0858651d44a936c11b7b144c48fe04df3c6a3e8da"
    private static let hashC =
        "acc28db2beb7b42baa1cb0243d401ccb4e3fce44d7b02879a52799aadff54152"
        + "2d8822598b2fa664f9d5156c00c924805d75c3868bd56c2acb81d37e98e35adc"

    private func parse(_ fixture: String) throws -> LockfileContents {
        let name = "yarn-berry/\(fixture).lock"
        return try YarnBerryParser().parse(
            TestPaths.fixture(name), format: .yarnBerry, context: ParseContext(path: name))
    }

    private func package(_ name: String, in contents: LockfileContents) throws -> LockedPackage {
        try #require(contents.packages.first { $0.name == name })
    }

    @Test func checksumsDropTheCacheKeyPrefix() throws {
        let contents = try parse("cachekey-checksums")
        #expect(contents.formatVersion == "8")
        #expect(
            try package("@ai-sdk/gateway", in: contents).integrity == [
                Integrity(algorithm: .yarnBerry, hex: Self.hashA)
            ])
        #expect(try package("bare-hex", in: contents).integrity == [Integrity(algorithm: .yarnBerry, hex: Self.hashB)])
        #expect(try package("c0-prefix", in: contents).integrity == [Integrity(algorithm: .yarnBerry, hex: Self.hashC)])
        let gateway = try package("@ai-sdk/gateway", in: contents)
        #expect(gateway.version == "1.0.39")
        #expect(gateway.source == .registry)
        #expect(gateway.location == SourceLocation(line: 8, column: 1))
    }

    @Test func patchEntriesCollapseWithTheirOriginal() throws {
        let contents = try parse("patch-collapse")
        #expect(contents.packages.map(\.id) == ["resolve@1.22.1", "lru-cache@10.4.3"])
        let resolve = try package("resolve", in: contents)
        #expect(resolve.location == SourceLocation(line: 5, column: 1))
        #expect(resolve.source.kind == .registry)
        #expect(resolve.integrity.count == 2)
        // A patch of a workspace is still a workspace.
        #expect(contents.localLinks.map(\.kind) == [.workspace])
        #expect(contents.localLinks.first?.path == "packages/local-lib")
    }

    @Test func workspacesLinksAndDirectoriesAreLocalLinks() throws {
        let contents = try parse("workspaces")
        #expect(contents.formatVersion == "4")
        let links = contents.localLinks.map { "\($0.name ?? "")|\($0.path)|\($0.kind.rawValue)" }
        #expect(
            links == [
                "@babel/core|packages/babel-core|workspace",
                "@babel/helper|packages/babel-helper|workspace",
                "@types/babel__core|./nope|link",
                "portal-pkg|../portal-pkg|link",
                "dir-pkg|./vendor/dir-pkg|directory",
                "babel|.|workspace",
            ])
        #expect(contents.localLinks.first?.location == SourceLocation(line: 5, column: 1))
        #expect(contents.packages.map(\.id) == ["tgz-pkg@1.0.0", "typescript@4.2.3"])
        #expect(try package("tgz-pkg", in: contents).source.kind == .tarball)
        #expect(try package("typescript", in: contents).source.kind == .registry)
    }

    @Test func aliasKeysCountUnderTheResolutionName() throws {
        let contents = try parse("alias-keys")
        #expect(contents.packages.map(\.id) == ["@babel/core@8.0.0-beta.2", "string-width@4.2.3"])
        #expect(try package("@babel/core", in: contents).aliases == ["@babel-8/core"])
        #expect(try package("@babel/core", in: contents).location == SourceLocation(line: 5, column: 1))
        #expect(try package("string-width", in: contents).aliases == ["string-width-cjs"])
    }

    @Test func conditionalEntriesWithoutChecksumHaveNoIntegrity() throws {
        let contents = try parse("conditions")
        #expect(
            contents.packages.map(\.id) == [
                "@esbuild/darwin-arm64@0.25.5", "@esbuild/linux-x64@0.25.5", "fsevents@2.3.3",
                "lightningcss-linux-x64-gnu@1.30.1",
            ])
        #expect(contents.packages.filter { !$0.integrity.isEmpty }.map(\.name) == ["lightningcss-linux-x64-gnu"])
        #expect(contents.packages.allSatisfy { $0.source.kind == .registry })
    }

    @Test func gitResolutionWithChecksumIsNonRegistry() throws {
        let contents = try parse("git-checksum")
        let srcset = try package("parse-srcset", in: contents)
        #expect(srcset.version == "1.0.2")
        #expect(
            srcset.source
                == PackageSource(
                    kind: .git,
                    url: "https://github.com/ikatyang/parse-srcset.git#commit=54eb9c1cb21db5c62b4d0e275d7249516df6f0ee")
        )
        #expect(srcset.integrity == [Integrity(algorithm: .yarnBerry, hex: Self.hashA)])
        let tarball = try package("tarball-dep", in: contents)
        #expect(
            tarball.source == PackageSource(kind: .tarball, url: "https://example.com/downloads/tarball-dep-3.0.0.tgz"))
        #expect(try package("generated", in: contents).source.kind == .tarball)
    }

    @Test func tinyV10WithRootWorkspace() throws {
        let contents = try parse("tiny-v10")
        #expect(contents.formatVersion == "10")
        #expect(contents.packages.map(\.id) == ["ansi-regex@6.1.0"])
        #expect(
            try package("ansi-regex", in: contents).integrity == [Integrity(algorithm: .yarnBerry, hex: Self.hashA)])
        #expect(
            contents.localLinks == [
                LocalLink(
                    name: "root-workspace-0b6124", path: ".", kind: .workspace,
                    location: SourceLocation(line: 15, column: 1))
            ])
    }

    @Test func metadataOnlyFileHasNoPackages() throws {
        let contents = try YarnBerryParser().parse(
            text: "__metadata:\n  version: 8\n  cacheKey: 10\n", format: .yarnBerry)
        #expect(contents.formatVersion == "8")
        #expect(contents.packages.isEmpty)
    }
}
