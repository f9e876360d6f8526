import Foundation
import LockgateCore

/// Turns a behaviour sequence into named, non-negative feature values (zero means absent), and remembers which
/// behaviours each feature came from so that explanations point at evidence.
struct FeatureExtractor: Sendable {
    /// At most this many behaviour indices are remembered per feature.
    static let maxSources = 12

    /// The families read.
    let options: FeatureOptions

    /// The features of one sequence.
    struct Extraction: Sendable {
        /// Value of every non-zero feature.
        var values: [FeatureKey: Float] = [:]
        /// Behaviour indices behind each feature (filled only when asked for).
        var sources: [FeatureKey: [Int]] = [:]
    }

    /// Extracts the features.
    /// - Parameters:
    ///   - sequence: The sequence.
    ///   - withSources: Whether to record the behaviours behind each feature (for explanations).
    /// - Returns: The features.
    func extract(_ sequence: BehaviourSequence, withSources: Bool = false) -> Extraction {
        var state = State(withSources: withSources)
        let table = TokenTable.shared
        var codes: [UInt16] = []
        var behaviourAt: [Int] = []
        codes.reserveCapacity(sequence.tokens.count)
        var tokenCounts: [UInt16: Int] = [:]
        var kindCounts: [Int: Int] = [:]
        var firstPosition: [Int: (position: Int, behaviour: Int)] = [:]
        var installBehaviours = 0
        var entries = 0
        for token in sequence.tokens {
            switch token {
            case .behaviour(let index):
                guard sequence.behaviours.indices.contains(index) else { continue }
                let behaviour = sequence.behaviours[index]
                let code = table.code(kind: behaviour.kind, context: behaviour.context)
                let kind = table.kindIndex[behaviour.kind] ?? 0
                if firstPosition[kind] == nil { firstPosition[kind] = (codes.count, index) }
                kindCounts[kind, default: 0] += 1
                if behaviour.context == .install { installBehaviours += 1 }
                state.note(FeatureKey(.token, code), source: index)
                state.note(FeatureKey(.kind, UInt16(kind)), source: index)
                codes.append(code)
                behaviourAt.append(index)
                tokenCounts[code, default: 0] += 1
            case .entryStart(let entry):
                entries += 1
                codes.append(table.code(entry: entry, start: true))
                behaviourAt.append(-1)
                tokenCounts[codes[codes.count - 1], default: 0] += 1
            case .entryEnd(let entry):
                codes.append(table.code(entry: entry, start: false))
                behaviourAt.append(-1)
                tokenCounts[codes[codes.count - 1], default: 0] += 1
            }
        }
        if let ecosystem = Ecosystem.allCases.firstIndex(of: sequence.ecosystem) {
            state.set(FeatureKey(.ecosystem, UInt16(ecosystem)), 1)
        }
        for (code, count) in tokenCounts { state.set(FeatureKey(.token, code), log1p(Float(count))) }
        for (kind, count) in kindCounts { state.set(FeatureKey(.kind, UInt16(kind)), log1p(Float(count))) }
        let behaviourCount = codes.count - behaviourAt.lazy.filter { $0 < 0 }.count
        let statistics: [Float] = [
            log1p(Float(codes.count)), log1p(Float(behaviourCount)), Float(kindCounts.count),
            behaviourCount == 0 ? 0 : Float(installBehaviours) / Float(behaviourCount), Float(entries),
        ]
        for (index, value) in statistics.enumerated() { state.set(FeatureKey(.sequence, UInt16(index)), value) }
        if options.order {
            addOrder(codes: codes, behaviourAt: behaviourAt, firstPosition: firstPosition, into: &state)
        }
        if options.packageFeatures { addPackage(sequence.features, into: &state) }
        return state.extraction
    }

    // MARK: - Private

    /// Accumulates values and sources.
    private struct State {
        let withSources: Bool
        var extraction = Extraction()

        mutating func set(_ key: FeatureKey, _ value: Float) {
            if value > 0 { extraction.values[key] = value }
        }

        mutating func note(_ key: FeatureKey, source: Int) {
            guard withSources, source >= 0 else { return }
            var list = extraction.sources[key, default: []]
            if list.count < FeatureExtractor.maxSources, list.last != source { list.append(source) }
            extraction.sources[key] = list
        }
    }

    /// N-grams over the token stream with repeats collapsed, first positions and kind-before-kind pairs.
    private func addOrder(
        codes: [UInt16], behaviourAt: [Int], firstPosition: [Int: (position: Int, behaviour: Int)],
        into state: inout State
    ) {
        var collapsed: [(code: UInt16, behaviour: Int)] = []
        collapsed.reserveCapacity(codes.count)
        for (index, code) in codes.enumerated() where collapsed.last?.code != code {
            collapsed.append((code, behaviourAt[index]))
        }
        var grams: [FeatureKey: Int] = [:]
        for index in collapsed.indices {
            if index >= 1 {
                let key = FeatureKey(.bigram, collapsed[index - 1].code, collapsed[index].code)
                grams[key, default: 0] += 1
                state.note(key, source: collapsed[index - 1].behaviour)
                state.note(key, source: collapsed[index].behaviour)
            }
            if index >= 2 {
                let key = FeatureKey(.trigram, collapsed[index - 2].code, collapsed[index - 1].code, collapsed[index].code)
                grams[key, default: 0] += 1
                for offset in 0...2 { state.note(key, source: collapsed[index - offset].behaviour) }
            }
        }
        for (key, count) in grams { state.set(key, log1p(Float(count))) }
        let length = Float(max(codes.count, 1))
        let ordered = firstPosition.sorted { $0.value.position < $1.value.position }
        for (kind, first) in ordered {
            let key = FeatureKey(.first, UInt16(kind))
            state.set(key, 1 - Float(first.position) / length)
            state.note(key, source: first.behaviour)
        }
        for (i, earlier) in ordered.enumerated() {
            for later in ordered[(i + 1)...] {
                let key = FeatureKey(.pair, UInt16(earlier.key), UInt16(later.key))
                state.set(key, 1)
                state.note(key, source: earlier.value.behaviour)
                state.note(key, source: later.value.behaviour)
            }
        }
    }

    /// Package-level facts, as shares and logarithms.
    private func addPackage(_ features: PackageFeatures, into state: inout State) {
        func share(_ part: Int, _ whole: Int) -> Float { whole <= 0 ? 0 : min(1, Float(max(part, 0)) / Float(whole)) }
        func logarithm(_ value: Int) -> Float { log1p(Float(max(value, 0))) }
        let sourceFiles = features.javascriptFiles + features.pythonFiles
        let values: [Float] = [
            logarithm(features.totalBytes), logarithm(features.fileCount), logarithm(features.sourceBytes),
            share(features.javascriptFiles, features.fileCount), share(features.pythonFiles, features.fileCount),
            share(features.installSourceBytes, features.sourceBytes), features.hasInstallHook ? 1 : 0,
            logarithm(features.binaryFiles), share(features.minifiedFiles, sourceFiles),
            share(features.auxiliaryFiles, sourceFiles),
        ]
        for (index, value) in values.enumerated() { state.set(FeatureKey(.package, UInt16(index)), value) }
    }
}
