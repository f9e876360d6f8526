import ArgumentParser
import Foundation
import LockgateCore
import LockgateKit
import Policy

/// `--policy FILE` and the hidden `--today`, and loading the policy they name.
struct PolicyArguments: ParsableArguments {
    @Option(help: "The policy file (default: .lockgate.yml at the repository root, else the built-in default).")
    var policy: String?

    @Option(help: ArgumentHelp("The date allowlist expiry is judged against (YYYY-MM-DD).", visibility: .hidden))
    var today: String?

    func validate() throws {
        if let today, today.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) == nil {
            throw ValidationError("--today must be YYYY-MM-DD, got '\(today)'")
        }
    }

    /// Loads the policy, printing the error and exiting 2 when the file is invalid.
    /// - Parameter workingDirectory: Where `.lockgate.yml` is searched from.
    /// - Returns: The policy and its display path.
    func load(workingDirectory: String) throws -> (Policy, String?) {
        do {
            let (policy, path) = try PolicyResolution.load(explicitPath: self.policy, workingDirectory: workingDirectory)
            return (policy, path.map { RepositoryPaths(workingDirectory: workingDirectory).display($0) })
        } catch {
            printError("lockgate: invalid policy: \(error)")
            throw ExitCode(ExitStatus.usage.rawValue)
        }
    }

    /// Today's date for expiry checks.
    var date: String { today ?? AuditOptions.todayUTC() }
}
