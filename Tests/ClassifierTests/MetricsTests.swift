import Testing

@testable import Classifier

@Suite struct MetricsTests {
    @Test func confusionCountsAndRatesOnKnownInputs() {
        // Scores ≥ 0.5 are flagged: TP = 3 (0.9, 0.8, 0.6), FN = 1 (0.3), FP = 1 (0.7), TN = 3 (0.1, 0.2, 0.4).
        let scores = [0.9, 0.8, 0.6, 0.3, 0.7, 0.1, 0.2, 0.4]
        let labels = [true, true, true, true, false, false, false, false]
        let metrics = BinaryMetrics(scores: scores, labels: labels, threshold: 0.5)
        #expect(metrics.truePositives == 3)
        #expect(metrics.falseNegatives == 1)
        #expect(metrics.falsePositives == 1)
        #expect(metrics.trueNegatives == 3)
        #expect(metrics.precision == 0.75)
        #expect(metrics.recall == 0.75)
        #expect(metrics.f1 == 0.75)
        #expect(metrics.falsePositiveRate == 0.25)
        // Pairs (malicious, benign) ranked correctly: 0.9, 0.8 beat all 4; 0.6 beats 3; 0.3 beats 2 → 13 of 16.
        #expect(metrics.rocAUC == 13.0 / 16.0)
    }

    @Test func rocAUCExtremesAndTies() {
        #expect(ROCCurve.area(scores: [0.9, 0.8, 0.1], labels: [true, true, false]) == 1)
        #expect(ROCCurve.area(scores: [0.1, 0.2, 0.9], labels: [true, true, false]) == 0)
        #expect(ROCCurve.area(scores: [0.5, 0.5, 0.5, 0.5], labels: [true, false, true, false]) == 0.5)
        #expect(ROCCurve.area(scores: [0.5, 0.4], labels: [true, true]) == nil)
    }

    @Test func emptyClassesGiveDefinedRates() {
        let metrics = BinaryMetrics(scores: [0.2, 0.3], labels: [false, false], threshold: 0.5)
        #expect(metrics.recall == 0)
        #expect(metrics.precision == 1)
        #expect(metrics.falsePositiveRate == 0)
    }

    @Test(arguments: [0.003, 0.01, 0.05, 0.2])
    func thresholdKeepsFalsePositiveRateWithinBound(rate: Double) {
        var generator = SeededGenerator(seed: 5)
        let npm = (0..<700).map { _ in generator.nextUnit() }
        let pypi = (0..<300).map { _ in generator.nextUnit() * generator.nextUnit() }
        let threshold = ThresholdSelector.threshold(benignScores: [npm, pypi, []], maxFalsePositiveRate: rate)
        for scores in [npm, pypi] {
            let flagged = scores.filter { $0 >= threshold }.count
            #expect(Double(flagged) / Double(scores.count) <= rate)
        }
        // Not needlessly high: one grid step lower breaks the bound in at least one ecosystem.
        let lower = threshold - 0.0001
        let broken = [npm, pypi].contains { scores in
            Double(scores.filter { $0 >= lower }.count) / Double(scores.count) > rate
        }
        #expect(broken)
    }

    @Test func evaluationRowUsesPerPackageThresholds() {
        let row = EvaluationRow(
            slice: "x", scores: [0.6, 0.6, 0.2], labels: [true, false, false], block: [0.5, 0.7, 0.5],
            warn: [0.1, 0.1, 0.1])
        #expect(row.recall == 1)
        #expect(row.falsePositiveRate == 0)
        #expect(row.warnFalsePositiveRate == 1)
    }
}

@Suite struct ReportTests {
    @Test func markdownTablesShowOnlyMeaningfulCells() {
        let mixed = EvaluationRow(
            slice: "npm", scores: [0.9, 0.2, 0.8], labels: [true, false, false], block: [0.5, 0.5, 0.5],
            warn: [0.1, 0.1, 0.1])
        let benignOnly = EvaluationRow(
            slice: "npm debian (benign)", scores: [0.2, 0.6], labels: [false, false], block: [0.5, 0.5],
            warn: [0.5, 0.5])
        let report = EvaluationReport(
            header: ["seed 1"], sections: [EvaluationSection(title: "T", note: "N", rows: [mixed, benignOnly])])
        let lines = report.markdown().split(separator: "\n").map(String.init)
        #expect(lines.first == "- seed 1")
        #expect(lines.contains("### T"))
        #expect(lines.contains("| npm | 1 | 2 | 0.500 | 1.000 | 0.667 | 50.00% | 1.0000 | 1.000 | 100.00% |"))
        #expect(lines.contains("| npm debian (benign) | 0 | 2 | – | – | – | 50.00% | – | – | 50.00% |"))
    }
}
