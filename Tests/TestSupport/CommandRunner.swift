import Foundation

/// What a finished process left behind.
public struct ProcessResult: Sendable {
    /// The exit status.
    public var status: Int32
    /// Everything written to standard output.
    public var stdout: String
    /// Everything written to standard error.
    public var stderr: String
}

/// Runs programs for end-to-end tests: the real `lockgate` binary, git.
public enum CommandRunner {
    /// Runs the built `lockgate` with arguments in a directory.
    /// - Parameters:
    ///   - arguments: Its arguments.
    ///   - directory: The working directory.
    ///   - environment: Extra environment variables (`NO_COLOR` is set unless given).
    /// - Returns: Status and output.
    /// - Throws: When the process cannot start.
    public static func lockgate(_ arguments: [String], in directory: String, environment: [String: String] = [:])
        throws -> ProcessResult
    {
        try run(RepositoryLayout.lockgateBinary.path, arguments, in: directory, environment: environment)
    }

    /// Runs a program and waits for it, collecting both output streams.
    /// - Parameters:
    ///   - executable: An absolute path, or a name looked up on PATH through /usr/bin/env.
    ///   - arguments: Its arguments.
    ///   - directory: The working directory.
    ///   - environment: Variables added to the current environment.
    /// - Returns: Status and output.
    /// - Throws: When the process cannot start.
    public static func run(
        _ executable: String, _ arguments: [String], in directory: String, environment: [String: String] = [:]
    ) throws -> ProcessResult {
        let process = Process()
        if executable.hasPrefix("/") {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [executable] + arguments
        }
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var merged = ProcessInfo.processInfo.environment
        merged["NO_COLOR"] = "1"
        merged.merge(environment) { _, new in new }
        process.environment = merged
        let outputFile = FileManager.default.temporaryDirectory.appendingPathComponent("lockgate-out-\(UUID().uuidString)")
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("lockgate-err-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outputFile)
            try? FileManager.default.removeItem(at: errorFile)
        }
        let output = try FileHandle(forWritingTo: outputFile)
        let errors = try FileHandle(forWritingTo: errorFile)
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try output.close()
        try errors.close()
        return ProcessResult(
            status: process.terminationStatus,
            stdout: String(decoding: (try? Data(contentsOf: outputFile)) ?? Data(), as: UTF8.self),
            stderr: String(decoding: (try? Data(contentsOf: errorFile)) ?? Data(), as: UTF8.self))
    }
}
