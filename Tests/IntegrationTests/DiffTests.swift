import Foundation
import LockgateTestSupport
import Testing

/// `lockgate audit --diff BASE` and `--staged` on pairs of real lockfiles (two commits of one project) committed
/// into a temporary repository: exactly the added and changed packages are reported.
@Suite struct DiffTests {
    /// Two versions of one project's lockfile from ../shared/lockfiles, older first, and the name to commit it as.
    struct Pair: CustomTestStringConvertible, Sendable {
        var older: String
        var newer: String
        var name: String
        var testDescription: String { "\(name): \(older) → \(newer)" }
    }

    static let pairs = [
        Pair(
            older: "npm/firebase__firebase-tools@9876c0f60__scripts_firepit-builder_package-lock.json",
            newer: "npm/firebase__firebase-tools__scripts_firepit-builder_package-lock.json", name: "package-lock.json"),
        Pair(
            older: "npm/jashkenas__underscore@cf6ed6f33__package-lock.json",
            newer: "npm/jashkenas__underscore__package-lock.json", name: "package-lock.json"),
        Pair(
            older: "pnpm/unjs__ufo@872c8734d__pnpm-lock.yaml", newer: "pnpm/unjs__ufo@8938476e4__pnpm-lock.yaml",
            name: "pnpm-lock.yaml"),
        Pair(
            older: "pnpm/unjs__ufo@8938476e4__pnpm-lock.yaml", newer: "pnpm/unjs__ufo__pnpm-lock.yaml",
            name: "pnpm-lock.yaml"),
        Pair(
            older: "pnpm/antfu__ni@854adead6__pnpm-lock.yaml", newer: "pnpm/antfu__ni@3599d7ab2__pnpm-lock.yaml",
            name: "pnpm-lock.yaml"),
        Pair(
            older: "pnpm/vitejs__vite@f677b6213__pnpm-lock.yaml", newer: "pnpm/vitejs__vite@6401a49d5__pnpm-lock.yaml",
            name: "pnpm-lock.yaml"),
        Pair(
            older: "poetry/Textualize__rich@96e23bdb7__poetry.lock",
            newer: "poetry/Textualize__rich@6ae321ad8__poetry.lock",
            name: "poetry.lock"),
        Pair(older: "uv/pallets__flask@55c625565__uv.lock", newer: "uv/pallets__flask__uv.lock", name: "uv.lock"),
        Pair(
            older: "requirements/readthedocs__readthedocs.org@bb090e8b4__requirements_pip.txt",
            newer: "requirements/readthedocs__readthedocs.org@85bb00e2e__requirements_pip.txt",
            name: "requirements_pip.txt"),
    ]

    @Test(.enabled(if: RepositoryLayout.sharedLockfilesPresent, "needs ../shared/lockfiles"), arguments: pairs)
    func diffReportsExactlyTheAddedAndChangedPackages(_ pair: Pair) throws {
        for (base, head) in [(pair.older, pair.newer), (pair.newer, pair.older)] {
            let sandbox = try GitSandbox()
            try sandbox.copy(Self.shared(base), to: pair.name)
            let baseCommit = try sandbox.commitAll("base")
            try sandbox.copy(Self.shared(head), to: pair.name)
            try sandbox.write("unrelated.txt", "moves HEAD past BASE\n")
            try sandbox.commitAll("head")

            let expected = try Self.changedPackages(base: Self.shared(base), head: Self.shared(head))
            #expect(!expected.isEmpty, "\(base) → \(head) changes nothing; the pair tests nothing")
            let result = try sandbox.lockgate(
                "audit", "--lockfile-only", "--diff", baseCommit, "--format", "json", pair.name)
            #expect(result.status == 0 || result.status == 1, "\(result.stderr)")
            let reported = try Self.reportedPackages(result.stdout)
            #expect(reported == expected, "\(base) → \(head): \(Self.difference(reported, expected))")

            // BASE as a name git resolves, not only a commit id: the same answer.
            let byName = try sandbox.lockgate(
                "audit", "--lockfile-only", "--diff", "HEAD~1", "--format", "json", pair.name)
            #expect(try Self.reportedPackages(byName.stdout) == expected)
        }
    }

