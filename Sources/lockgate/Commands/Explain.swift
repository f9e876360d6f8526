import Analysis
import ArgumentParser
import Foundation
import LockgateCore
import LockgateKit

extension SequenceRenderer.Format: ExpressibleByArgument {}

extension Lockgate {
    /// `lockgate explain`: print a package's behaviour sequence with evidence.
    struct Explain: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print what a package's code would do, in execution order, with each behaviour's evidence.",
            discussion: """
                Reads an archive (.tgz, .tar.gz, .whl, .zip) or an unpacked package directory in memory and prints \\
                its behaviour sequence: install-time entry points first, then the main entry and the modules it \\
                imports, then bin entries, then everything else; each behaviour with file:line:column and snippet. \\
                See docs/behaviours.md for the vocabulary.

                \(ExitStatus.table)
                """)

        @Argument(help: "An archive or a package directory.")
        var input: String

        @Option(help: "Force the ecosystem (npm or pypi) instead of detecting it.")
        var ecosystem: Ecosystem?

        @Option(name: [.long, .short], help: "Output format: text or json.")
        var format: SequenceRenderer.Format = .text

        @Option(name: [.long, .short], help: "Write to this file instead of standard output.")
        var output: String?

        func run() async throws {
            do {
                let analysis = try Explainer().explain(input, ecosystem: ecosystem, workingDirectory: ReportSink.workingDirectory)
                try ReportSink.write(SequenceRenderer.render(analysis, format: format), to: output)
            } catch let failure as Explainer.Failure {
                printError("lockgate: \(failure)")
                throw ExitCode(ExitStatus.incomplete.rawValue)
            }
        }
    }
}
