import ArgumentParser
import Foundation
import LockgateCore
import LockgateKit
import Reporting

extension Ecosystem: ExpressibleByArgument {}

extension Lockgate {
    /// `lockgate scan`: check package archives and unpacked package directories.
    struct Scan: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check package archives (.tgz, .tar.gz, .whl, .zip) or unpacked package directories.",
            discussion: """
                Each input is read in memory (never unpacked to disk), its ecosystem detected from the content
                (--ecosystem forces it), analysed, and judged by the policy. Reports name each input as given.

                \(ExitStatus.table)
                """)

        @Argument(help: "Archives or package directories.")
        var inputs: [String]

        @Option(help: "Force the ecosystem (npm or pypi) instead of detecting it.")
        var ecosystem: Ecosystem?

        @OptionGroup var policyArguments: PolicyArguments

        @Option(
            name: [.customLong("format"), .customShort("f")],
            help: "Report format: text, json, sarif or markdown. Repeatable.")
        var formats: [ReportFormat] = []

        @Option(name: [.customLong("output"), .customShort("o")], help: "Write the preceding --format to FILE. Repeatable.")
        var outputs: [String] = []

        func validate() throws {
            if inputs.isEmpty { throw ValidationError("give at least one archive or package directory") }
        }

        func run() async throws {
            let destinations = try ReportOutputs(arguments: Array(CommandLine.arguments.dropFirst()))
            let workingDirectory = ReportSink.workingDirectory
            let (policy, policyPath) = try policyArguments.load(workingDirectory: workingDirectory)
            let options = AuditOptions(
                paths: inputs, workingDirectory: workingDirectory, policy: policy, policyPath: policyPath,
                today: policyArguments.date)
            let scanner = Scanner(classifier: try BundledModel.load())
            if scanner.modelVersion == nil { printError(Audit.noModelWarning) }
            let report = scanner.scan(inputs, ecosystem: ecosystem, options: options)
            try ReportSink.write(report, to: destinations)
            let status = report.exitCode
            if status != .ok { throw ExitCode(status.rawValue) }
        }
    }
}