    @Test(.enabled(if: RepositoryLayout.sharedLockfilesPresent, "needs ../shared/lockfiles"))
    func stagedReadsTheIndexNotTheWorkingTree() throws {
        let pair = Self.pairs[2]
        let sandbox = try GitSandbox()
        try sandbox.copy(Self.shared(pair.older), to: pair.name)
        try sandbox.commitAll("base")
        try sandbox.copy(Self.shared(pair.newer), to: pair.name)
        try sandbox.git("add", pair.name)
        // The working tree goes back to BASE; only the index holds the new version.
        try sandbox.copy(Self.shared(pair.older), to: pair.name)
        let expected = try Self.changedPackages(base: Self.shared(pair.older), head: Self.shared(pair.newer))

        let staged = try sandbox.lockgate("audit", "--lockfile-only", "--staged", "--diff", "HEAD", "--format", "json")
        #expect(try Self.reportedPackages(staged.stdout) == expected, "\(staged.stderr)")
        let workingTree = try sandbox.lockgate("audit", "--lockfile-only", "--diff", "HEAD", "--format", "json")
        #expect(workingTree.status == 0, "\(workingTree.stderr)")
        #expect(try Self.reportedPackages(workingTree.stdout).isEmpty)
        // --staged alone audits the whole staged lockfile.
        let whole = try sandbox.lockgate("audit", "--lockfile-only", "--staged", "--format", "json", pair.name)
        let all = try Self.identities(listing: Self.list(Self.shared(pair.newer)))
        #expect(try Self.reportedPackages(whole.stdout) == Set(all.keys))
    }

    @Test func aLockfileAbsentAtBaseIsWhollyNew() throws {
        let sandbox = try GitSandbox()
        try sandbox.write("README.md", "# demo\n")
        try sandbox.commitAll("base")
        let entries = [("lockgate-fixture-alpha", "1.0.0"), ("lockgate-fixture-beta", "2.0.0")].map {
            NPMLockfile.Entry(name: $0.0, version: $0.1, integrity: NPMLockfile.placeholderIntegrity)
        }
        try sandbox.write("web/package-lock.json", NPMLockfile.text(entries))
        let result = try sandbox.lockgate("audit", "--lockfile-only", "--diff", "main", "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        let reported = try Self.reportedPackages(result.stdout)
        #expect(
            reported == [
                Identity(ecosystem: "npm", name: "lockgate-fixture-alpha", version: "1.0.0"),
                Identity(ecosystem: "npm", name: "lockgate-fixture-beta", version: "2.0.0"),
            ])
    }

