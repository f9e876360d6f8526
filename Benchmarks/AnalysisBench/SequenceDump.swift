import Analysis
import Foundation
import LockgateCore

/// `analysis-bench dump [--corpus DIR]`: every archive's behaviour sequence (token, kind, file:line:col, context,
/// snippet) and package features, one block per archive in corpus order, plus the generated sdist — a reference to
/// compare before and after a change to the analysers (`diff` two dumps).
enum SequenceDump {
    /// Prints the dump of the labelled corpus and the generated sdist.
    static func run(corpus: URL) async throws {
        let (archives, _) = try Corpus.archives(in: corpus)
        let blocks = await Corpus.mapInParallel(archives) { archive, analyzer in
            let title = "== \(archive.ecosystem.rawValue) \(archive.label) \(archive.url.lastPathComponent)"
            guard let data = try? Data(contentsOf: archive.url), let files = try? PackageLoader.files(of: data) else {
                return title + "\nunreadable\n"
            }
            return title + "\n" + render(analyzer.analyse(files: files, ecosystem: archive.ecosystem))
        }
        for block in blocks { print(block, terminator: "") }
        let (tar, _) = SyntheticSdist.make()
        let files = (try? PackageLoader.files(of: tar)) ?? []
        print("== generated sdist")
        print(render(PackageAnalyzer().analyse(files: files, ecosystem: nil)), terminator: "")
    }

    /// One archive's lines.
    static func render(_ analysis: PackageAnalysis) -> String {
        var lines: [String] = []
        let sequence = analysis.sequence
        lines.append("name=\(analysis.name ?? "-") version=\(analysis.version ?? "-") entries=\(analysis.entryNames)")
        lines.append("features=\(sequence.features)")
        lines.append("skipped=\(analysis.skippedFiles)")
        for token in sequence.tokens {
            switch token {
            case .behaviour(let index):
                let b = sequence.behaviours[index]
                lines.append(
                    "  \(b.kind.rawValue) \(b.path):\(b.line):\(b.column) \(b.context) \(b.language) | \(b.snippet)")
            case .entryStart(let entry): lines.append("start:\(entry.rawValue)")
            case .entryEnd(let entry): lines.append("end:\(entry.rawValue)")
            }
        }
        lines.append("behaviours=\(sequence.behaviours.count)")
        for file in analysis.fileAnalyses {
            lines.append("file \(file.path) \(file.language) minified=\(file.isMinified)")
            lines += file.topLevel.map { "  " + event($0) }
            for name in file.functions.keys.sorted() {
                lines.append(" def \(name)")
                lines += file.functions[name, default: []].map { "  " + event($0) }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One file event on a line.
    static func event(_ event: CodeEvent) -> String {
        switch event {
        case .behaviour(let b): return "\(b.kind.rawValue) \(b.line):\(b.column) \(b.context) | \(b.snippet)"
        case .callLocal(let name): return "call \(name)"
        case .importModule(let spec, let line): return "import \(spec) @\(line)"
        case .callImported(let path): return "call-imported \(path)"
        }
    }
}
