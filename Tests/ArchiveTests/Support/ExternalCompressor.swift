import Foundation

/// The `xz` and `bzip2` command-line tools, used to build `.tar.xz` and `.tar.bz2` test archives (lockgate itself
/// only decodes); tests that need one are skipped when it is not installed.
enum ExternalCompressor: String, CaseIterable, Sendable {
    case xz
    case bzip2

    /// The tool's path, or `nil` when it is not installed.
    var path: String? {
        ["/usr/bin/", "/bin/", "/usr/local/bin/", "/opt/homebrew/bin/"].map { $0 + rawValue }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Whether the tool is installed.
    var isAvailable: Bool { path != nil }

    /// Whether both tools are installed.
    static var allAvailable: Bool { allCases.allSatisfy(\.isAvailable) }

    /// The format ``Archive/ArchiveReader`` should report.
    var kindName: String { self == .xz ? "tarXz" : "tarBzip2" }

    /// Compresses `data` at `level` (`-T1` keeps xz single-threaded and deterministic; bzip2 `-1` makes 100 kB
    /// blocks, so a damaged or cut-off later block leaves earlier entries readable).
    func compress(_ data: Data, level: Int = 9) throws -> Data {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in")
        try data.write(to: input)
        return try run("'\(path ?? rawValue)' -\(level) \(self == .xz ? "-T1 " : "")-c < '\(input.path)'")
    }

    /// Compresses a tar member header followed by `zeroCount` zero bytes, without holding the zeros in memory.
    func compressZeros(header: Data, zeroCount: Int) throws -> Data {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("header")
        try header.write(to: file)
        return try run("{ cat '\(file.path)'; head -c \(zeroCount) /dev/zero; } | '\(path ?? rawValue)' -1 "
            + "\(self == .xz ? "-T1 " : "")-c")
    }

    // MARK: - Private

    /// Runs a shell command and returns its standard output.
    private func run(_ command: String) throws -> Data {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\(command) > '\(output.path)'"]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "\(command) failed"])
        }
        return try Data(contentsOf: output)
    }

    /// A fresh temporary folder.
    private static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lockgate-archive-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
