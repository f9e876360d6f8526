import Classifier
import LockgateCore

/// Synthetic behaviour sequences written by the tests (no corpus content): packages whose label is decided by the
/// ORDER of two behaviours, or by their presence, plus noise behaviours.
enum SyntheticCorpus {
    /// Noise kinds both classes use.
    static let noise: [BehaviourKind] = [
        .importFileSystemModule, .readFile, .url, .importOSModule, .useEncoding, .writeFile,
    ]

    /// A behaviour with made-up evidence.
    static func behaviour(_ kind: BehaviourKind, _ context: CodeContext, line: Int) -> Behaviour {
        Behaviour(
            kind: kind, path: "package/index.js", line: line, column: 1, snippet: "synthetic \(kind.rawValue)",
            language: .javascript, context: context)
    }

    /// A sequence from kinds in order, inside one install entry.
    static func sequence(_ kinds: [BehaviourKind], ecosystem: Ecosystem = .npm, bytes: Int = 4_000) -> BehaviourSequence
    {
        let behaviours = kinds.enumerated().map { behaviour($1, .install, line: $0 + 1) }
        let tokens =
            [SequenceToken.entryStart(.install)] + behaviours.indices.map { SequenceToken.behaviour($0) }
            + [.entryEnd(.install)]
        return BehaviourSequence(
            ecosystem: ecosystem, behaviours: behaviours, tokens: tokens,
            features: PackageFeatures(fileCount: 3, totalBytes: bytes, javascriptFiles: 2, sourceBytes: bytes / 2))
    }

    /// Packages of both classes that contain the same behaviours; malicious ones read the whole environment BEFORE
    /// using the network, benign ones after.
    ///
    /// Only an order-aware model can tell them apart.
    /// - Parameters:
    ///   - count: Packages per class.
    ///   - seed: The seed.
    ///   - groupSize: Packages per group.
    static func orderProblem(count: Int, seed: UInt64, groupSize: Int = 2) -> [LabelledSequence] {
        var generator = SeededGenerator(seed: seed)
        var samples: [LabelledSequence] = []
        for index in 0..<(2 * count) {
            let malicious = index % 2 == 0
            var kinds: [BehaviourKind] = (0..<(1 + generator.nextIndex(below: 4))).map { _ in
                noise[generator.nextIndex(below: noise.count)]
            }
            let pair: [BehaviourKind] =
                malicious ? [.readEnvironmentAll, .useNetwork] : [.useNetwork, .readEnvironmentAll]
            kinds.insert(contentsOf: pair, at: generator.nextIndex(below: kinds.count + 1))
            kinds += (0..<generator.nextIndex(below: 3)).map { _ in noise[generator.nextIndex(below: noise.count)] }
            let ecosystem: Ecosystem = generator.nextIndex(below: 2) == 0 ? .npm : .pypi
            samples.append(
                LabelledSequence(
                    sequence: sequence(kinds, ecosystem: ecosystem, bytes: 1_000 + generator.nextIndex(below: 50_000)),
                    isMalicious: malicious, source: malicious ? "synthetic-bad" : "synthetic-good",
                    group: "g\(index / (2 * groupSize))-\(malicious)", identifier: "sample-\(index)"))
        }
        return samples
    }

    /// Packages where malicious ones contain `read_credential_path` and benign ones do not (easy, bag-separable).
    static func presenceProblem(count: Int, seed: UInt64) -> [LabelledSequence] {
        var generator = SeededGenerator(seed: seed)
        return (0..<(2 * count)).map { index in
            let malicious = index % 2 == 0
            var kinds: [BehaviourKind] = (0..<(2 + generator.nextIndex(below: 4))).map { _ in
                noise[generator.nextIndex(below: noise.count)]
            }
            if malicious { kinds.insert(.readCredentialPath, at: generator.nextIndex(below: kinds.count + 1)) }
            return LabelledSequence(
                sequence: sequence(kinds, ecosystem: index % 4 < 2 ? .npm : .pypi), isMalicious: malicious,
                source: "synthetic", group: "p\(index / 3)", identifier: "p-\(index)")
        }
    }
}
