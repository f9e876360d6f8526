import ArgumentParser
import Classifier
import Foundation
import LockgateCore
import LockgateKit

extension Lockgate {
    /// `lockgate eval`: measure the model's training procedure on labelled corpora with grouped cross-validation.
    struct Eval: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Evaluate the model on labelled corpora (grouped cross-validation) and print Markdown tables.",
            discussion: """
                Trains one model per fold, the way --model was trained (its configuration is recorded in it), on the
                other folds — no group on both sides — and reports precision, recall, F1, ROC-AUC and false-positive
                rate at the model's default thresholds, overall and per ecosystem; then on a size-matched subset, by
                source, by what the code shows (nothing, only low-signal behaviours, high-signal ones only in
                uncalled code, or at install or load), on a cross-source split (npm maltracker held out) and the
                ablations (order-aware vs bag of behaviours, with and without package features, logistic regression).

                --folds 0 trains nothing: it scores the corpora with --model as it is (a held-out set).

                \(ExitStatus.table)
                """)

        @OptionGroup var corpus: CorpusArguments

        @Option(
            name: .customLong("train-corpus"), parsing: .upToNextOption,
            help: ArgumentHelp(
                "Corpus folders every fold also trains on and none is scored on (extra training data, such as "
                    + "training/pypi-tail); a package whose group a fold tests is left out of that fold's training."))
        var trainingFolders: [String] = []

        @Option(help: "The model whose training procedure and thresholds are evaluated (default: the bundled one).")
        var model: String?

        @Option(help: "Cross-validation folds (0: score with --model, train nothing).")
        var folds: Int = 5

        @Option(help: "The seed of the folds and of training.")
        var seed: UInt64 = 1

        @Flag(help: "Skip the ablations (four more cross-validations).")
        var noAblations = false

        @Option(name: [.long, .short], help: "Write the Markdown to this file instead of standard output.")
        var output: String?

        @Option(
            help: ArgumentHelp(
                "Evaluate this training configuration (JSON, as in a model file's training.configuration) instead "
                    + "of the model's own.", visibility: .hidden))
        var configuration: String?

        @Option(help: "Also write every package's out-of-fold score as CSV to this file, worst misjudgements first.")
        var scores: String?

        func validate() throws {
            guard folds == 0 || (folds >= 2 && folds <= 20) else {
                throw ValidationError("--folds must be 0 or between 2 and 20, got \(folds)")
            }
            guard folds > 0 || trainingFolders.isEmpty else {
                throw ValidationError("--train-corpus trains each fold; it needs --folds 2 or more, not 0")
            }
        }

        func run() async throws {
            let classifier: BehaviourClassifier
            do {
                classifier = try model.map { try BehaviourClassifier(contentsOf: $0) } ?? BehaviourClassifier.bundled()
            } catch {
                printError("lockgate: \(error)")
                throw ExitCode(ExitStatus.usage.rawValue)
            }
            let loaded = try await corpus.load()
            let extra = trainingFolders.isEmpty ? nil : try await corpus.load(trainingFolders)
            var header = [
                "corpora: \(loaded.folders.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")) "
                    + "(corpus hash `\(loaded.digest.prefix(16))`)"
            ]
            if let extra {
                header.append(
                    "training only: "
                        + "\(extra.folders.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")) "
                        + "(corpus hash `\(extra.digest.prefix(16))`)")
            }
            header.append("model: `\(classifier.modelVersion)`")
            let report: EvaluationReport
            if folds == 0 {
                report = Evaluator.heldOut(loaded.samples, model: classifier, header: header)
            } else {
                var trainingConfiguration = classifier.file.training.configuration
                if let configuration {
                    do {
                        trainingConfiguration = try JSONDecoder().decode(
                            TrainingConfiguration.self, from: Data(contentsOf: URL(fileURLWithPath: configuration)))
                    } catch {
                        printError("lockgate: cannot read the configuration \(configuration): \(error)")
                        throw ExitCode(ExitStatus.usage.rawValue)
                    }
                }
                let evaluator = Evaluator(
                    configuration: trainingConfiguration, thresholds: classifier.thresholds,
                    folds: folds, seed: seed, ablations: !noAblations, concurrency: corpus.jobs)
                do {
                    report = try await evaluator.run(
                        loaded.samples, trainingOnly: extra?.samples ?? [], header: header
                    ) { printError("lockgate: \($0)") }
                } catch {
                    printError("lockgate: \(error)")
                    throw ExitCode(ExitStatus.incomplete.rawValue)
                }
            }
            try ReportSink.write(Data(report.markdown().utf8), to: output)
            if let scores { try ReportSink.write(Data(report.scoresCSV().utf8), to: scores) }
        }
    }
}
