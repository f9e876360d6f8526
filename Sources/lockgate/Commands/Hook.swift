import ArgumentParser
import Foundation
import LockgateCore
import LockgateKit
import Policy

extension Lockgate {
    /// `lockgate hook`: the git pre-commit hook that audits staged lockfiles.
    struct Hook: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Install the git pre-commit hook that audits staged lockfiles.",
            discussion: """
                `lockgate hook install` writes .git/hooks/pre-commit (where git runs it, core.hooksPath included).
                On each commit that stages a lockfile, the hook audits the staged version (git's index, not the
                working tree) against HEAD: only new or changed packages are checked, and the commit is blocked
                when one is blocked (exit 1) or could not be checked (exit 3). A commit that stages no lockfile does
                not start lockgate. Skip the check once with: git commit --no-verify
                """,
            subcommands: [Install.self, Run.self])
    }
}

extension Lockgate.Hook {
    /// `lockgate hook install [--force]`.
    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the pre-commit hook into this repository.",
            discussion: """
                Refuses to replace a pre-commit hook lockgate did not write unless --force (the old hook is then kept
                beside it as pre-commit.before-lockgate). Reinstalling updates lockgate's own hook. When this lockgate
                is not the one on PATH, its path is recorded as `git config lockgate.path` for the hook to use.
                """)

        @Flag(help: "Replace a pre-commit hook lockgate did not write (it is kept as a backup).")
        var force = false

        func run() throws {
            do {
                let repository = try GitRepository(directory: ReportSink.workingDirectory)
                let outcome = try HookInstaller.install(in: repository, force: force)
                switch outcome {
                case .installed(let path): print("lockgate: installed the pre-commit hook at \(path)")
                case .updated(let path): print("lockgate: updated the pre-commit hook at \(path)")
                case .replaced(let path, let backup):
                    print("lockgate: installed the pre-commit hook at \(path); the previous hook is kept at \(backup)")
                }
                try recordBinary(in: repository)
                print("lockgate: commits that stage a lockfile are now audited; skip once with git commit --no-verify")
            } catch {
                printError("lockgate: hook install: \(error)")
                throw ExitCode(ExitStatus.usage.rawValue)
            }
        }

        // MARK: - Private

        /// Points the hook at this binary (`git config lockgate.path`) unless it is the `lockgate` found on PATH.
        private func recordBinary(in repository: GitRepository) throws(DiffError) {
            guard let binary = Bundle.main.executableURL?.resolvingSymlinksInPath().path else { return }
            let onPath = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").lazy
                .map { URL(fileURLWithPath: String($0)).appendingPathComponent("lockgate") }
                .first { FileManager.default.isExecutableFile(atPath: $0.path) }
            if onPath?.resolvingSymlinksInPath().path == binary {
                if repository.config("lockgate.path") != nil { try repository.setConfig("lockgate.path", binary) }
                return
            }
            try repository.setConfig("lockgate.path", binary)
            print("lockgate: the hook will run \(binary) (git config lockgate.path; LOCKGATE=... overrides it)")
        }
    }

    /// `lockgate hook run`: what the pre-commit hook starts once a lockfile is staged.
    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Audit the staged lockfiles against HEAD (run by the pre-commit hook).", shouldDisplay: false)

        @Argument(help: "Lockfiles to audit from the index (default: every staged lockfile).")
        var paths: [String] = []

        @Option(help: "The policy file (default: .lockgate.yml at the repository root, else the built-in default).")
        var policy: String?

        @OptionGroup var lockfileOptions: LockfileOptions

        @OptionGroup var fetchArguments: FetchArguments

        func run() async throws {
            let workingDirectory = ReportSink.workingDirectory
            let repository: GitRepository
            let lockfiles: [String]
            do {
                repository = try GitRepository(directory: workingDirectory)
                lockfiles = paths.isEmpty ? try stagedLockfiles(repository, workingDirectory: workingDirectory) : paths
            } catch {
                printError("lockgate: pre-commit hook: \(error)")
                throw ExitCode(ExitStatus.usage.rawValue)
            }
            guard !lockfiles.isEmpty else { return }
            let (policy, policyPath): (Policy, String?)
            do {
                (policy, policyPath) = try PolicyResolution.load(
                    explicitPath: self.policy, workingDirectory: workingDirectory)
            } catch {
                printError("lockgate: invalid policy: \(error)")
                printError("lockgate: commit blocked; fix the policy, or skip the check once: git commit --no-verify")
                throw ExitCode(ExitStatus.usage.rawValue)
            }
            var options = AuditOptions(
                paths: lockfiles, workingDirectory: workingDirectory, policy: policy,
                policyPath: policyPath.map { RepositoryPaths(workingDirectory: workingDirectory).display($0) },
                lockfileFormat: lockfileOptions.lockfileFormat)
            options.diff = DiffSelection(base: repository.hasHead ? "HEAD" : nil, staged: true)
            let progress = ProgressLine()
            let report = await (try Auditor()).audit(options, fetch: fetchArguments.options) { progress.update($0) }
            FileHandle.standardOutput.write(Data(Self.table(report, base: options.diff?.base).utf8))
            let status = report.exitCode
            guard status != .ok else { return }
            printError(Self.blockMessage(report))
            throw ExitCode(status.rawValue)
        }

        // MARK: - Private

        /// The staged lockfiles, as paths relative to the working directory when it is the repository root.
        private func stagedLockfiles(_ repository: GitRepository, workingDirectory: String) throws(DiffError)
            -> [String]
        {
            let staged = StagedLockfiles.filter(try repository.stagedFiles())
            let atRoot =
                URL(fileURLWithPath: workingDirectory).resolvingSymlinksInPath().path
                == URL(fileURLWithPath: repository.root).resolvingSymlinksInPath().path
            return staged.map { atRoot ? $0 : (repository.root as NSString).appendingPathComponent($0) }
        }

        /// At most this many packages are listed; the full report is one `lockgate audit --staged` away.
        private static let rowLimit = 20

        /// The short table: one row per package that is not `pass` (worst first, at most `rowLimit`) with the
        /// messages of its findings that decided the verdict, what could not be read, and a summary line.
        static func table(_ report: ScanReport, base: String?) -> String {
            let attention = [Verdict.error, .block, .warn].flatMap { verdict in
                report.packages.filter { $0.verdict == verdict }
            }
            let shown = Array(attention.prefix(rowLimit))
            let header = ["VERDICT", "PACKAGE@VERSION", "LOCKFILE:LINE", "RULES"]
            let rows = shown.map { package in
                let name = visible("\(package.name)@\(package.version)")
                return [package.verdict.rawValue, name, place(package), rules(package)]
            }
            var widths = header.map(\.count)
            for row in rows {
                for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
            }
            func line(_ cells: [String]) -> String {
                let padded = zip(cells, widths).map { $0 + String(repeating: " ", count: max(0, $1 - $0.count)) }
                return String(padded.joined(separator: "  ").reversed().drop(while: { $0 == " " }).reversed())
            }
            var lines = shown.isEmpty ? [] : [line(header)]
            for (package, row) in zip(shown, rows) {
                lines.append(line(row))
                let severity: Severity = package.verdict == .warn ? .warn : .block
                for finding in package.findings.filter({ $0.severity == severity }).prefix(2) {
                    lines.append("    \(visible(finding.rule)): \(visible(finding.message))")
                }
            }
            if attention.count > shown.count {
                let more = attention.count - shown.count
                let command = "lockgate audit --staged" + (base.map { " --diff \($0)" } ?? "")
                lines.append("... and \(more) more: \(command) lists them")
            }
            lines += report.problems.map { "could not check: " + visible($0.description) }
            let summary = report.summary
            let scope = base.map { "new or changed since \($0)" } ?? "staged"
            lines.append(
                "lockgate: \(summary.packages) package\(summary.packages == 1 ? "" : "s") \(scope): "
                    + "\(summary.block) blocked, \(summary.warn) warned, \(summary.error) not checked, "
                    + "\(summary.pass) passed")
            return lines.joined(separator: "\n") + "\n"
        }

        /// Why the commit is blocked: the packages blocked or not checked, by name, and the way out.
        static func blockMessage(_ report: ScanReport) -> String {
            let stopped = report.packages.filter { $0.verdict == .block || $0.verdict == .error }
            var names = stopped.prefix(10).map { visible("\($0.name)@\($0.version)") }
            if stopped.count > 10 { names.append("and \(stopped.count - 10) more") }
            var lines: [String] = []
            if !names.isEmpty { lines.append("lockgate: commit blocked by " + names.joined(separator: ", ")) }
            if !report.problems.isEmpty {
                lines.append("lockgate: commit blocked: \(report.problems.count) lockfile(s) could not be checked")
            }
            lines.append("lockgate: fix the lockfile or the policy, or skip the check once: git commit --no-verify")
            return lines.joined(separator: "\n")
        }

        private static func place(_ package: PackageReport) -> String {
            visible((package.lockfile ?? package.input ?? "") + (package.location.map { ":\($0.line)" } ?? ""))
        }

        private static func rules(_ package: PackageReport) -> String {
            var rules: [String] = []
            for finding in package.findings where !rules.contains(finding.rule) { rules.append(finding.rule) }
            return rules.isEmpty ? "-" : visible(rules.joined(separator: ","))
        }

        /// Text from a lockfile with control characters, line separators and bidirectional overrides shown as
        /// `\u{...}` escapes, so a package name cannot move the cursor or forge a line.
        private static func visible(_ text: String) -> String {
            var out = ""
            for scalar in text.unicodeScalars {
                let value = scalar.value
                let hidden =
                    value < 0x20 || (0x7F...0x9F).contains(value) || (0x2028...0x2029).contains(value)
                    || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
                out += hidden ? "\\u{\(String(value, radix: 16))}" : String(scalar)
            }
            return out
        }
    }
}
