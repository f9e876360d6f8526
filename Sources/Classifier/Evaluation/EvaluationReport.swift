import Foundation
import LockgateCore

/// One line of an evaluation table: a slice of packages scored by models that never saw their groups.
public struct EvaluationRow: Sendable, Hashable, Codable {
    /// The slice (`overall`, `npm`, `pypi`, a source, an ablation).
    public var slice: String
    /// Malicious packages in the slice.
    public var malicious: Int
    /// Benign packages in the slice.
    public var benign: Int
    /// Precision at the block threshold.
    public var precision: Double
    /// Recall at the block threshold.
    public var recall: Double
    /// F1 at the block threshold.
    public var f1: Double
    /// False-positive rate at the block threshold.
    public var falsePositiveRate: Double
    /// ROC-AUC (nil when a class is missing).
    public var rocAUC: Double?
    /// Recall at the warn threshold.
    public var warnRecall: Double
    /// False-positive rate at the warn threshold.
    public var warnFalsePositiveRate: Double

    /// Computes a row.
    /// - Parameters:
    ///   - slice: The slice's name.
    ///   - scores: Scores.
    ///   - labels: Labels.
    ///   - block: Each package's block threshold.
    ///   - warn: Each package's warn threshold.
    public init(slice: String, scores: [Double], labels: [Bool], block: [Double], warn: [Double]) {
        self.slice = slice
        let atBlock = BinaryMetrics(scores: zip(scores, block).map { $0 >= $1 ? 1 : 0 }, labels: labels, threshold: 1)
        let atWarn = BinaryMetrics(scores: zip(scores, warn).map { $0 >= $1 ? 1 : 0 }, labels: labels, threshold: 1)
        malicious = atBlock.positives
        benign = atBlock.negatives
        precision = atBlock.precision
        recall = atBlock.recall
        f1 = atBlock.f1
        falsePositiveRate = atBlock.falsePositiveRate
        rocAUC = ROCCurve.area(scores: scores, labels: labels)
        warnRecall = atWarn.recall
        warnFalsePositiveRate = atWarn.falsePositiveRate
    }
}

/// One table of an evaluation.
public struct EvaluationSection: Sendable, Hashable, Codable {
    /// The table's title.
    public var title: String
    /// What the table measures and how.
    public var note: String
    /// Its rows.
    public var rows: [EvaluationRow]

    /// Creates a section.
    public init(title: String, note: String, rows: [EvaluationRow]) {
        self.title = title
        self.note = note
        self.rows = rows
    }
}

/// One package's out-of-fold (or held-out) score: which packages a model got wrong, and by how much.
public struct ScoredSample: Sendable, Hashable, Codable {
    /// The archive's identifier in its corpus.
    public var identifier: String
    /// The ecosystem.
    public var ecosystem: Ecosystem
    /// The corpus label.
    public var isMalicious: Bool
    /// The sample's source.
    public var source: String
    /// The sample's group.
    public var group: String
    /// The calibrated score.
    public var score: Double
    /// The default block threshold for the ecosystem.
    public var block: Double
    /// The default warn threshold for the ecosystem.
    public var warn: Double
}

/// What `lockgate eval` measured: the tables docs/evaluation.md quotes.
public struct EvaluationReport: Sendable, Hashable, Codable {
    /// The report's heading facts (corpus, folds, seed, thresholds).
    public var header: [String]
    /// The tables.
    public var sections: [EvaluationSection]
    /// Every package's score in the main cross-validation (or the held-out scoring).
    public var scores: [ScoredSample]

    /// Creates a report.
    /// - Parameters:
    ///   - header: The heading facts.
    ///   - sections: The tables.
    ///   - scores: Every package's score.
    public init(header: [String], sections: [EvaluationSection], scores: [ScoredSample] = []) {
        self.header = header
        self.sections = sections
        self.scores = scores
    }

    /// The scores as CSV (`identifier,ecosystem,label,source,group,score,verdict`), worst misjudgements first.
    /// - Returns: The CSV text.
    public func scoresCSV() -> String {
        func verdict(_ sample: ScoredSample) -> String {
            sample.score >= sample.block ? "block" : sample.score >= sample.warn ? "warn" : "pass"
        }
        // Missed malware by ascending score, then false positives by descending score, then the rest.
        func error(_ sample: ScoredSample) -> Double { sample.isMalicious ? 1 - sample.score : sample.score }
        let ordered = scores.sorted { error($0) > error($1) }
        func field(_ text: String) -> String {
            text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
                ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        var lines = ["identifier,ecosystem,label,source,group,score,verdict"]
        for sample in ordered {
            lines.append(
                [
                    field(sample.identifier), sample.ecosystem.rawValue, sample.isMalicious ? "malicious" : "benign",
                    field(sample.source), field(sample.group), String(format: "%.6f", sample.score), verdict(sample),
                ].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The report as Markdown tables.
    /// - Returns: The Markdown.
    public func markdown() -> String {
        var lines = header.map { "- \($0)" }
        for section in sections {
            lines += ["", "### \(section.title)", "", section.note, ""]
            lines.append(
                "| slice | malicious | benign | precision | recall | F1 | FPR | ROC-AUC | warn recall | warn FPR |")
            lines.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
            for row in section.rows {
                // A slice of one class has no precision or recall (no malicious) or no false-positive rate (no benign).
                let hasMalicious = row.malicious > 0
                let hasBenign = row.benign > 0
                func cell(_ shown: Bool, _ text: @autoclosure () -> String) -> String { shown ? text() : "–" }
                let cells = [
                    row.slice, "\(row.malicious)", "\(row.benign)", cell(hasMalicious, Self.format(row.precision)),
                    cell(hasMalicious, Self.format(row.recall)), cell(hasMalicious, Self.format(row.f1)),
                    cell(hasBenign, Self.percent(row.falsePositiveRate)),
                    row.rocAUC.map { Self.format($0, digits: 4) } ?? "–",
                    cell(hasMalicious, Self.format(row.warnRecall)),
                    cell(hasBenign, Self.percent(row.warnFalsePositiveRate)),
                ]
                lines.append("| " + cells.joined(separator: " | ") + " |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - Private

    /// A fixed-point number.
    private static func format(_ value: Double, digits: Int = 3) -> String {
        let scale = pow10(digits)
        let rounded = (value * scale).rounded() / scale
        var text = "\(rounded)"
        if let dot = text.firstIndex(of: ".") {
            let decimals = text.distance(from: dot, to: text.endIndex) - 1
            if decimals < digits { text += String(repeating: "0", count: digits - decimals) }
        } else {
            text += "." + String(repeating: "0", count: digits)
        }
        return text
    }

    /// A percentage with two decimals.
    private static func percent(_ value: Double) -> String { format(value * 100, digits: 2) + "%" }

    /// 10^digits.
    private static func pow10(_ digits: Int) -> Double { (0..<digits).reduce(1.0) { value, _ in value * 10 } }
}
