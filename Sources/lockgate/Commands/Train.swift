import ArgumentParser
import Cache
import Classifier
import Foundation
import LockgateCore
import LockgateKit

extension EstimatorKind: ExpressibleByArgument {}

extension Lockgate {
    /// `lockgate train`: train the behaviour-sequence model on labelled corpora.
    struct Train: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Train the behaviour-sequence model on labelled corpora.",
            discussion: """
                Each corpus folder holds labels.csv (path,ecosystem,label,source,group,sha256; archive paths relative
                to the folder) and, optionally, pypi-benign.json, whose files fetch-pypi-benign keeps in
                --benign-cache. Archives are read in memory, never unpacked; their behaviour sequences are cached by
                sha256 under the cache directory, so a second run analyses nothing.

                One model is trained on both ecosystems. It is calibrated on grouped out-of-fold scores, and its
                default block and warn thresholds are chosen on them (benign false-positive rate ≤ 0.3% and ≤ 2% in
                each ecosystem). The same corpora, seed and lockgate give the same model, byte for byte.

                \(ExitStatus.table)
                """)

        @OptionGroup var corpus: CorpusArguments

        @Option(help: "Where to write the model (JSON).")
        var out: String = "lockgate-model.json"

        @Option(help: "The seed of every random choice (folds, row and column sampling).")
        var seed: UInt64 = 1

        @Option(help: "The learner: boosted-trees (default) or logistic-regression.")
        var estimator: EstimatorKind = .boostedTrees

        func run() async throws {
            let loaded = try await corpus.load()
            var configuration = TrainingConfiguration()
            configuration.estimator = estimator
            let provenance = ModelTrainer.Provenance(
                corpusHash: loaded.digest, corpora: loaded.folders.map { ($0 as NSString).lastPathComponent })
            printError("lockgate: training on \(loaded.samples.count) packages")
            let started = Date()
            let model: BehaviourClassifier
            do {
                model = try ModelTrainer(configuration: configuration).train(
                    loaded.samples, seed: seed, provenance: provenance)
            } catch {
                printError("lockgate: \(error)")
                throw ExitCode(ExitStatus.incomplete.rawValue)
            }
            try ReportSink.write(try model.encoded(), to: out)
            let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
            var lines = [
                "model \(model.modelVersion) written to \(out) (trained in \(seconds) s)",
                "corpus hash \(loaded.digest)",
                "thresholds: \(model.thresholds.summary)",
            ]
            for slice in ["overall", "npm", "pypi"] {
                guard let figures = model.file.training.outOfFold[slice] else { continue }
                lines.append(
                    "out-of-fold \(slice) at its thresholds: recall \(String(format: "%.4f", figures.recall)), FPR "
                        + "\(String(format: "%.4f", figures.falsePositiveRate)), ROC-AUC "
                        + "\(figures.rocAUC.map { String(format: "%.4f", $0) } ?? "–") "
                        + "(\(figures.malicious) malicious, \(figures.benign) benign)")
            }
            print(lines.joined(separator: "\n"))
        }
    }
}

/// The corpus options `train` and `eval` share.
struct CorpusArguments: ParsableArguments {
    @Option(name: .customLong("corpus"), parsing: .upToNextOption, help: "Corpus folders (labels.csv and archives).")
    var folders: [String] = []

    @Option(help: "Where pypi-benign.json's files are (default: $LOCKGATE_CORPUS_CACHE or its usual folder).")
    var benignCache: String?

    @Option(help: "The cache directory (default: $XDG_CACHE_HOME/lockgate, else ~/.cache/lockgate).")
    var cacheDir: String?

    @Flag(help: "Analyse every archive again instead of using cached sequences.")
    var refresh = false

    @Option(help: "Archives analysed, and models trained, at once.")
    var jobs: Int = 2

    func validate() throws {
        guard !folders.isEmpty else { throw ValidationError("give at least one --corpus folder") }
        guard jobs >= 1 && jobs <= 64 else { throw ValidationError("--jobs must be between 1 and 64, got \(jobs)") }
    }

    /// Loads the corpora, printing problems to standard error.
    /// - Parameter chosen: The folders to load instead of `--corpus`'s.
    /// - Returns: The labelled sequences.
    /// - Throws: `ExitCode` 3 when a manifest cannot be read or nothing can be.
    func load(_ chosen: [String]? = nil) async throws -> LoadedCorpus {
        let folders = chosen ?? self.folders
        let environment = ProcessInfo.processInfo.environment
        let cache = SequenceCache(
            cacheDirectory: CacheLocation.directory(explicit: cacheDir, environment: environment),
            analyserVersion: AnalyserVersions.analyser)
        let loader = CorpusLoader(
            cache: cache, benignCache: benignCache ?? CorpusManifest.defaultBenignCache(environment: environment),
            refresh: refresh, concurrency: jobs)
        let loaded: LoadedCorpus
        do {
            loaded = try await loader.load(folders) { printError("lockgate: \($0)") }
        } catch {
            printError("lockgate: \(error)")
            throw ExitCode(ExitStatus.incomplete.rawValue)
        }
        for note in loaded.notes { printError("lockgate: note: \(note)") }
        for problem in loaded.problems.prefix(20) { printError("lockgate: skipped \(problem)") }
        if loaded.problems.count > 20 { printError("lockgate: ... and \(loaded.problems.count - 20) more skipped") }
        return loaded
    }
}
