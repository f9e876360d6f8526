import Analysis
import Foundation
import LockgateCore

/// What the frequency table keeps of one analysed archive.
struct ArchiveSummary: Sendable {
    var ecosystem: Ecosystem
    var label: String
    var kinds: Set<BehaviourKind> = []
    var sourceFiles = 0
    var minifiedFiles = 0
    var flaggedFiles = 0
    var minifiedFlaggedFiles = 0
    var shapeObfuscatedFiles = 0
    var minifiedShapeObfuscatedFiles = 0
    var failure: String?

    /// The obfuscation behaviours the analysers report.
    static let obfuscationKinds: Set<BehaviourKind> = [
        .obfuscatedIdentifiers, .packedEval, .pythonProtector, .escapedIdentifiers,
    ]

    /// Reads and analyses one archive (in memory only).
    init(_ archive: CorpusArchive, analyzer: PackageAnalyzer) {
        ecosystem = archive.ecosystem
        label = archive.label
        let files: [PackageFile]
        do {
            files = try PackageLoader.files(of: Data(contentsOf: archive.url))
        } catch {
            failure = "\(archive.url.lastPathComponent): \(error)"
            return
        }
        let analysis = analyzer.analyse(files: files, ecosystem: archive.ecosystem)
        kinds = Set(analysis.sequence.behaviours.map(\.kind))
        let flagged = Set(analysis.sequence.behaviours.filter { Self.obfuscationKinds.contains($0.kind) }.map(\.path))
        let data = Dictionary(files.map { ($0.path, $0.data) }, uniquingKeysWith: { first, _ in first })
        for file in analysis.fileAnalyses where file.language == .javascript || file.language == .python {
            guard let bytes = data[file.path] else { continue }
            sourceFiles += 1
            let obfuscated = SourceShape.measure(bytes).isObfuscated
            if file.isMinified { minifiedFiles += 1 }
            if flagged.contains(file.path) { flaggedFiles += 1 }
            if file.isMinified && flagged.contains(file.path) { minifiedFlaggedFiles += 1 }
            if obfuscated { shapeObfuscatedFiles += 1 }
            if obfuscated && file.isMinified { minifiedShapeObfuscatedFiles += 1 }
        }
    }
}

/// The Markdown tables of docs/behaviours.md: each behaviour's share of packages per ecosystem and label, and how
/// minified and obfuscated files separate.
enum BehaviourTable {
    /// The slices, in column order.
    static let slices: [(Ecosystem, String)] = [
        (.npm, "malicious"), (.npm, "benign"), (.pypi, "malicious"),
        (.pypi, "benign"),
    ]

    /// Renders both tables and the run summary.
    static func render(_ summaries: [ArchiveSummary], missingBenign: Int) -> String {
        let analysed = summaries.filter { $0.failure == nil }
        let failures = summaries.compactMap(\.failure)
        var lines: [String] = []
        lines.append(
            "Archives analysed: \(analysed.count) of \(summaries.count); unreadable: \(failures.count)"
                + (missingBenign > 0 ? "; benign PyPI files not fetched: \(missingBenign)" : "") + ".")
        for failure in failures { lines.append("- unreadable: \(failure)") }
        lines.append("")
        let groups = slices.map { slice in analysed.filter { $0.ecosystem == slice.0 && $0.label == slice.1 } }
        lines.append(
            "| behaviour | "
                + zip(slices, groups).map { "\($0.0.rawValue) \($0.1) (n=\($1.count))" }
                .joined(separator: " | ") + " |")
        lines.append("|---|" + String(repeating: "---:|", count: slices.count))
        for kind in BehaviourKind.allCases {
            let cells = groups.map { group in percent(group.filter { $0.kinds.contains(kind) }.count, of: group.count) }
            lines.append("| `\(kind.rawValue)` | " + cells.joined(separator: " | ") + " |")
        }
        lines.append("")
        lines.append(
            "| slice | packages | source files | minified files | packages with a minified file | files with "
                + "an obfuscation flag | packages with an obfuscation flag | minified files with an obfuscation flag | "
                + "files obfuscated by shape | minified files obfuscated by shape |")
        lines.append("|---|" + String(repeating: "---:|", count: 9))
        for (slice, group) in zip(slices, groups) {
            func sum(_ value: (ArchiveSummary) -> Int) -> Int { group.reduce(0) { $0 + value($1) } }
            let cells = [
                "\(group.count)", "\(sum(\.sourceFiles))", "\(sum(\.minifiedFiles))",
                "\(group.filter { $0.minifiedFiles > 0 }.count)", "\(sum(\.flaggedFiles))",
                "\(group.filter { !$0.kinds.isDisjoint(with: ArchiveSummary.obfuscationKinds) }.count)",
                "\(sum(\.minifiedFlaggedFiles))", "\(sum(\.shapeObfuscatedFiles))",
                "\(sum(\.minifiedShapeObfuscatedFiles))",
            ]
            lines.append("| \(slice.0.rawValue) \(slice.1) | " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `12.3%`, or `–` for an empty slice.
    static func percent(_ count: Int, of total: Int) -> String {
        total == 0 ? "–" : String(format: "%.1f%%", 100 * Double(count) / Double(total))
    }
}
