// Inference and load benchmark of the behaviour-sequence model (release build):
//   swift run -c release classifier-bench [--model FILE] [--sequences DIR] [--rounds N]
// --sequences reads the sequences `lockgate train` cached (~/.cache/lockgate/corpus-sequences/<analyser>/); without
// it, synthetic sequences of corpus-like lengths are used. Targets: load ≤ 50 ms, inference ≤ 1 ms per package.
import Classifier
import Foundation
import LockgateCore

/// Command-line arguments.
struct Arguments {
    var model: String?
    var sequences: String?
    var rounds = 5
    var trainSynthetic: Int?

    init(_ arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--model": model = iterator.next()
            case "--sequences": sequences = iterator.next()
            case "--rounds": rounds = iterator.next().flatMap(Int.init) ?? rounds
            case "--train-synthetic": trainSynthetic = iterator.next().flatMap(Int.init)
            default: print("unknown argument \(argument)")
            }
        }
    }
}

/// Seconds since an instant.
func seconds(since start: ContinuousClock.Instant) -> Double {
    let duration = ContinuousClock.now - start
    return Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

/// CPU seconds this thread has used (the machine may be shared: wall time then overstates the cost).
func cpuSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) * 1e-9
}

/// Percentile of sorted values.
func percentile(_ sorted: [Double], _ p: Double) -> Double {
    sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
}

/// Cached corpus sequences, or synthetic ones.
func loadSequences(_ folder: String?) -> [BehaviourSequence] {
    if let folder, let enumerator = FileManager.default.enumerator(atPath: folder) {
        var result: [BehaviourSequence] = []
        for case let path as String in enumerator where path.hasSuffix(".json") {
            let full = (folder as NSString).appendingPathComponent(path)
            if let data = FileManager.default.contents(atPath: full),
                let sequence = try? JSONDecoder().decode(BehaviourSequence.self, from: data)
            {
                result.append(sequence)
            }
        }
        if !result.isEmpty { return result }
    }
    var generator = SeededGenerator(seed: 1)
    let kinds = BehaviourKind.allCases
    let contexts = CodeContext.allCases
    return (0..<6_000).map { index in
        // Lengths from a few to a few thousand tokens, like the corpus's small malware and large libraries.
        let length = Int(pow(10, 0.5 + 3 * generator.nextUnit()))
        let behaviours = (0..<length).map { line in
            Behaviour(
                kind: kinds[generator.nextIndex(below: kinds.count)], path: "package/index.js", line: line + 1,
                column: 1, snippet: "", language: .javascript,
                context: contexts[generator.nextIndex(below: contexts.count)])
        }
        let tokens =
            [SequenceToken.entryStart(.install)] + behaviours.indices.map { .behaviour($0) } + [.entryEnd(.install)]
        return BehaviourSequence(
            ecosystem: index % 2 == 0 ? .npm : .pypi, behaviours: behaviours, tokens: tokens,
            features: PackageFeatures(fileCount: 10, totalBytes: 40_000, javascriptFiles: 5, sourceBytes: 30_000))
    }
}

let arguments = Arguments(CommandLine.arguments)
if let count = arguments.trainSynthetic {
    // Training time at corpus scale: synthetic sequences labelled by a noisy rule, written to --model.
    var generator = SeededGenerator(seed: 5)
    let samples = loadSequences(nil).prefix(count).enumerated().map { index, sequence in
        let risky = sequence.behaviours.contains { $0.kind == .readEnvironmentAll && $0.context == .install }
        return LabelledSequence(
            sequence: sequence, isMalicious: risky != (generator.nextUnit() < 0.1), source: "synthetic",
            group: "g\(index / 2)", identifier: "\(index)")
    }
    let start = ContinuousClock.now
    do {
        let trained = try ModelTrainer().train(
            Array(samples), seed: 1, provenance: .init(corpusHash: String(repeating: "0", count: 64), corpora: []))
        print("trained on \(samples.count) synthetic packages in \(String(format: "%.1f", seconds(since: start))) s")
        if let path = arguments.model { try trained.encoded().write(to: URL(fileURLWithPath: path)) }
    } catch {
        print("training failed: \(error)")
        exit(1)
    }
}
var loadTimes: [Double] = []
var loadCPU: [Double] = []
var model: BehaviourClassifier?
for _ in 0..<max(arguments.rounds, 1) {
    let start = ContinuousClock.now
    let startCPU = cpuSeconds()
    do {
        model = try arguments.model.map { try BehaviourClassifier(contentsOf: $0) } ?? BehaviourClassifier.bundled()
    } catch {
        print("cannot load the model: \(error)")
        exit(1)
    }
    loadTimes.append(seconds(since: start))
    loadCPU.append(cpuSeconds() - startCPU)
}
guard let model else { exit(1) }
let sequences = loadSequences(arguments.sequences)
var times: [Double] = []
var explainTimes: [Double] = []
var checksum = 0.0
let scoringCPU = cpuSeconds()
for _ in 0..<max(arguments.rounds, 1) {
    for sequence in sequences {
        let start = ContinuousClock.now
        checksum += model.score(sequence)
        times.append(seconds(since: start))
    }
}
let scoringCPUTotal = cpuSeconds() - scoringCPU
for sequence in sequences.prefix(500) {
    let start = ContinuousClock.now
    checksum += Double(model.explain(sequence, top: 5).count)
    explainTimes.append(seconds(since: start))
}
times.sort()
explainTimes.sort()
loadTimes.sort()
loadCPU.sort()
let tokens = sequences.map(\.tokens.count).sorted()
func ms(_ value: Double) -> String { String(format: "%.3f ms", value * 1000) }
print(
    "model \(model.modelVersion): load median \(ms(percentile(loadTimes, 0.5))) wall, "
        + "\(ms(percentile(loadCPU, 0.5))) CPU; max \(ms(loadTimes.last ?? 0)) wall")
print(
    "\(sequences.count) sequences (tokens median \(percentile(tokens.map(Double.init), 0.5)), "
        + "max \(tokens.last ?? 0)); "
        + "score median \(ms(percentile(times, 0.5))), p99 \(ms(percentile(times, 0.99))), max \(ms(times.last ?? 0)), "
        + "mean \(ms(times.reduce(0, +) / Double(max(times.count, 1)))) wall, "
        + "\(ms(scoringCPUTotal / Double(max(times.count, 1)))) CPU")
print("explain (top 5) median \(ms(percentile(explainTimes, 0.5))), p99 \(ms(percentile(explainTimes, 0.99)))")
print("checksum \(checksum)")
