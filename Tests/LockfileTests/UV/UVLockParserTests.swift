import Foundation
import Lockfile
import LockgateCore
import Testing

/// uv.lock revisions, sources, forks and dev/optional flags, on small fixtures in Fixtures/uv.
@Suite struct UVLockParserTests {
    private func parse(_ fixture: String) throws -> LockfileContents {
        try UVLockParser().parse(TestPaths.fixture("uv/\(fixture)"), format: .uv, context: ParseContext(path: fixture))
    }

    private func package(_ id: String, in contents: LockfileContents) throws -> LockedPackage {
        try #require(contents.packages.first { $0.id == id }, "no package \(id)")
    }

    @Test func editableRootAndForkedVersions() throws {
        let contents = try parse("forked-editable.lock")
        #expect(contents.formatVersion == "1 (revision 3)")
        #expect(contents.packages.map(\.id) == ["click@8.1.8", "sphinx@8.1.3", "sphinx@8.2.3", "uvloop@0.21.0"])
        #expect(
            contents.localLinks == [
                LocalLink(name: "app", path: ".", kind: .editable, location: SourceLocation(line: 9, column: 1))
            ])

        let click = try package("click@8.1.8", in: contents)
        #expect(click.location == SourceLocation(line: 37, column: 1))
        #expect(
            click.source
                == PackageSource(
                    kind: .registry, url: "https://files.pythonhosted.org/packages/b9/2e/click-8.1.8.tar.gz"))
        #expect(
            click.integrity.map(\.description) == [
                "sha256:ed53c9d8990d83c2a27deae68e4ee337473f6330c040a31d4225c9574d16096a",
                "sha256:63c132bbbed01578a06712a2d1f497bb62d9c1c0d329b7903a866228027263b2",
            ])
        #expect(!click.dev && !click.optional)

        let sphinxLines = contents.packages.filter { $0.name == "sphinx" }.map(\.location.line)
        #expect(sphinxLines == [46, 61])
        #expect(try package("sphinx@8.1.3", in: contents).dev)
        #expect(try package("sphinx@8.2.3", in: contents).dev)
        let uvloop = try package("uvloop@0.21.0", in: contents)
        #expect(uvloop.optional && !uvloop.dev)
        #expect(uvloop.integrity.count == 1)
    }

    @Test func everySourceKindAndRevisionTwo() throws {
        let contents = try parse("sources-revision2.lock")
        #expect(contents.formatVersion == "1 (revision 2)")
        #expect(contents.packages.map(\.id) == ["fromgit@1.2.0", "fromurl@2.0.0", "localwheel@0.5.0"])
        #expect(
            try package("fromgit@1.2.0", in: contents).source
                == PackageSource(
                    kind: .git,
                    url: "https://github.com/example/fromgit?rev=main#0123456789abcdef0123456789abcdef01234567"))
        let fromURL = try package("fromurl@2.0.0", in: contents)
        #expect(fromURL.source == PackageSource(kind: .tarball, url: "https://example.com/fromurl-2.0.0.tar.gz"))
        #expect(fromURL.integrity.count == 1)
        let wheel = try package("localwheel@0.5.0", in: contents)
        #expect(wheel.source == PackageSource(kind: .tarball, url: "dist/localwheel-0.5.0-py3-none-any.whl"))
        #expect(wheel.integrity.count == 1)
        #expect(try package("fromgit@1.2.0", in: contents).integrity.isEmpty)

        #expect(contents.localLinks.map(\.name) == ["tool", "tool-plugin", "localdir"])
        #expect(contents.localLinks.map(\.kind) == [.workspace, .directory, .directory])
        #expect(contents.localLinks.map(\.path) == [".", "plugins/tool-plugin", "vendor/localdir"])
        #expect(contents.packages.allSatisfy { !$0.dev && !$0.optional })
    }

    @Test func versionWithoutRevision() throws {
        let contents = try parse("no-revision.lock")
        #expect(contents.formatVersion == "1")
        #expect(contents.packages.map(\.id) == ["idna@3.10"])
        #expect(contents.localLinks.isEmpty)
        #expect(contents.packages.first?.integrity.count == 2)
    }

    @Test func extrasRequestedByADependencyFollowItsOptionalDependencies() throws {
        let text = """
            version = 1
            revision = 3

            [[package]]
            name = "root"
            version = "0.1.0"
            source = { virtual = "." }
            dependencies = [{ name = "httpx", extra = ["http2"] }]

            [package.dev-dependencies]
            test = [{ name = "pytest" }]

            [[package]]
            name = "pytest"
            version = "8.3.4"
            source = { registry = "https://pypi.org/simple" }
            dependencies = [{ name = "h2" }, { name = "httpx", extra = ["brotli"] }]

            [[package]]
            name = "httpx"
            version = "0.28.1"
            source = { registry = "https://pypi.org/simple" }

            [package.optional-dependencies]
            http2 = [{ name = "h2" }]
            brotli = [{ name = "brotli" }]

            [[package]]
            name = "h2"
            version = "4.2.0"
            source = { registry = "https://pypi.org/simple" }

            [[package]]
            name = "brotli"
            version = "1.1.0"
            source = { registry = "https://pypi.org/simple" }
            """
        let contents = try UVLockParser().parse(text: text, format: .uv)
        let flags = contents.packages.map { "\($0.name):\($0.dev ? "dev" : $0.optional ? "optional" : "required")" }
        #expect(flags == ["pytest:dev", "httpx:required", "h2:required", "brotli:dev"])
    }
}
