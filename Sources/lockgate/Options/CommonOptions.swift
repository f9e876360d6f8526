import ArgumentParser
import Foundation
import LockgateCore
import Reporting

extension LockfileFormat: ExpressibleByArgument {}

/// Options every command that reads lockfiles shares.
struct LockfileOptions: ParsableArguments {
    @Option(help: "Force the lockfile format instead of detecting it (\(LockfileFormat.allCases.map(\.rawValue).joined(separator: ", "))).")
    var lockfileFormat: LockfileFormat?
}

/// Writes rendered reports to files or standard output.
enum ReportSink {
    /// Writes bytes to a file (atomically) or to standard output.
    /// - Parameters:
    ///   - data: The bytes.
    ///   - path: The file, or nil for standard output.
    /// - Throws: When the file cannot be written.
    static func write(_ data: Data, to path: String?) throws {
        guard let path else {
            FileHandle.standardOutput.write(data)
            return
        }
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw ValidationError("cannot write \(path): \(error.localizedDescription)")
        }
    }

    /// Renders a report in every requested format and writes each where it goes.
    /// - Parameters:
    ///   - report: The report.
    ///   - outputs: The formats and their destinations.
    /// - Throws: When a report cannot be rendered or written.
    static func write(_ report: ScanReport, to outputs: ReportOutputs) throws {
        for destination in outputs.destinations {
            let colour = destination.path == nil && stdoutWantsColour
            let data = try Reporter.render(report, format: destination.format, options: ReportOptions(colour: colour))
            try write(data, to: destination.path)
        }
    }

    /// Whether standard output is a terminal that wants colour (`NO_COLOR` set, or `TERM=dumb`, turn it off).
    static var stdoutWantsColour: Bool {
        let environment = ProcessInfo.processInfo.environment
        if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return isatty(STDOUT_FILENO) == 1
    }

    /// The current working directory.
    static var workingDirectory: String { FileManager.default.currentDirectoryPath }
}
