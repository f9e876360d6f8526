import ArgumentParser
import Foundation
import LockgateCore
import LockgateKit
import Policy
import Reporting

extension Lockgate {
    /// `lockgate audit`: check every locked package against the policy and report.
    struct Audit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Audit lockfiles against the policy and report.",
            discussion: """
                With no path, audits the lockfiles of the current directory tree (never inside node_modules, .git or
                virtual environments). The policy is --policy FILE, else .lockgate.yml at the repository root, else
                the built-in default (policies/default.yml).

                Several reports at once: each --output applies to the --format before it, e.g.
                  lockgate audit --format sarif --output lockgate.sarif --format text
                Reports are written even when the run ends in exit 3.

                In a pull request, audit only what it changes (the lockfiles at BASE are
                read through git, without a checkout):
                  lockgate audit --diff origin/main
                --staged reads the lockfiles from git's index, as the pre-commit hook does.

                \(ExitStatus.table)
                """)

        @Argument(help: "Lockfiles, or directories to search for lockfiles (default: the current directory).")
        var paths: [String] = []

        @Option(help: "The policy file (default: .lockgate.yml at the repository root, else the built-in default).")
        var policy: String?

        @Option(
            name: [.customLong("format"), .customShort("f")],
            help: "Report format: text, json, sarif or markdown. Repeatable.")
        var formats: [ReportFormat] = []

        @Option(name: [.customLong("output"), .customShort("o")], help: "Write the preceding --format to FILE. Repeatable.")
        var outputs: [String] = []

        @Option(help: ArgumentHelp("The date allowlist expiry is judged against (YYYY-MM-DD).", visibility: .hidden))
        var today: String?

        @Option(
            help: ArgumentHelp(
                "Audit only the packages new or changed since this git revision (a branch, tag or commit).",
                valueName: "BASE"))
        var diff: String?

        @Flag(help: "Read the lockfiles as staged in git's index (what the next commit records), not the working tree.")
        var staged = false

        @OptionGroup var lockfileOptions: LockfileOptions

        @OptionGroup var fetchArguments: FetchArguments

        func validate() throws {
            if let today, today.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) == nil {
                throw ValidationError("--today must be YYYY-MM-DD, got '\(today)'")
            }
            if let diff, diff.isEmpty || diff.hasPrefix("-") {
                throw ValidationError("--diff needs a git revision (a branch, tag or commit), got '\(diff)'")
            }
        }

        func run() async throws {
            let outputs = try ReportOutputs(arguments: Array(CommandLine.arguments.dropFirst()))
            let workingDirectory = ReportSink.workingDirectory
            let (policy, policyPath): (Policy, String?)
            do {
                (policy, policyPath) = try PolicyResolution.load(explicitPath: self.policy, workingDirectory: workingDirectory)
            } catch {
                printError("lockgate: invalid policy: \(error)")
                throw ExitCode(ExitStatus.usage.rawValue)
            }
            var options = AuditOptions(
                paths: paths, workingDirectory: workingDirectory, policy: policy,
                policyPath: policyPath.map { RepositoryPaths(workingDirectory: workingDirectory).display($0) },
                today: today ?? AuditOptions.todayUTC(), lockfileFormat: lockfileOptions.lockfileFormat)
            options.diff = try diffSelection(workingDirectory: workingDirectory)
            let progress = ProgressLine()
            let fetch = fetchArguments.options
            if fetch == nil {
                printError("lockgate: --lockfile-only: packages were not downloaded; only the lockfiles were checked")
            }
            let auditor = try Auditor()
            if auditor.modelVersion == nil && fetch != nil { printError(Self.noModelWarning) }
            let report = await auditor.audit(options, fetch: fetch) { progress.update($0) }
            for destination in outputs.destinations {
                let colour = destination.path == nil && ReportSink.stdoutWantsColour
                let data = try Reporter.render(report, format: destination.format, options: ReportOptions(colour: colour))
                try ReportSink.write(data, to: destination.path)
            }
            let status = report.exitCode
            if status != .ok { throw ExitCode(status.rawValue) }
        }

        /// Printed when no behaviour model ships with this build: packages are analysed but not scored.
        static let noModelWarning =
            "lockgate: warning: no behaviour model is loaded (Resources/model.json is missing from this build); "
            + "packages are analysed but not scored, and each is reported as not_analysed (warn)"

        // MARK: - Private

        /// `--diff` and `--staged`, checked against the repository: outside one, or with a revision git does not
        /// know, the run stops with exit 2 before anything is audited.
        private func diffSelection(workingDirectory: String) throws -> DiffSelection? {
            guard diff != nil || staged else { return nil }
            do {
                let repository = try GitRepository(directory: workingDirectory)
                if let diff {
                    let commit = try repository.commit(diff)
                    printError("lockgate: --diff \(diff): auditing only packages new or changed since \(commit.prefix(12))")
                }
            } catch {
                printError("lockgate: \(diff != nil ? "--diff" : "--staged"): \(error)")
                throw ExitCode(ExitStatus.usage.rawValue)
            }
            return DiffSelection(base: diff, staged: staged)
        }
    }
}
