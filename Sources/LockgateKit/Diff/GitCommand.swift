import Foundation

/// Runs one `git` command and collects what it printed.
///
/// Both output streams are drained while git runs, so a large blob (a lockfile of several megabytes) never stalls on
/// a full pipe.
struct GitCommand {
    /// What a finished git command left behind.
    struct Output {
        /// The exit status.
        var status: Int32
        /// Standard output, as bytes.
        var stdout: Data
        /// Standard error, as text.
        var stderr: String

        /// The first line of standard error, for messages.
        var reason: String {
            stderr.split(separator: "\n").first.map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
        }
    }

    /// Variables git reads paths from; a hook may receive them relative to the directory git started it in.
    static let pathVariables = ["GIT_DIR", "GIT_INDEX_FILE", "GIT_WORK_TREE", "GIT_OBJECT_DIRECTORY", "GIT_COMMON_DIR"]

    /// Runs `git ARGUMENTS` in a directory.
    /// - Parameters:
    ///   - arguments: The arguments after `git`.
    ///   - directory: The working directory.
    ///   - environment: The environment (git's own path variables are made absolute first).
    /// - Returns: Status and output.
    /// - Throws: `DiffError.gitUnavailable` when git cannot be started.
    static func run(_ arguments: [String], in directory: String, environment: [String: String]) throws(DiffError)
        -> Output
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "core.quotepath=off"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = absolutised(environment)
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw .gitUnavailable(error.localizedDescription)
        }
        let collected = ErrorCollector()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            collected.store(errors.fileHandleForReading.readDataToEndOfFile())
            group.leave()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        group.wait()
        if process.terminationStatus == 127 && collected.text.contains("git") && collected.text.contains("No such file")
        {
            throw .gitUnavailable(collected.text.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return Output(status: process.terminationStatus, stdout: data, stderr: collected.text)
    }

    // MARK: - Private

    /// The environment with git's path variables made absolute against this process's directory, since git runs in
    /// another one.
    private static func absolutised(_ environment: [String: String]) -> [String: String] {
        var result = environment
        let here = FileManager.default.currentDirectoryPath
        for name in pathVariables {
            guard let value = environment[name], !value.isEmpty, !value.hasPrefix("/") else { continue }
            result[name] = URL(fileURLWithPath: here).appendingPathComponent(value).standardizedFileURL.path
        }
        return result
    }

    /// Standard error, read on another thread while standard output is read on this one.
    private final class ErrorCollector: @unchecked Sendable {
        // @unchecked Sendable: `data` is only touched under `lock`.
        private let lock = NSLock()
        private var data = Data()

        func store(_ bytes: Data) {
            lock.lock()
            data = bytes
            lock.unlock()
        }

        var text: String {
            lock.lock()
            defer { lock.unlock() }
            return String(decoding: data, as: UTF8.self)
        }
    }
}
