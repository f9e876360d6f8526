import ArgumentParser
import Foundation
import LockgateCore

/// The `lockgate` command.
@main
struct Lockgate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lockgate",
        abstract: "A pre-install gate against malicious npm and PyPI packages.",
        discussion: """
            lockgate reads package-lock.json, npm-shrinkwrap.json, yarn.lock, pnpm-lock.yaml, requirements*.txt, \
            poetry.lock, Pipfile.lock and uv.lock, downloads and verifies every locked package, checks it against \
            the policy (.lockgate.yml or --policy), and reports as text, JSON, SARIF or Markdown.

            \(ExitStatus.table)
            """,
        version: LockgateVersion.current,
        subcommands: [Audit.self, Scan.self, Explain.self, List.self, Hook.self, CacheCommand.self, Train.self, Eval.self]
    )

    /// Runs the command and maps every outcome to lockgate's exit codes: argument errors exit 2, not
    /// ArgumentParser's 64, so the table in `--help` holds for every failure.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            // Help, --version and lockgate's own exit codes pass through; every other error is a usage error,
            // which lockgate reports as exit 2 rather than ArgumentParser's 64.
            if exitCode(for: error) == .success || error is ExitCode {
                exit(withError: error)
            }
            let message = fullMessage(for: error)
            if !message.isEmpty { printError(message) }
            Foundation.exit(ExitStatus.usage.rawValue)
        }
    }
}
