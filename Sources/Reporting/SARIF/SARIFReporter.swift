import Foundation
import LockgateCore

/// Renders SARIF 2.1.0 for GitHub code scanning: one run, one result per finding on the package's lockfile line,
/// and every problem or unchecked package as an error notification (see `docs/reports.md`).
public enum SARIFReporter {
    /// Renders a report as a SARIF log: sorted keys, pretty-printed, a newline at the end.
    /// - Parameters:
    ///   - report: The report.
    ///   - options: Presentation options; `sarifCategory` sets `automationDetails.id`.
    /// - Returns: UTF-8 SARIF JSON.
    /// - Throws: `ReportingError.unencodable` if the log cannot be encoded.
    public static func render(_ report: ScanReport, options: ReportOptions) throws -> Data {
        try JSONOutput.encode(log(report, options: options), format: "sarif")
    }

    /// Builds the SARIF object model for a report.
    /// - Parameters:
    ///   - report: The report.
    ///   - options: Presentation options.
    /// - Returns: The log.
    static func log(_ report: ScanReport, options: ReportOptions) -> SARIFLog {
        // Info findings (a registry-only hash check, a path source) stay in the JSON and text reports; code scanning
        // gets what needs a decision, so a large lockfile does not turn into thousands of notes.
        let packages = ReportOrdering.packages(report.packages).map { package in
            var actionable = package
            actionable.findings = package.findings.filter { $0.severity >= .warn }
            return actionable
        }
        let problems = ReportOrdering.problems(report.problems)
        let rules = SARIFRules.descriptors(for: Set(packages.flatMap { $0.findings.map(\.rule) }))
        let index = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let builder = SARIFResults(ruleIndex: index, repositoryPaths: Set(packages.compactMap(\.lockfile)))
        let results = builder.results(for: packages)
        let notifications = problems.map(notification) + packages.filter { $0.verdict == .error }.map(notification)
        let usesPackageRoot = results.contains { result in
            (result.locations + (result.relatedLocations ?? [])).contains {
                $0.physicalLocation.artifactLocation.uriBaseId == packageRoot
            }
        }
        let run = SARIFRun(
            tool: SARIFTool(
                driver: SARIFToolComponent(
                    name: "lockgate", semanticVersion: report.toolVersion,
                    informationUri: LockgateVersion.informationURI, rules: rules)),
            automationDetails: SARIFAutomationDetails(id: options.sarifCategory + "/"),
            originalUriBaseIds: usesPackageRoot ? [packageRoot: packageRootDescription] : nil,
            invocations: [
                SARIFInvocation(
                    executionSuccessful: notifications.isEmpty,
                    toolExecutionNotifications: notifications.isEmpty ? nil : notifications)
            ],
            results: results)
        return SARIFLog(runs: [run])
    }

    // MARK: - Private

    private static let packageRoot = SARIFURI.packageRoot

    private static let packageRootDescription = SARIFArtifactLocation(
        description: SARIFMessage(
            text: "The root of the package archive named in the location's message; files are read from the archive, "
                + "never unpacked."))

    /// A lockfile or input that could not be read.
    private static func notification(_ problem: RunProblem) -> SARIFNotification {
        let region = problem.location.map { location in
            SARIFRegion(startLine: max(1, location.line), startColumn: max(1, location.column))
        }
        let location = SARIFLocation(
            physicalLocation: SARIFPhysicalLocation(
                artifactLocation: SARIFURI.artifactLocation(problem.path), region: region))
        return SARIFNotification(
            level: "error", message: SARIFMessage(text: "Could not check \(problem.path): \(problem.message)"),
            locations: [location])
    }

    /// A package that could not be checked.
    private static func notification(_ package: PackageReport) -> SARIFNotification {
        let reasons = package.findings.map(\.message)
        let reason = reasons.isEmpty ? "no reason was recorded" : reasons.joined(separator: "; ")
        let location = SARIFResults.primaryLocation(of: package, snippet: nil)
        return SARIFNotification(
            level: "error",
            message: SARIFMessage(text: "Could not check \(package.name)@\(package.version): \(reason)"),
            locations: location.map { [$0] })
    }
}
