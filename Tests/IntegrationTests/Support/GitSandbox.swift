import Foundation
import LockgateTestSupport
import Testing

/// A real git repository in a temporary folder, with a private HOME and cache so no user configuration leaks in,
/// and helpers to run git and the built lockgate inside it.
final class GitSandbox: @unchecked Sendable {
    // @unchecked Sendable: every stored property is immutable after init.

    /// The work tree.
    let directory: TemporaryDirectory
    /// HOME, XDG_CACHE_HOME and scratch files live here, outside the work tree.
    let home: TemporaryDirectory
    /// The environment every command runs with.
    let environment: [String: String]

    /// Creates an empty repository on branch `main`.
    /// - Parameter extraEnvironment: Variables added to every command's environment.
    init(extraEnvironment: [String: String] = [:]) throws {
        directory = try TemporaryDirectory()
        home = try TemporaryDirectory()
        var environment = [
            "HOME": home.path,
            "XDG_CACHE_HOME": home.url.appendingPathComponent("cache").path,
            "XDG_CONFIG_HOME": home.url.appendingPathComponent("config").path,
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_AUTHOR_NAME": "lockgate tests", "GIT_AUTHOR_EMAIL": "tests@lockgate.invalid",
            "GIT_COMMITTER_NAME": "lockgate tests", "GIT_COMMITTER_EMAIL": "tests@lockgate.invalid",
            "LOCKGATE": "", "LOCKGATE_HOOK_ARGS": "", "NO_COLOR": "1",
            "npm_config_registry": "", "NPM_CONFIG_REGISTRY": "", "PIP_INDEX_URL": "", "PIP_CONFIG_FILE": "/dev/null",
        ]
        environment.merge(extraEnvironment) { _, new in new }
        self.environment = environment
        try git("init", "-q", "-b", "main")
    }

    /// The work tree's path.
    var path: String { directory.path }

    /// Runs git in the work tree and expects it to succeed.
    /// - Parameter arguments: git's arguments.
    /// - Returns: What it printed.
    @discardableResult
    func git(_ arguments: String...) throws -> ProcessResult {
        let result = try gitAllowingFailure(arguments)
        try #require(result.status == 0, "git \(arguments.joined(separator: " ")): \(result.stderr)")
        return result
    }

    /// Runs git in the work tree, whatever its status.
    func gitAllowingFailure(_ arguments: [String], environment extra: [String: String] = [:]) throws -> ProcessResult {
        try CommandRunner.run("git", arguments, in: path, environment: environment.merging(extra) { _, new in new })
    }

    /// Runs the built lockgate in the work tree.
    func lockgate(_ arguments: String..., environment extra: [String: String] = [:]) throws -> ProcessResult {
        try CommandRunner.lockgate(arguments, in: path, environment: environment.merging(extra) { _, new in new })
    }

    /// Writes a file into the work tree.
    @discardableResult
    func write(_ relativePath: String, _ text: String) throws -> String {
        try directory.write(relativePath, text)
    }

    /// Copies a file into the work tree.
    func copy(_ source: URL, to relativePath: String) throws {
        try directory.write(relativePath, data: Data(contentsOf: source))
    }

    /// Stages everything and commits, expecting the commit (and any hook) to succeed.
    /// - Returns: The new commit's object name.
    @discardableResult
    func commitAll(_ message: String) throws -> String {
        try git("add", "-A")
        try git("commit", "-q", "--no-verify", "-m", message)
        return try git("rev-parse", "HEAD").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
