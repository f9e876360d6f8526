/// Everything one run decided: the input to every reporter.
public struct ScanReport: Sendable, Hashable, Codable {
    /// Counts over the packages, by verdict.
    public struct Summary: Sendable, Hashable, Codable {
        public var packages: Int
        public var pass: Int
        public var warn: Int
        public var block: Int
        public var error: Int
        /// Lockfiles or inputs that could not be read at all.
        public var problems: Int

        /// Creates a summary.
        public init(packages: Int, pass: Int, warn: Int, block: Int, error: Int, problems: Int) {
            self.packages = packages
            self.pass = pass
            self.warn = warn
            self.block = block
            self.error = error
            self.problems = problems
        }
    }

    /// The lockgate version that produced the report.
    public var toolVersion: String
    /// One report per package, sorted by lockfile, location, then name.
    public var packages: [PackageReport]
    /// What could not be checked.
    public var problems: [RunProblem]

    /// Creates a report; packages and problems are sorted so the same input gives the same bytes.
    /// - Parameters:
    ///   - toolVersion: The lockgate version.
    ///   - packages: Package reports in any order.
    ///   - problems: Problems in any order.
    public init(toolVersion: String = LockgateVersion.current, packages: [PackageReport], problems: [RunProblem]) {
        self.toolVersion = toolVersion
        self.packages = packages.sorted(by: ScanReport.packageOrder)
        self.problems = problems.sorted { ($0.path, $0.location?.line ?? 0, $0.message) < ($1.path, $1.location?.line ?? 0, $1.message) }
    }

    /// Counts by verdict.
    public var summary: Summary {
        var summary = Summary(packages: packages.count, pass: 0, warn: 0, block: 0, error: 0, problems: problems.count)
        for package in packages {
            switch package.verdict {
            case .pass: summary.pass += 1
            case .warn: summary.warn += 1
            case .block: summary.block += 1
            case .error: summary.error += 1
            }
        }
        return summary
    }

    /// The exit code the run ends with: 3 when something could not be checked, else 1 when something is blocked,
    /// else 0. See `ExitCode`.
    public var exitCode: ExitStatus {
        if !problems.isEmpty || packages.contains(where: { $0.verdict == .error }) { return .incomplete }
        if packages.contains(where: { $0.verdict == .block }) { return .blocked }
        return .ok
    }

    private static func packageOrder(_ a: PackageReport, _ b: PackageReport) -> Bool {
        let left = (a.lockfile ?? a.input ?? "", a.location?.line ?? 0, a.location?.column ?? 0, a.ecosystem.rawValue, a.name, a.version)
        let right = (b.lockfile ?? b.input ?? "", b.location?.line ?? 0, b.location?.column ?? 0, b.ecosystem.rawValue, b.name, b.version)
        return left < right
    }
}
