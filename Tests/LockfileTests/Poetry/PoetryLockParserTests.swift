import Foundation
import Lockfile
import LockgateCore
import Testing

/// The poetry.lock layouts and sources, on small fixtures in Fixtures/poetry.
@Suite struct PoetryLockParserTests {
    private func parse(_ fixture: String) throws -> LockfileContents {
        try PoetryLockParser().parse(
            TestPaths.fixture("poetry/\(fixture)"), format: .poetry, context: ParseContext(path: fixture))
    }

    private func package(_ name: String, in contents: LockfileContents) throws -> LockedPackage {
        try #require(contents.packages.first { $0.name == name }, "no package \(name)")
    }

    @Test func filesInlineLayoutWithEverySourceType() throws {
        let contents = try parse("files-inline-git.lock")
        #expect(contents.formatVersion == "2.1")
        #expect(
            contents.packages.map(\.id) == [
                "requests@2.32.3", "poetry-core@2.1.0", "pytest@8.3.4", "private-lib@1.0.0", "vendored@0.1.0",
                "wheelhouse@3.0",
            ])

        let requests = try package("requests", in: contents)
        #expect(requests.location == SourceLocation(line: 3, column: 1))
        #expect(requests.source == .registry)
        #expect(
            requests.integrity.map(\.description) == [
                "sha256:70761cfe03c773ceb22aa2f671b4757976145175cdfca038c02654d061d6dcc6",
                "sha256:55365417734eb18255590a9ff9eb97e9e1da868d4ccd6402399eaf68af20a760",
            ])
        #expect(!requests.dev && !requests.optional)

        let git = try package("poetry-core", in: contents)
        #expect(git.location == SourceLocation(line: 18, column: 1))
        #expect(
            git.source
                == PackageSource(
                    kind: .git,
                    url: "https://github.com/python-poetry/poetry-core.git#e3998b0e111dc03e4aa721fd054c48e5c7de6fc5"))
        #expect(git.integrity.isEmpty)

        #expect(try package("pytest", in: contents).dev)
        let privateLib = try package("private-lib", in: contents)
        #expect(privateLib.optional)
        #expect(privateLib.source == PackageSource(kind: .registry, url: "https://pypi.example.com/simple"))
        #expect(
            try package("vendored", in: contents).source
                == PackageSource(kind: .tarball, url: "https://example.com/downloads/vendored-0.1.0.tar.gz"))
        #expect(
            try package("wheelhouse", in: contents).source
                == PackageSource(kind: .tarball, url: "wheels/wheelhouse-3.0-py3-none-any.whl"))

        #expect(contents.localLinks.map(\.name) == ["sibling", "checkout"])
        #expect(contents.localLinks.map(\.kind) == [.editable, .directory])
        #expect(contents.localLinks.map(\.path) == ["../sibling", "../checkout"])
        #expect(contents.localLinks.first?.location.column == 1)
    }

    @Test func metadataFilesLayoutAppliesHashesByNormalisedName() throws {
        let contents = try parse("metadata-files.lock")
        #expect(contents.formatVersion == "1.0")
        #expect(contents.packages.map(\.id) == ["ruamel-yaml@0.16.12", "atomicwrites@1.4.0", "nohash@1.0"])
        #expect(try package("ruamel-yaml", in: contents).integrity.count == 2)
        let atomicwrites = try package("atomicwrites", in: contents)
        #expect(atomicwrites.dev)
        #expect(
            atomicwrites.integrity == [
                Integrity(
                    algorithm: .sha256, hex: "6d1784dea7c0c8d4a5172b6c620f40b6e4cbfdf96d783691f2e1302a7b88e197")
            ])
        let nohash = try package("nohash", in: contents)
        #expect(nohash.integrity.isEmpty)
        #expect(nohash.optional)
    }

    @Test func metadataHashesLayoutGivesEveryVersionOfANameItsHashes() throws {
        let contents = try parse("metadata-hashes.lock")
        #expect(contents.formatVersion == "pre-1.0")
        #expect(contents.packages.map(\.id) == ["enum34@1.1.6", "enum34@1.1.10", "aspy-yaml@1.3.0"])
        let enums = contents.packages.filter { $0.name == "enum34" }
        #expect(enums.map(\.location.line) == [1, 10])
        for version in enums {
            #expect(
                version.integrity.map(\.description) == [
                    "sha256:2d81cbbe0e73112bdfe6ef8576f2238f2ba27dd0d55752a776c41d38b7da2850",
                    "sha256:644837f692e5f550741432dd3f223bbb9852018674981b1664e5dc339387588a",
                ])
        }
        #expect(try package("aspy-yaml", in: contents).dev)
    }

    @Test func emptyProjectHasNoPackages() throws {
        let contents = try PoetryLockParser().parse(
            text: "package = []\n\n[metadata]\nlock-version = \"2.0\"\n", format: .poetry)
        #expect(contents.packages.isEmpty)
        #expect(contents.formatVersion == "2.0")
    }

    @Test func sameNameAndVersionTwiceIsOnePackage() throws {
        let text = """
            [[package]]
            name = "Foo_Bar"
            version = "1.0"

            [[package]]
            name = "foo.bar"
            version = "1.0"

            [metadata]
            lock-version = "2.0"
            """
        let contents = try PoetryLockParser().parse(text: text, format: .poetry)
        #expect(contents.packages.map(\.id) == ["foo-bar@1.0"])
        #expect(contents.packages.first?.location == SourceLocation(line: 1, column: 1))
    }
}
