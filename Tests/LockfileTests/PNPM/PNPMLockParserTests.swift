import Foundation
import Lockfile
import LockgateCore
import Testing

private typealias CoreLocation = LockgateCore.SourceLocation

@Suite struct PNPMLockParserTests {
    private func parseFixture(_ name: String) throws -> LockfileContents {
        let data = try TestPaths.fixture("pnpm/\(name)")
        return try PNPMLockParser().parse(data, format: .pnpm, context: ParseContext(path: "pnpm-lock.yaml"))
    }

    private func package(_ contents: LockfileContents, _ id: String) throws -> LockedPackage {
        try #require(contents.packages.first { $0.id == id }, "no package \(id) in \(contents.packages.map(\.id))")
    }

    @Test func v5KeysCollapsePeerSuffixes() throws {
        let contents = try parseFixture("v5-peer-suffixes.yaml")
        #expect(contents.formatVersion == "5.3")
        #expect(
            contents.packages.map(\.id) == [
                "@scope/plugin@1.0.0", "left-pad@1.3.0", "string-width@4.2.3", "@esbuild/android-arm@0.15.11",
                "repo-package@2.0.0",
            ])
        let plugin = try package(contents, "@scope/plugin@1.0.0")
        #expect(plugin.location == CoreLocation(line: 19, column: 3))
        #expect(plugin.dev == false, "dev only when every peer variant is dev")
        #expect(plugin.integrity.map(\.algorithm) == [.sha512])
        let leftPad = try package(contents, "left-pad@1.3.0")
        #expect(leftPad.integrity == [Integrity(algorithm: .sha1, hex: "e9d71f5ee7c92d6dc9e92ffdad17b8bd49418f98")])
    }

    @Test func v5RegistryRelativeTarballIsRegistry() throws {
        let contents = try parseFixture("v5-peer-suffixes.yaml")
        let esbuild = try package(contents, "@esbuild/android-arm@0.15.11")
        #expect(
            esbuild.source == PackageSource(kind: .registry, url: "%40esbuild%2Fandroid-arm/-/android-arm-0.15.11.tgz"))
        #expect(esbuild.optional && esbuild.dev)
        #expect(esbuild.integrity.count == 1)
    }

    @Test func v5GitKeyAndDirectoryPackage() throws {
        let contents = try parseFixture("v5-peer-suffixes.yaml")
        let repo = try package(contents, "repo-package@2.0.0")
        #expect(repo.source.kind == .git)
        #expect(repo.integrity.isEmpty)
        #expect(
            contents.localLinks == [
                LocalLink(
                    name: "local-tool", path: "../local-tool", kind: .link,
                    location: CoreLocation(line: 11, column: 3)),
                LocalLink(
                    name: "local-dir", path: "packages/local-dir", kind: .directory,
                    location: CoreLocation(line: 54, column: 3)),
            ])
    }

    @Test func v5AliasesAreRecorded() throws {
        let contents = try parseFixture("v5-peer-suffixes.yaml")
        #expect(try package(contents, "string-width@4.2.3").aliases == ["string-width-cjs"])
    }

    @Test func v6KeysWithParenthesisedPeers() throws {
        let contents = try parseFixture("v6-non-workspace.yaml")
        #expect(contents.formatVersion == "6.0")
        #expect(contents.packages.map(\.id) == ["@scope/plugin@1.0.0", "string-width@4.2.3", "emoji-regex@8.0.0"])
        #expect(contents.packages.allSatisfy { $0.dev })
        #expect(try package(contents, "emoji-regex@8.0.0").optional)
        #expect(try package(contents, "string-width@4.2.3").aliases == ["string-width-cjs"])
        #expect(contents.localLinks.map(\.name) == ["linked"])
        #expect(contents.localLinks.first?.location == CoreLocation(line: 14, column: 3))
    }

    @Test func v9PackagesCountAndSnapshotsOnlyCollapse() throws {
        let contents = try parseFixture("v9-workspace.yaml")
        #expect(contents.formatVersion == "9.0")
        #expect(
            contents.packages.map(\.id) == [
                "@vitejs/plugin-legacy@7.2.0", "chokidar@3.6.0", "fsevents@2.3.3", "git-dep@1.0.0", "repo-dep@1.1.0",
                "string-width@4.2.3",
            ])
        #expect(try package(contents, "fsevents@2.3.3").optional)
        #expect(try package(contents, "chokidar@3.6.0").optional == false)
        #expect(try package(contents, "string-width@4.2.3").aliases == ["string-width-cjs"])
        #expect(try package(contents, "chokidar@3.6.0").location == CoreLocation(line: 48, column: 3))
    }

    @Test func v9TarballOnlyResolutionHasNoIntegrity() throws {
        let contents = try parseFixture("v9-workspace.yaml")
        let legacy = try package(contents, "@vitejs/plugin-legacy@7.2.0")
        #expect(legacy.source.kind == .tarball)
        #expect(legacy.source.url == "https://pkg.pr.new/vitejs/rolldown-vite/@vitejs/plugin-legacy@a2594ec")
        #expect(legacy.integrity.isEmpty)
        #expect(contents.packages.filter { !$0.integrity.isEmpty }.count == 3)
    }

    @Test func v9GitSources() throws {
        let contents = try parseFixture("v9-workspace.yaml")
        #expect(try package(contents, "git-dep@1.0.0").source.kind == .git)
        let repo = try package(contents, "repo-dep@1.1.0")
        #expect(
            repo.source
                == PackageSource(
                    kind: .git, url: "https://github.com/user/repo-dep.git#0123456789abcdef0123456789abcdef01234567"))
    }

    @Test func v9ImporterLinksAndFileDirectories() throws {
        let contents = try parseFixture("v9-workspace.yaml")
        #expect(contents.localLinks.map(\.kind) == [.link, .link, .directory])
        #expect(contents.localLinks.map(\.path) == ["packages/vite", "src/types", "packages/vite/fixtures/test-dep"])
        #expect(contents.localLinks.map(\.name) == ["vite", "types", "test-dep"])
    }

    @Test func multipleDocumentsAreMerged() throws {
        let text = """
            lockfileVersion: '9.0'
            importers:
              .:
                packageManagerDependencies:
                  pnpm:
                    specifier: 10.0.0
                    version: 10.0.0
            packages:
              pnpm@10.0.0:
                resolution: {integrity: sha1-6dcfXufJLW3J6S/9rRe4vUlBj5g=}
            ---
            lockfileVersion: '9.0'
            packages:
              left-pad@1.3.0:
                resolution: {integrity: sha1-6dcfXufJLW3J6S/9rRe4vUlBj5g=}
            """
        let contents = try PNPMLockParser().parse(text: text, format: .pnpm)
        #expect(contents.packages.map(\.id) == ["pnpm@10.0.0", "left-pad@1.3.0"])
        #expect(contents.packages.last?.location == CoreLocation(line: 14, column: 3))
    }

    @Test func emptyPackagesSectionIsAllowed() throws {
        let contents = try PNPMLockParser().parse(
            text: "lockfileVersion: '9.0'\n\nimporters:\n\n  .: {}\n", format: .pnpm)
        #expect(contents.packages.isEmpty && contents.localLinks.isEmpty)
    }
}