    @Test func sameVersionWithNewHashesCountsAsChanged() throws {
        let sandbox = try GitSandbox()
        let entry = NPMLockfile.Entry(
            name: "lockgate-fixture-alpha", version: "1.0.0", integrity: NPMLockfile.placeholderIntegrity)
        let other = NPMLockfile.Entry(
            name: "lockgate-fixture-beta", version: "1.0.0", integrity: NPMLockfile.placeholderIntegrity)
        try sandbox.write("package-lock.json", NPMLockfile.text([entry, other]))
        try sandbox.commitAll("base")
        var swapped = entry
        swapped.integrity = "sha512-" + Data(repeating: 7, count: 64).base64EncodedString()
        try sandbox.write("package-lock.json", NPMLockfile.text([swapped, other]))
        let result = try sandbox.lockgate("audit", "--lockfile-only", "--diff", "HEAD", "--format", "json")
        #expect(
            try Self.reportedPackages(result.stdout) == [
                Identity(ecosystem: "npm", name: "lockgate-fixture-alpha", version: "1.0.0")
            ])
    }

    @Test func unknownRevisionAndNoRepositoryAreUsageErrors() throws {
        let sandbox = try GitSandbox()
        try sandbox.write("package-lock.json", NPMLockfile.text([]))
        try sandbox.commitAll("base")
        let unknown = try sandbox.lockgate("audit", "--lockfile-only", "--diff", "no-such-branch")
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no-such-branch"), "\(unknown.stderr)")
        let option = try sandbox.lockgate("audit", "--lockfile-only", "--diff=--output=x")
        #expect(option.status == 2)

        let plain = try TemporaryDirectory()
        try plain.write("package-lock.json", NPMLockfile.text([]))
        let outside = try CommandRunner.lockgate(
            ["audit", "--lockfile-only", "--diff", "HEAD"], in: plain.path,
            environment: sandbox.environment.merging(
                ["GIT_CEILING_DIRECTORIES": plain.url.deletingLastPathComponent().path]) { _, new in new })
        #expect(outside.status == 2)
        #expect(outside.stderr.contains("not inside a git work tree"), "\(outside.stderr)")
    }

    // MARK: - Support

    /// A package as reports name it.
    struct Identity: Hashable, Comparable, CustomStringConvertible {
        var ecosystem: String
        var name: String
        var version: String
        var description: String { "\(ecosystem):\(name)@\(version)" }
        static func < (a: Identity, b: Identity) -> Bool { a.description < b.description }
    }

    static func shared(_ file: String) -> URL {
        RepositoryLayout.shared.appendingPathComponent("lockfiles").appendingPathComponent(file)
    }

    /// `lockgate list --format json` of one file, copied under its lockfile name into a folder of its own.
    static func list(_ file: URL) throws -> [[String: Any]] {
        let directory = try TemporaryDirectory()
        let name =
            Self.pairs.first { file.path.hasSuffix($0.older) || file.path.hasSuffix($0.newer) }?.name ?? "lockfile"
        try directory.write(name, data: Data(contentsOf: file))
        let result = try CommandRunner.lockgate(["list", "--format", "json", name], in: directory.path)
        try #require(result.status == 0, "\(result.stderr)")
        let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let lockfiles = try #require(document?["lockfiles"] as? [[String: Any]])
        return lockfiles.flatMap { $0["packages"] as? [[String: Any]] ?? [] }
    }

    /// Each package's identity and what pins it: its hashes, or its source when it pins none.
    static func identities(listing packages: [[String: Any]]) throws -> [Identity: String] {
        var result: [Identity: String] = [:]
        for package in packages {
            let identity = Identity(
                ecosystem: try #require(package["ecosystem"] as? String),
                name: try #require(package["name"] as? String),
                version: try #require(package["version"] as? String))
            let hashes = (package["integrity"] as? [String] ?? []).sorted().joined(separator: ",")
            let source = package["source"] as? [String: Any]
            let kind = source?["kind"] as? String ?? ""
            result[identity] = kind + "|" + (hashes.isEmpty ? (source?["url"] as? String ?? "registry") : hashes)
        }
        return result
    }

    /// The packages of `head` that `base` did not lock identically, computed from the two listings alone.
    static func changedPackages(base: URL, head: URL) throws -> Set<Identity> {
        let before = try identities(listing: list(base))
        let after = try identities(listing: list(head))
        return Set(after.filter { before[$0.key] != $0.value }.keys)
    }

    /// The packages of a JSON audit report.
    static func reportedPackages(_ json: String) throws -> Set<Identity> {
        let document = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let packages = try #require(document?["packages"] as? [[String: Any]], "not a JSON report: \(json.prefix(200))")
        return Set(
            packages.compactMap { package in
                guard let ecosystem = package["ecosystem"] as? String, let name = package["name"] as? String,
                    let version = package["version"] as? String
                else { return nil }
                return Identity(ecosystem: ecosystem, name: name, version: version)
            })
    }

    static func difference(_ reported: Set<Identity>, _ expected: Set<Identity>) -> String {
        let extra = reported.subtracting(expected).sorted().prefix(5).map(\.description)
        let missing = expected.subtracting(reported).sorted().prefix(5).map(\.description)
        return "\(reported.count) reported, \(expected.count) expected; extra \(extra), missing \(missing)"
    }
}
