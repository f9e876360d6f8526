import Analysis
import Foundation
import LockgateCore

/// `analysis-bench [bench] [--corpus DIR] [--limit N]`: per-package analysis timing over the labelled corpus and a
/// generated 11 MB sdist of 10,000 files.
///
/// `analysis-bench dir PATH...`: timing over the archives given. `analysis-bench huge`: only the generated sdist.
/// `analysis-bench dump [--corpus DIR]`: every archive's sequence and file events, to diff before and after a
/// change to the analysers.
/// `analysis-bench table [--corpus DIR]`: the behaviour frequency table of docs/behaviours.md (run by
/// scripts/behaviour-table). Archives are read in memory only, never extracted or run.
enum AnalysisBench {
    static func main(_ arguments: [String]) async throws {
        var arguments = arguments
        let modes = ["bench", "table", "dir", "huge", "dump"]
        let mode = arguments.first.flatMap { modes.contains($0) ? $0 : nil } ?? "bench"
        if arguments.first == mode { arguments.removeFirst() }
        var corpus = Corpus.defaultFolder()
        var limit = Int.max
        var paths: [String] = []
        while let argument = arguments.first {
            arguments.removeFirst()
            switch argument {
            case "--corpus":
                if let value = arguments.first { corpus = URL(fileURLWithPath: value); arguments.removeFirst() }
            case "--limit": if let value = arguments.first.flatMap(Int.init) { limit = value; arguments.removeFirst() }
            default: paths.append(argument)
            }
        }
        switch mode {
        case "table": try await table(corpus: corpus)
        case "dump": try await SequenceDump.run(corpus: corpus)
        case "huge": huge()
        case "dir": bench(Corpus.archives(at: paths).map { ($0, nil) }, title: "given archives")
        default:
            let (archives, missing) = try Corpus.archives(in: corpus)
            if missing > 0 { print("note: \(missing) benign PyPI archives not fetched (corpus/fetch-pypi-benign)") }
            print(AnalysisTiming.header)
            for slice in BehaviourTable.slices {
                let chosen = archives.filter { $0.ecosystem == slice.0 && $0.label == slice.1 }.prefix(limit)
                bench(chosen.map { ($0.url, $0.ecosystem) }, title: "\(slice.0.rawValue) \(slice.1)", header: false)
            }
            bench(
                archives.prefix(limit == .max ? .max : limit * 4).map { ($0.url, $0.ecosystem) }, title: "all",
                header: false)
            huge()
        }
    }

    static func bench(_ archives: [(URL, Ecosystem?)], title: String, header: Bool = true) {
        var timing = AnalysisTiming()
        for (url, ecosystem) in archives { timing.measure(url, ecosystem: ecosystem) }
        if header { print(AnalysisTiming.header) }
        print(timing.report(title: title))
        if ProcessInfo.processInfo.environment["ANALYSIS_BENCH_SLOWEST"] != nil {
            for (seconds, name) in timing.slowest { print("  slowest: \(AnalysisTiming.ms(seconds)) ms \(name)") }
        }
    }

    static func huge() {
        let (tar, count) = SyntheticSdist.make()
        let (files, readSeconds) = AnalysisTiming.time { (try? PackageLoader.files(of: tar)) ?? [] }
        let source = files.reduce(0) { $0 + $1.data.count }
        let (analysis, seconds) = AnalysisTiming.time { PackageAnalyzer().analyse(files: files, ecosystem: nil) }
        print("")
        print(
            "generated sdist: \(count) files, \(String(format: "%.1f", Double(source) / 1_048_576)) MB of source; "
                + "read \(AnalysisTiming.ms(readSeconds)) ms, analysis \(AnalysisTiming.ms(seconds)) ms "
                + "(\(String(format: "%.1f", Double(source) / 1_048_576 / seconds)) MB/s), "
                + "\(analysis.sequence.behaviours.count) behaviours, \(analysis.skippedFiles.count) files over the caps"
        )
    }

    static func table(corpus: URL) async throws {
        let (archives, missing) = try Corpus.archives(in: corpus)
        let summaries = await Corpus.mapInParallel(archives) { ArchiveSummary($0, analyzer: $1) }
        print(BehaviourTable.render(summaries, missingBenign: missing), terminator: "")
    }
}

try await AnalysisBench.main(Array(CommandLine.arguments.dropFirst()))
