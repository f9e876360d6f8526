import Foundation
import LockgateTestSupport
import Testing

/// End-to-end tests of `lockgate list` and of lockfile discovery.
@Suite struct ListCommandTests {
    @Test func listsPackagesAsDocumentedJSON() throws {
        let directory = try TemporaryDirectory()
        try directory.write("package-lock.json", Fixtures.packageLock([("lodash", "4.17.21")]))
        let result = try CommandRunner.lockgate(["list", "package-lock.json", "--format", "json"], in: directory.path)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["schemaVersion"] as? Int == 1)
        let lockfiles = try #require(json["lockfiles"] as? [[String: Any]])
        #expect(lockfiles.first?["format"] as? String == "package-lock")
        #expect(lockfiles.first?["formatVersion"] as? String == "3")
        let package = try #require((lockfiles.first?["packages"] as? [[String: Any]])?.first)
        #expect(package["name"] as? String == "lodash")
        #expect(package["ecosystem"] as? String == "npm")
        #expect((package["source"] as? [String: Any])?["kind"] as? String == "registry")
        #expect((package["location"] as? [String: Any])?["line"] as? Int == 4)
        #expect((package["integrity"] as? [String])?.first?.hasPrefix("sha512:") == true)
    }

    @Test func discoveryNeverEntersDependencyFoldersOrVirtualEnvironments() throws {
        let directory = try TemporaryDirectory()
        try directory.write("app/package-lock.json", Fixtures.packageLock([("lodash", "4.17.21")]))
        try directory.write("node_modules/x/package-lock.json", "broken")
        try directory.write(".git/package-lock.json", "broken")
        try directory.write("env/pyvenv.cfg", "home = /usr/bin\n")
        try directory.write("env/requirements.txt", "this is ! not a requirement\n")
        try directory.write("requirements/dev.txt", "flask==3.0.0\n")
        let result = try CommandRunner.lockgate(["list", "--format", "json"], in: directory.path)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let paths = (json["lockfiles"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
        #expect(paths == ["app/package-lock.json", "requirements/dev.txt"])
    }

    @Test func unparsableLockfileExitsThree() throws {
        let directory = try TemporaryDirectory()
        try directory.write("poetry.lock", "[[package]]\nname = \"x\"\nversion = 3\n")
        let result = try CommandRunner.lockgate(["list", "poetry.lock"], in: directory.path)
        #expect(result.status == 3)
        #expect(result.stderr.contains("poetry.lock:3:"), "\(result.stderr)")
    }
}
