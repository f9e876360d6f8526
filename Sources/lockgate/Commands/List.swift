import ArgumentParser
import Foundation
import LockgateCore
import LockgateKit
import Reporting

extension ListFormat: ExpressibleByArgument {}

extension Lockgate {
    /// `lockgate list`: what each lockfile locks.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List what each lockfile locks.",
            discussion: """
                Prints every distinct package (ecosystem, name, version, source, integrity, dev/optional flags and its
                line in the lockfile) and, apart, local links (workspaces, link:, directories, editable roots).

                \(ExitStatus.table)
                """)

        @Argument(help: "Lockfiles, or directories to search for lockfiles.")
        var paths: [String] = []

        @Option(name: [.long, .short], help: "Output format: json or text.")
        var format: ListFormat = .text

        @Option(name: [.long, .short], help: "Write to this file instead of standard output.")
        var output: String?

        @OptionGroup var lockfileOptions: LockfileOptions

        func run() async throws {
            let options = AuditOptions(
                paths: paths, workingDirectory: ReportSink.workingDirectory, lockfileFormat: lockfileOptions.lockfileFormat)
            let listing = try Auditor().list(options)
            let data = try ListReporter.render(listing.lockfiles, problems: listing.problems, format: format)
            try ReportSink.write(data, to: output)
            for problem in listing.problems { printError("lockgate: \(problem)") }
            if !listing.problems.isEmpty { throw ExitCode(ExitStatus.incomplete.rawValue) }
        }
    }
}
