import LockgateCore
import Names
import Testing

@Suite struct NameURLCheckTests {
    @Test(arguments: [
        ("https://registry.npmjs.org/lodash/-/lodash-4.17.21.tgz", "lodash"),
        ("https://registry.yarnpkg.com/lodash/-/lodash-4.17.21.tgz#679591c564c3bffaae8454cf0b3df370c3d6911c", "lodash"),
        ("https://registry.npmjs.org/@babel/core/-/core-7.24.0.tgz", "@babel/core"),
        ("https://registry.npmjs.org/@babel%2fcore/-/core-7.24.0.tgz", "@babel/core"),
        ("https://registry.npmjs.org/%40babel%2Fcore/-/core-7.24.0.tgz", "@babel/core"),
        ("%40esbuild%2Fandroid-arm/-/android-arm-0.15.11.tgz", "@esbuild/android-arm"),
        ("lodash/-/lodash-4.17.21.tgz", "lodash"),
        ("https://us-npm.pkg.dev/project/repo/lodash/-/lodash-4.17.21.tgz", "lodash"),
        ("http://localhost:4873/JSONStream/-/JSONStream-1.3.5.tgz?x=1", "JSONStream"),
    ])
    func npmRegistryLayouts(url: String, name: String) {
        #expect(NameURLCheck.claimedName(inTarballURL: url, ecosystem: .npm) == name)
    }

    @Test(arguments: [
        "", "file:graphql-16.12.0.tgz", "git+https://github.com/a/b.git#abc", "github:owner/repo#abc",
        "https://codeload.github.com/a/b/tar.gz/abc",
        "https://pkg.pr.new/vitejs/rolldown-vite/@vitejs/plugin-legacy@a2594ec",
        "https://registry.npmjs.org/lodash", "https://registry.npmjs.org/@scope/-/x-1.0.0.tgz",
        "condition:BABEL_8_BREAKING?^7.0.0:^4.0.0#e1f8f4", "link:../x", "https://example.com/x/-/x-1.0.0.zip",
    ])
    func npmUnknownLayoutsAreNotJudged(url: String) {
        #expect(NameURLCheck.claimedName(inTarballURL: url, ecosystem: .npm) == nil)
    }

    @Test(arguments: [
        ("https://files.pythonhosted.org/packages/a6/f8/d9/alabaster-1.0.0.tar.gz", "alabaster"),
        ("https://files.pythonhosted.org/packages/7e/b3/alabaster-1.0.0-py3-none-any.whl#sha256=fc67", "alabaster"),
        ("backports_tarfile-1.2.0-py3-none-any.whl", "backports_tarfile"),
        ("backports.tarfile-1.2.0.tar.gz", "backports.tarfile"),
        ("python-dateutil-2.9.0.post0.tar.gz", "python-dateutil"),
        ("https://example.org/simple/zope-interface/zope.interface-6.0.zip", "zope.interface"),
        ("cffi-1.17.1-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", "cffi"),
        ("torch-2.3.0-1-cp311-cp311-linux_x86_64.whl", "torch"),
        ("Django-4.2.tar.gz", "Django"),
    ])
    func pypiFileNames(url: String, name: String) {
        #expect(NameURLCheck.claimedName(inTarballURL: url, ecosystem: .pypi) == name)
    }

    @Test(arguments: [
        "https://github.com/pallets/werkzeug/archive/refs/heads/main.tar.gz",
        "git+https://github.com/mozilla/x@b696c37",
        "https://github.com/python-poetry/poetry-core.git", "foo.tar.gz", "foo-bar.whl", "-1.0.tar.gz", "README.md",
    ])
    func pypiUnknownLayoutsAreNotJudged(url: String) {
        #expect(NameURLCheck.claimedName(inTarballURL: url, ecosystem: .pypi) == nil)
    }

    @Test func matchingEntriesAreClean() {
        let lodash = npm("lodash", "https://registry.npmjs.org/lodash/-/lodash-4.17.21.tgz")
        #expect(NameURLCheck.mismatch(for: lodash) == nil)
        #expect(NameURLCheck.mismatch(for: npm("@babel/core", "%40babel%2Fcore/-/core-7.24.0.tgz")) == nil)
        let wheel = pypi("backports-tarfile", "backports_tarfile-1.2.0-py3-none-any.whl")
        #expect(NameURLCheck.mismatch(for: wheel) == nil)
        #expect(NameURLCheck.mismatch(for: pypi("zope-interface", "zope.interface-6.0.tar.gz")) == nil)
        #expect(NameURLCheck.mismatch(for: pypi("django", "Django-4.2.tar.gz")) == nil)
        // A legacy sdist whose name holds `-<digit>` splits either way.
        #expect(NameURLCheck.mismatch(for: pypi("foo-2", "foo-2-1.0.tar.gz")) == nil)
    }

    @Test func aliasesMayNameTheArchive() {
        let aliased = npm("string-width", "https://registry.npmjs.org/string-width/-/string-width-4.2.3.tgz",
                          aliases: ["string-width-cjs"])
        #expect(NameURLCheck.mismatch(for: aliased) == nil)
        let byAlias = npm("@babel/core", "https://registry.npmjs.org/npm-babel-core/-/npm-babel-core-1.0.0.tgz",
                          aliases: ["npm-babel-core"])
        #expect(NameURLCheck.mismatch(for: byAlias) == nil)
    }

    @Test func mismatchesNameTheOtherPackage() {
        #expect(NameURLCheck.mismatch(for: npm("lodash", "https://registry.npmjs.org/lodahs/-/lodahs-1.0.0.tgz"))
            == "lodahs")
        #expect(NameURLCheck.mismatch(for: npm("@babel/core", "https://evil.example/@evil/core/-/core-7.0.0.tgz"))
            == "@evil/core")
        #expect(NameURLCheck.mismatch(for: npm("react", "%40evil%2Freact/-/react-18.0.0.tgz")) == "@evil/react")
        #expect(NameURLCheck.mismatch(for: pypi("requests", "https://files.example/reqeusts-2.31.0.tar.gz"))
            == "reqeusts")
        #expect(NameURLCheck.mismatch(for: pypi("requests", "evil_pkg-1.0-py3-none-any.whl")) == "evil_pkg")
    }

    @Test func noURLOrNonArchiveSourcesAreNotJudged() {
        var package = npm("lodash", nil)
        #expect(NameURLCheck.mismatch(for: package) == nil)
        package.source = PackageSource(kind: .git, url: "https://registry.npmjs.org/other/-/other-1.0.0.tgz")
        #expect(NameURLCheck.mismatch(for: package) == nil)
        package.source = PackageSource(kind: .path, url: "other/-/other-1.0.0.tgz")
        #expect(NameURLCheck.mismatch(for: package) == nil)
    }

    // MARK: - Private

    private func npm(_ name: String, _ url: String?, aliases: [String] = []) -> LockedPackage {
        LockedPackage(ecosystem: .npm, name: name, version: "1.0.0", source: PackageSource(kind: .registry, url: url),
                      location: SourceLocation(line: 1, column: 1), aliases: aliases)
    }

    private func pypi(_ name: String, _ url: String) -> LockedPackage {
        LockedPackage(ecosystem: .pypi, name: name, version: "1.0", source: PackageSource(kind: .registry, url: url),
                      location: SourceLocation(line: 1, column: 1))
    }
}
