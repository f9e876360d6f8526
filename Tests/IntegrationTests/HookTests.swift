import Foundation
import LockgateKit
import LockgateTestSupport
import Testing

/// The pre-commit hook end to end: real repositories, `lockgate hook install`, real `git commit`s, packages served
/// by a loopback registry.
@Suite struct HookTests {
    @Test func installWritesTheRepositoryScriptAndRefusesAForeignHook() throws {
        let sandbox = try GitSandbox()
        let installed = try sandbox.lockgate("hook", "install")
        #expect(installed.status == 0, "\(installed.stderr)")
        let hookPath = sandbox.directory.url.appendingPathComponent(".git/hooks/pre-commit").path
        let written = try Data(contentsOf: URL(fileURLWithPath: hookPath))
        let shipped = try Data(contentsOf: RepositoryLayout.root.appendingPathComponent("hooks/pre-commit"))
        #expect(written == shipped, "the installed hook must be hooks/pre-commit byte for byte")
        #expect(written == Data(PreCommitHook.script.utf8))
        #expect(FileManager.default.isExecutableFile(atPath: hookPath))
        #expect(try sandbox.git("config", "--get", "lockgate.path").stdout.contains("lockgate"))

        // Reinstalling updates lockgate's own hook.
        #expect(try sandbox.lockgate("hook", "install").status == 0)

        // Another tool's hook is left alone without --force, and kept as a backup with it.
        try "#!/bin/sh\necho mine\n".write(toFile: hookPath, atomically: true, encoding: .utf8)
        let refused = try sandbox.lockgate("hook", "install")
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--force"), "\(refused.stderr)")
        #expect(try String(contentsOfFile: hookPath, encoding: .utf8) == "#!/bin/sh\necho mine\n")
        let forced = try sandbox.lockgate("hook", "install", "--force")
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: hookPath)) == shipped)
        let backup = try String(contentsOfFile: hookPath + ".before-lockgate", encoding: .utf8)
        #expect(backup == "#!/bin/sh\necho mine\n")
    }

    @Test func installOutsideARepositoryIsAUsageError() throws {
        let directory = try TemporaryDirectory()
        let home = try TemporaryDirectory()
        let result = try CommandRunner.lockgate(
            ["hook", "install"], in: directory.path,
            environment: [
                "HOME": home.path, "XDG_CACHE_HOME": home.path,
                "GIT_CEILING_DIRECTORIES": directory.url.deletingLastPathComponent().path,
            ])
        #expect(result.status == 2)
        #expect(result.stderr.contains("not inside a git work tree"), "\(result.stderr)")
    }

    @Test func commitWithoutALockfileNeverStartsLockgate() throws {
        let registry = try FakeRegistry()
        defer { registry.stop() }
        let sandbox = try GitSandbox(extraEnvironment: ["npm_config_registry": registry.baseURL])
        #expect(try sandbox.lockgate("hook", "install").status == 0)
        // A stand-in binary that leaves a mark if the hook ever starts it.
        let marker = sandbox.home.url.appendingPathComponent("lockgate-started").path
        let standIn = try sandbox.home.write("fake-lockgate", "#!/bin/sh\ntouch '\(marker)'\nexit 1\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: standIn)
        try sandbox.write("src/app.js", "console.log('hello');\n")
        try sandbox.write("README.md", "# demo\n")
        try sandbox.git("add", "-A")
        let start = Date()
        let commit = try sandbox.gitAllowingFailure(
            ["commit", "-q", "-m", "code only"], environment: ["LOCKGATE": standIn])
        let elapsed = Date().timeIntervalSince(start)
        #expect(commit.status == 0, "\(commit.stderr)")
        #expect(!FileManager.default.fileExists(atPath: marker), "lockgate was started for a commit with no lockfile")
        #expect(registry.requests.isEmpty)
        #expect(elapsed < 1.0, "the commit took \(elapsed) s")

        // The same stand-in is started once a lockfile is staged, so the check above can fail.
        try sandbox.write("package-lock.json", NPMLockfile.text([]))
        try sandbox.git("add", "-A")
        let withLockfile = try sandbox.gitAllowingFailure(
            ["commit", "-q", "-m", "lockfile"], environment: ["LOCKGATE": standIn])
        #expect(withLockfile.status != 0)
        #expect(FileManager.default.fileExists(atPath: marker))
    }

    @Test func cleanPackagesFromTheRegistryPass() throws {
        let registry = try FakeRegistry()
        defer { registry.stop() }
        let entries = try Self.publish(["lockgate-fixture-alpha", "lockgate-fixture-beta"], on: registry)
        let sandbox = try GitSandbox(extraEnvironment: ["npm_config_registry": registry.baseURL])
        try sandbox.write("README.md", "# demo\n")
        try sandbox.commitAll("start")
        #expect(try sandbox.lockgate("hook", "install").status == 0)
        try sandbox.write("package-lock.json", NPMLockfile.text(entries))
        try sandbox.git("add", "package-lock.json")
        let commit = try sandbox.gitAllowingFailure(["commit", "-m", "add dependencies"])
        #expect(commit.status == 0, "\(commit.stdout)\n\(commit.stderr)")
        // git shows a hook's standard output on its standard error.
        let output = commit.stdout + commit.stderr
        #expect(output.contains("2 packages new or changed since HEAD: 0 blocked"), "\(output)")
        #expect(registry.requests.contains { $0.path.hasSuffix("lockgate-fixture-alpha-1.0.0.tgz") })
        #expect(try sandbox.git("log", "--oneline").stdout.contains("add dependencies"))
    }

    @Test func deniedPackageIsRejectedAndNamed() throws {
        let registry = try FakeRegistry()
        defer { registry.stop() }
        var entries = try Self.publish(["lockgate-fixture-alpha"], on: registry)
        let sandbox = try GitSandbox(extraEnvironment: ["npm_config_registry": registry.baseURL])
        try sandbox.write(
            ".lockgate.yml",
            """
            version: 1
            denylist:
              - package: lockgate-fixture-evil@6.6.6
                reason: known credential stealer
            """)
        try sandbox.write("package-lock.json", NPMLockfile.text(entries))
        try sandbox.commitAll("clean start")
        #expect(try sandbox.lockgate("hook", "install").status == 0)

        entries += try Self.publish(["lockgate-fixture-evil"], version: "6.6.6", on: registry)
        try sandbox.write("package-lock.json", NPMLockfile.text(entries))
        try sandbox.git("add", "package-lock.json")
        let commit = try sandbox.gitAllowingFailure(["commit", "-m", "add evil"])
        #expect(commit.status != 0)
        let output = commit.stdout + commit.stderr
        #expect(output.contains("lockgate-fixture-evil@6.6.6"), "\(output)")
        #expect(output.contains("denylisted"))
        #expect(output.contains("--no-verify"))
        // Only the new package was audited: the unchanged one is not in the table.
        #expect(output.contains("1 package new or changed since HEAD: 1 blocked"), "\(output)")
        #expect(!(try sandbox.git("log", "--oneline").stdout.contains("add evil")))
        // The documented escape.
        #expect(try sandbox.gitAllowingFailure(["commit", "-q", "--no-verify", "-m", "add evil"]).status == 0)
    }

    @Test func tamperedTarballIsRejectedAndNamed() throws {
        let registry = try FakeRegistry()
        defer { registry.stop() }
        let entries = try Self.publish(["lockgate-fixture-alpha", "lockgate-fixture-gamma"], on: registry)
        let evil = try PackageFixtures.npmPackage(
            name: "lockgate-fixture-gamma", version: "1.0.0", index: "require('child_process').exec('curl evil');\n")
        registry.override(
            "/lockgate-fixture-gamma/-/lockgate-fixture-gamma-1.0.0.tgz", with: .ok(evil))
        let sandbox = try GitSandbox(extraEnvironment: ["npm_config_registry": registry.baseURL])
        try sandbox.write("README.md", "# demo\n")
        try sandbox.commitAll("start")
        #expect(try sandbox.lockgate("hook", "install").status == 0)
        try sandbox.write("package-lock.json", NPMLockfile.text(entries))
        try sandbox.git("add", "package-lock.json")
        let commit = try sandbox.gitAllowingFailure(["commit", "-m", "add dependencies"])
        #expect(commit.status != 0)
        let output = commit.stdout + commit.stderr
        #expect(output.contains("lockgate-fixture-gamma@1.0.0"), "\(output)")
        #expect(output.contains("integrity_mismatch"))
        #expect(!output.contains("lockgate-fixture-alpha@1.0.0 "), "the clean package is not listed")
    }

    @Test func theHookAuditsTheIndexNotTheWorkingTree() throws {
        let sandbox = try GitSandbox()
        try sandbox.write(
            ".lockgate.yml",
            """
            version: 1
            denylist:
              - package: lockgate-fixture-evil@6.6.6
                reason: known credential stealer
            """)
        try sandbox.commitAll("policy")
        #expect(try sandbox.lockgate("hook", "install").status == 0)
        let evil = NPMLockfile.Entry(
            name: "lockgate-fixture-evil", version: "6.6.6", integrity: NPMLockfile.placeholderIntegrity)
        let clean = NPMLockfile.Entry(
            name: "lockgate-fixture-alpha", version: "1.0.0", integrity: NPMLockfile.placeholderIntegrity)
        let offline = ["LOCKGATE_HOOK_ARGS": "--lockfile-only"]

        // Staged: the denied package; working tree: cleaned up but not staged. The commit records the index.
        try sandbox.write("package-lock.json", NPMLockfile.text([clean, evil]))
        try sandbox.git("add", "package-lock.json")
        try sandbox.write("package-lock.json", NPMLockfile.text([clean]))
        let blocked = try sandbox.gitAllowingFailure(["commit", "-m", "staged evil"], environment: offline)
        #expect(blocked.status != 0)
        #expect((blocked.stdout + blocked.stderr).contains("lockgate-fixture-evil@6.6.6"))

        // Staged: clean; working tree: the denied package, not staged. The commit passes.
        try sandbox.git("add", "package-lock.json")
        try sandbox.write("package-lock.json", NPMLockfile.text([clean, evil]))
        let passed = try sandbox.gitAllowingFailure(["commit", "-m", "staged clean"], environment: offline)
        #expect(passed.status == 0, "\(passed.stdout)\n\(passed.stderr)")

        // `git commit -a` stages the working tree into a temporary index (GIT_INDEX_FILE): that is what is audited.
        let all = try sandbox.gitAllowingFailure(["commit", "-a", "-m", "everything"], environment: offline)
        #expect(all.status != 0)
        #expect((all.stdout + all.stderr).contains("lockgate-fixture-evil@6.6.6"))
    }

    // MARK: - Private

    /// Publishes small clean npm packages and returns their lockfile entries.
    private static func publish(
        _ names: [String], version: String = "1.0.0", on registry: FakeRegistry
    ) throws -> [NPMLockfile.Entry] {
        try names.map { name in
            let tarball = try PackageFixtures.npmPackage(name: name, version: version)
            let integrity = registry.publishNPM(name: name, version: version, tarball: tarball)
            return NPMLockfile.Entry(name: name, version: version, integrity: integrity)
        }
    }
}
