import Foundation
import LockgateTestSupport

/// A fake GitHub Actions runner environment: `GITHUB_OUTPUT`, `GITHUB_STEP_SUMMARY` and `RUNNER_TEMP` in a
/// temporary folder, and the built lockgate as the action's binary.
final class FakeGitHub: @unchecked Sendable {
    // @unchecked Sendable: every stored property is immutable after init.
    let folder: TemporaryDirectory

    init() throws {
        folder = try TemporaryDirectory()
        try folder.write("output", "")
        try folder.write("summary", "")
        try FileManager.default.createDirectory(
            at: folder.url.appendingPathComponent("temp"), withIntermediateDirectories: true)
    }

    /// Where the audit step keeps lockgate's cache.
    var cacheDirectory: String { folder.url.appendingPathComponent("temp/lockgate-cache").path }

    /// Runs one mode of action/run.sh in the sandbox's work tree with `INPUT_*` variables.
    func run(_ mode: String, in sandbox: GitSandbox, inputs: [String: String]) throws -> ProcessResult {
        var environment = sandbox.environment
        environment["GITHUB_WORKSPACE"] = sandbox.path
        environment["GITHUB_OUTPUT"] = folder.url.appendingPathComponent("output").path
        environment["GITHUB_STEP_SUMMARY"] = folder.url.appendingPathComponent("summary").path
        environment["GITHUB_ACTION_PATH"] = ActionTests.runScript.deletingLastPathComponent().path
        environment["RUNNER_TEMP"] = folder.url.appendingPathComponent("temp").path
        environment["RUNNER_OS"] = "Linux"
        environment["RUNNER_ARCH"] = "X64"
        environment["LOCKGATE_BIN"] = RepositoryLayout.lockgateBinary.path
        environment["LOCKGATE_CACHE_DIR"] = cacheDirectory
        for (name, value) in inputs { environment["INPUT_" + name] = value }
        return try CommandRunner.run(
            "bash", [ActionTests.runScript.path, mode], in: sandbox.path, environment: environment)
    }

    /// The step's outputs (`name=value` lines).
    func outputs() throws -> [String: String] {
        let text = try String(contentsOf: folder.url.appendingPathComponent("output"), encoding: .utf8)
        var outputs: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            outputs[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        return outputs
    }

    /// The job summary.
    func summary() throws -> String {
        try String(contentsOf: folder.url.appendingPathComponent("summary"), encoding: .utf8)
    }
}
