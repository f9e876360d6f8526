import Foundation
import LockgateCore
import Reporting
import Testing

/// Same input, same bytes: whatever order packages, findings and problems arrive in.
@Suite struct DeterminismTests {
    @Test(arguments: ReportFormat.allCases)
    func shuffledInputRendersTheSameBytes(format: ReportFormat) throws {
        let options = ReportOptions(colour: true)
        let reference = try Reporter.render(ReportFixture.report, format: format, options: options)
        #expect(try Reporter.render(ReportFixture.report, format: format, options: options) == reference)
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<10 {
            let packages = ReportFixture.packages.shuffled(using: &generator).map { package in
                var shuffled = package
                shuffled.findings = package.findings.shuffled(using: &generator)
                return shuffled
            }
            let problems = (ReportFixture.problems + ReportFixture.listProblems).shuffled(using: &generator)
            var report = ScanReport(packages: packages, problems: problems)
            let sorted = ScanReport(
                packages: ReportFixture.packages, problems: ReportFixture.problems + ReportFixture.listProblems)
            let expected = try Reporter.render(sorted, format: format, options: options)
            #expect(try Reporter.render(report, format: format, options: options) == expected)
            // Reporters do not rely on ScanReport.init having sorted the arrays.
            report.packages.reverse()
            report.problems.reverse()
            #expect(try Reporter.render(report, format: format, options: options) == expected)
        }
    }

    @Test(arguments: ListFormat.allCases)
    func shuffledLockfilesRenderTheSameBytes(format: ListFormat) throws {
        let expected = try ListReporter.render(
            ReportFixture.lockfiles, problems: ReportFixture.listProblems, format: format)
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<5 {
            let data = try ListReporter.render(
                ReportFixture.lockfiles.shuffled(using: &generator),
                problems: ReportFixture.listProblems.shuffled(using: &generator), format: format)
            #expect(data == expected)
        }
    }
}

/// A deterministic SplitMix64 generator, so a failing shuffle can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
