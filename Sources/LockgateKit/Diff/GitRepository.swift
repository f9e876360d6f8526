import Foundation

/// A git work tree, read through the `git` command: files at a revision or in the index, without a checkout.
public struct GitRepository: Sendable {
    /// The work tree's root, as git reports it (symbolic links resolved).
    public let root: String
    private let environment: [String: String]

    /// Finds the work tree holding a directory.
    /// - Parameters:
    ///   - directory: An absolute directory inside the work tree.
    ///   - environment: The environment git runs with (a hook's `GIT_INDEX_FILE` is honoured).
    /// - Throws: `DiffError.notARepository` outside a work tree, `.gitUnavailable` without git.
    public init(directory: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(DiffError)
    {
        let output = try GitCommand.run(["rev-parse", "--show-toplevel"], in: directory, environment: environment)
        let root = String(decoding: output.stdout, as: UTF8.self).trimmingCharacters(in: .newlines)
        guard output.status == 0, !root.isEmpty else {
            throw .notARepository(directory: directory, detail: output.reason)
        }
        self.root = root
        self.environment = environment
    }

    /// Resolves a revision to the commit it names.
    /// - Parameter revision: A branch, tag, commit or expression (`HEAD~1`, `origin/main`).
    /// - Returns: The commit's full object name.
    /// - Throws: `DiffError.unknownRevision` when it names no commit (or looks like an option).
    public func commit(_ revision: String) throws(DiffError) -> String {
        guard !revision.isEmpty, !revision.hasPrefix("-") else { throw .unknownRevision(revision) }
        let output = try git(["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"])
        let name = String(decoding: output.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard output.status == 0, !name.isEmpty else { throw .unknownRevision(revision) }
        return name
    }

    /// Whether the repository has a commit yet (false before the first commit, when HEAD is unborn).
    public var hasHead: Bool { (try? commit("HEAD")) != nil }

    /// A file's bytes at a revision.
    /// - Parameters:
    ///   - path: The path relative to the repository root.
    ///   - revision: A resolved commit, or the index.
    /// - Returns: The bytes, or nil when the path is not a file at that revision.
    public func blob(_ path: String, at revision: GitRevision) -> Data? {
        guard let output = try? git(["cat-file", "blob", revision.objectName(path)]), output.status == 0 else {
            return nil
        }
        return output.stdout
    }

    /// The files in the index under a path, relative to the repository root.
    /// - Parameter path: A path relative to the root ("" for the whole tree).
    /// - Returns: Every indexed file at or under the path, in git's order.
    /// - Throws: `DiffError.gitFailed` when git cannot list the index.
    public func indexedFiles(under path: String) throws(DiffError) -> [String] {
        try nulSeparated(["--literal-pathspecs", "ls-files", "-z", "--cached", "--", path.isEmpty ? "." : path])
    }

    /// The files the next commit adds, copies, modifies or renames (not deletions), relative to the root.
    /// - Returns: The staged paths, in git's order.
    /// - Throws: `DiffError.gitFailed` when git cannot compare the index.
    public func stagedFiles() throws(DiffError) -> [String] {
        try nulSeparated(["diff", "--cached", "--name-only", "-z", "--no-renames", "--diff-filter=ACMRT"])
    }

    /// A path inside the repository's git directory, as git resolves it (`core.hooksPath` and worktrees included).
    /// - Parameter name: E.g. `hooks/pre-commit`.
    /// - Returns: The absolute path.
    /// - Throws: `DiffError.gitFailed` when git cannot answer.
    public func gitPath(_ name: String) throws(DiffError) -> String {
        let output = try git(["rev-parse", "--git-path", name])
        let path = String(decoding: output.stdout, as: UTF8.self).trimmingCharacters(in: .newlines)
        guard output.status == 0, !path.isEmpty else {
            throw .gitFailed(command: "rev-parse --git-path \(name)", detail: output.reason)
        }
        return path.hasPrefix("/") ? path : URL(fileURLWithPath: root).appendingPathComponent(path).path
    }

    /// Reads a configuration value.
    /// - Parameter key: E.g. `lockgate.path`.
    /// - Returns: The value, or nil when unset.
    public func config(_ key: String) -> String? {
        guard let output = try? git(["config", "--get", key]), output.status == 0 else { return nil }
        let value = String(decoding: output.stdout, as: UTF8.self).trimmingCharacters(in: .newlines)
        return value.isEmpty ? nil : value
    }

    /// Sets a configuration value in the repository's own configuration.
    /// - Parameters:
    ///   - key: E.g. `lockgate.path`.
    ///   - value: The value.
    /// - Throws: `DiffError.gitFailed` when git cannot write it.
    public func setConfig(_ key: String, _ value: String) throws(DiffError) {
        let output = try git(["config", "--local", key, value])
        guard output.status == 0 else { throw .gitFailed(command: "config \(key)", detail: output.reason) }
    }

    /// A file's path relative to the repository root.
    /// - Parameter absolutePath: An absolute path (the file itself need not exist; its folder's links are resolved).
    /// - Returns: The relative path ("" for the root itself), or nil when the file is outside the work tree.
    public func relativePath(of absolutePath: String) -> String? {
        let url = URL(fileURLWithPath: absolutePath).standardizedFileURL
        var isDirectory: ObjCBool = false
        let resolved: String
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            resolved = url.resolvingSymlinksInPath().path
        } else {
            // A file's own link is kept: git stores the link, not its target.
            let folder = url.deletingLastPathComponent().resolvingSymlinksInPath().path
            resolved = (folder == "/" ? "" : folder) + "/" + url.lastPathComponent
        }
        let rootPath = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
        if resolved == rootPath { return "" }
        guard resolved.hasPrefix(rootPath + "/") else { return nil }
        return String(resolved.dropFirst(rootPath.count + 1))
    }

    // MARK: - Private

    private func git(_ arguments: [String]) throws(DiffError) -> GitCommand.Output {
        try GitCommand.run(arguments, in: root, environment: environment)
    }

    private func nulSeparated(_ arguments: [String]) throws(DiffError) -> [String] {
        let output = try git(arguments)
        guard output.status == 0 else {
            throw .gitFailed(command: arguments.joined(separator: " "), detail: output.reason)
        }
        return output.stdout.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
    }
}
