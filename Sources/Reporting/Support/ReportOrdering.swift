import LockgateCore

/// The one canonical order every reporter renders in, so the same report always gives the same bytes even when a
/// caller built it from unsorted parts or changed its arrays after `ScanReport.init` sorted them.
enum ReportOrdering {
    /// Packages sorted by (lockfile or input, line, column, ecosystem, name, version), ties broken by verdict and
    /// findings; each package's findings sorted with `findings(_:)`.
    /// - Parameter packages: Package reports in any order.
    /// - Returns: The packages in canonical order.
    static func packages(_ packages: [PackageReport]) -> [PackageReport] {
        packages.map { package in
            var sorted = package
            sorted.findings = findings(package.findings)
            return sorted
        }
        .sorted { packageKey($0).lexicographicallyPrecedes(packageKey($1)) }
    }

    /// Findings sorted by severity (block first), rule id, message, then their evidence.
    ///
    /// Evidence keeps its order: the first entry is the strongest.
    /// - Parameter findings: Findings in any order.
    /// - Returns: The findings in canonical order.
    static func findings(_ findings: [Finding]) -> [Finding] {
        findings.sorted { findingKey($0).lexicographicallyPrecedes(findingKey($1)) }
    }

    /// Problems sorted by (path, line, column, message).
    /// - Parameter problems: Problems in any order.
    /// - Returns: The problems in canonical order.
    static func problems(_ problems: [RunProblem]) -> [RunProblem] {
        problems.sorted { problemKey($0).lexicographicallyPrecedes(problemKey($1)) }
    }

    /// Packages that need attention, most serious verdict first (error, block, warn), canonical order within.
    /// - Parameter packages: Packages in canonical order.
    /// - Returns: The packages whose verdict is not `pass`.
    static func attention(_ packages: [PackageReport]) -> [PackageReport] {
        let order: [Verdict] = [.error, .block, .warn]
        return order.flatMap { verdict in packages.filter { $0.verdict == verdict } }
    }

    // MARK: - Private

    /// One comparable component of a sort key: numbers compare as numbers, text as Unicode scalars.
    private enum Component: Comparable {
        case number(Int)
        case text(String)

        static func < (lhs: Component, rhs: Component) -> Bool {
            switch (lhs, rhs) {
            case (.number(let a), .number(let b)): a < b
            case (.text(let a), .text(let b)): a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
            case (.number, .text): true
            case (.text, .number): false
            }
        }
    }

    private static func packageKey(_ package: PackageReport) -> [Component] {
        var key: [Component] = [
            .text(package.lockfile ?? package.input ?? ""),
            .number(package.location?.line ?? 0),
            .number(package.location?.column ?? 0),
            .text(package.ecosystem.rawValue),
            .text(package.name),
            .text(package.version),
            .text(package.verdict.rawValue),
            .number(package.findings.count),
        ]
        for finding in package.findings { key += findingKey(finding) }
        return key
    }

    private static func findingKey(_ finding: Finding) -> [Component] {
        var key: [Component] = [
            .number(-severityRank(finding.severity)), .text(finding.rule), .text(finding.message),
            .number(finding.evidence.count),
        ]
        for evidence in finding.evidence {
            key += [
                .text(evidence.path), .number(evidence.line ?? 0), .number(evidence.column ?? 0),
                .text(evidence.snippet ?? ""),
            ]
        }
        return key
    }

    private static func problemKey(_ problem: RunProblem) -> [Component] {
        [
            .text(problem.path), .number(problem.location?.line ?? 0), .number(problem.location?.column ?? 0),
            .text(problem.message),
        ]
    }

    private static func severityRank(_ severity: Severity) -> Int {
        switch severity {
        case .info: 0
        case .warn: 1
        case .block: 2
        }
    }
}
