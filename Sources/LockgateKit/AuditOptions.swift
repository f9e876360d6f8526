import Foundation
import LockgateCore
import Policy

/// Everything one `audit` or `list` run needs, built before the pipeline starts.
public struct AuditOptions: Sendable {
    /// Lockfiles or directories to search, as given; empty means the working directory's tree.
    public var paths: [String]
    /// The absolute working directory that relative paths are resolved against.
    public var workingDirectory: String
    /// The policy in force.
    public var policy: Policy
    /// The policy file it came from, for evidence (nil for the built-in default).
    public var policyPath: String?
    /// Today's date as `YYYY-MM-DD`, for allowlist expiry.
    public var today: String
    /// A format forced with `--lockfile-format`, else detected per file.
    public var lockfileFormat: LockfileFormat?
    /// `--staged` and `--diff BASE`: read the lockfiles from git's index, audit only what changed since BASE.
    /// Nil reads the working tree and audits every package.
    public var diff: DiffSelection?

    /// Creates options.
    /// - Parameters:
    ///   - paths: Lockfiles or directories.
    ///   - workingDirectory: The absolute working directory.
    ///   - policy: The policy.
    ///   - policyPath: The policy file.
    ///   - today: `YYYY-MM-DD`.
    ///   - lockfileFormat: A forced format.
    public init(
        paths: [String], workingDirectory: String, policy: Policy = .defaultPolicy, policyPath: String? = nil,
        today: String = AuditOptions.todayUTC(), lockfileFormat: LockfileFormat? = nil
    ) {
        self.paths = paths
        self.workingDirectory = workingDirectory
        self.policy = policy
        self.policyPath = policyPath
        self.today = today
        self.lockfileFormat = lockfileFormat
    }

    /// Today's date in UTC as `YYYY-MM-DD`.
    public static func todayUTC() -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        let year = parts.year ?? 1970
        let month = parts.month ?? 1
        let day = parts.day ?? 1
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }
}
