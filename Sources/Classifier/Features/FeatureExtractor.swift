import Foundation
import LockgateCore

/// Turns a behaviour sequence into named, non-negative feature values (zero means absent), and remembers which
/// behaviours each feature came from so that explanations point at evidence.
struct FeatureExtractor: Sendable {
    /// At most this many behaviour indices are remembered per feature.
    static let maxSources = 12

    /// The families read.
    let options: FeatureOptions

    /// Behaviours that are rare in ordinary code and carry signal on their own: exfiltration channels, secret
    /// stores, execution of fetched or written code, hiding, persistence, obfuscation, run-time evaluation. How
    /// many distinct ones a package shows in each context is a dense feature, so a rare kind (a DNS exfiltration at
    /// install) counts even when too few training packages show that kind for a tree to split on it alone.
    static let highSignalKinds: Set<BehaviourKind> = [
        .dnsExfiltration, .downloadExecute, .writeExecute, .readDiscordStore, .readBrowserStore, .readCryptoWallet,
        .readCredentialPath, .readSystemAccounts, .readEnvironmentAll, .reconPublicIP, .urlWebhook, .urlOutOfBand,
        .urlTunnel, .urlPaste, .urlRawIP, .urlDynamicDNS, .urlAppHosting, .hiddenProcess, .persistence,
        .pythonProtector, .packedEval, .obfuscatedIdentifiers, .escapedIdentifiers, .offscreenCode, .highEntropyBlob,
        .shellCommand, .evalCode,
    ]
    /// The contexts counted separately (tests, docs and examples are left out).
    static let highSignalContexts: [CodeContext] = [.install, .runtime, .deferred]

    /// The features of one sequence: distinct keys and their positive values.
    struct Extraction: Sendable {
        /// The features present.
        var keys: [FeatureKey] = []
        /// Their values (> 0), by position in `keys`.
        var values: [Float] = []
        /// Behaviour indices behind each feature (filled only when asked for).
        var sources: [FeatureKey: [Int]] = [:]

        /// The values by key.
        var valueMap: [FeatureKey: Float] { Dictionary(uniqueKeysWithValues: zip(keys, values)) }
    }

    /// Extracts the features.
    /// - Parameters:
    ///   - sequence: The sequence.
    ///   - withSources: Whether to record the behaviours behind each feature (for explanations).
    /// - Returns: The features.
    func extract(_ sequence: BehaviourSequence, withSources: Bool = false) -> Extraction {
        let table = TokenTable.shared
        var state = State(withSources: withSources)
        var codes: [UInt16] = []
        var behaviourAt: [Int] = []
        codes.reserveCapacity(sequence.tokens.count)
        behaviourAt.reserveCapacity(sequence.tokens.count)
        var tokenCounts = [Int](repeating: 0, count: table.names.count)
        var kindCounts = [Int](repeating: 0, count: table.kinds.count)
        var firstPosition = [Int](repeating: -1, count: table.kinds.count)
        var firstBehaviour = [Int](repeating: -1, count: table.kinds.count)
        var installBehaviours = 0
        var behaviourCount = 0
        var kindsByFile: [String: UInt64] = [:]
        var highSignal = [UInt64](repeating: 0, count: Self.highSignalContexts.count)
        var entries = 0
        for token in sequence.tokens {
            let code: UInt16
            switch token {
            case .behaviour(let index):
                guard sequence.behaviours.indices.contains(index) else { continue }
                let behaviour = sequence.behaviours[index]
                code = table.code(kind: behaviour.kind, context: behaviour.context)
                let kind = table.index(of: behaviour.kind)
                if firstPosition[kind] < 0 {
                    firstPosition[kind] = codes.count
                    firstBehaviour[kind] = index
                }
                kindCounts[kind] += 1
                behaviourCount += 1
                if behaviour.context != .auxiliary, kind < 64 {
                    kindsByFile[behaviour.path, default: 0] |= 1 << UInt64(kind)
                }
                if behaviour.context == .install { installBehaviours += 1 }
                if kind < 64, Self.highSignalKinds.contains(behaviour.kind),
                    let slot = Self.highSignalContexts.firstIndex(of: behaviour.context)
                {
                    highSignal[slot] |= 1 << UInt64(kind)
                    if withSources {
                        let first = UInt16(FeatureKey.highSignalStatistic)
                        state.note(FeatureKey(.sequence, first + UInt16(slot)), source: index)
                        state.note(FeatureKey(.sequence, first + UInt16(Self.highSignalContexts.count)), source: index)
                    }
                }
                if withSources {
                    state.note(FeatureKey(.token, code), source: index)
                    state.note(FeatureKey(.kind, UInt16(kind)), source: index)
                }
                behaviourAt.append(index)
            case .entryStart(let entry):
                entries += 1
                code = table.code(entry: entry, start: true)
                behaviourAt.append(-1)
            case .entryEnd(let entry):
                code = table.code(entry: entry, start: false)
                behaviourAt.append(-1)
            }
            codes.append(code)
            tokenCounts[Int(code)] += 1
        }
        if let ecosystem = Ecosystem.allCases.firstIndex(of: sequence.ecosystem) {
            state.set(FeatureKey(.ecosystem, UInt16(ecosystem)), 1)
        }
        for (code, count) in tokenCounts.enumerated() where count > 0 {
            state.set(FeatureKey(.token, UInt16(code)), log1p(Float(count)))
        }
        for (kind, count) in kindCounts.enumerated() where count > 0 {
            state.set(FeatureKey(.kind, UInt16(kind)), log1p(Float(count)))
        }
        let statistics: [Float] = [
            log1p(Float(codes.count)), log1p(Float(behaviourCount)), Float(kindCounts.lazy.filter { $0 > 0 }.count),
            behaviourCount == 0 ? 0 : Float(installBehaviours) / Float(behaviourCount), Float(entries),
        ] + highSignal.map { Float($0.nonzeroBitCount) } + [Float(highSignal.reduce(0, |).nonzeroBitCount)]
        for (index, value) in statistics.enumerated() { state.set(FeatureKey(.sequence, UInt16(index)), value) }
        if options.order {
            let firsts = firstPosition.indices.filter { firstPosition[$0] >= 0 }
                .map { (kind: $0, position: firstPosition[$0], behaviour: firstBehaviour[$0]) }
                .sorted { $0.position < $1.position }
            addOrder(codes: codes, behaviourAt: behaviourAt, firsts: firsts, into: &state)
        }
        if options.packageFeatures { addPackage(sequence.features, into: &state) }
        addTogether(kindsByFile, into: &state)
        return state.extraction
    }

    // MARK: - Private

    /// Accumulates values and sources.
    private struct State {
        let withSources: Bool
        var extraction = Extraction()
        var table = KeyTable(capacity: 256)

        /// Sets a feature's value; zero values are not stored.
        mutating func set(_ key: FeatureKey, _ value: Float) {
            guard value > 0 else { return }
            let (index, inserted) = table.insert(key)
            if inserted {
                extraction.keys.append(key)
                extraction.values.append(value)
            } else {
                extraction.values[index] = value
            }
        }

        /// Remembers a behaviour behind a feature.
        mutating func note(_ key: FeatureKey, source: Int) {
            guard withSources, source >= 0 else { return }
            var list = extraction.sources.removeValue(forKey: key) ?? []
            if list.count < FeatureExtractor.maxSources, list.last != source { list.append(source) }
            extraction.sources[key] = list
        }
    }

    /// N-grams over the token stream with repeats collapsed, first positions and kind-before-kind pairs.
    private func addOrder(
        codes: [UInt16], behaviourAt: [Int], firsts: [(kind: Int, position: Int, behaviour: Int)],
        into state: inout State
    ) {
        var collapsed: [UInt16] = []
        var collapsedBehaviour: [Int] = []
        collapsed.reserveCapacity(codes.count)
        for (index, code) in codes.enumerated() where collapsed.last != code {
            collapsed.append(code)
            collapsedBehaviour.append(behaviourAt[index])
        }
        var grams = KeyTable(capacity: min(collapsed.count * 2, 1 << 14))
        var counts: [Int] = []
        func count(_ key: FeatureKey) {
            let (index, inserted) = grams.insert(key)
            if inserted { counts.append(1) } else { counts[index] += 1 }
        }
        for index in collapsed.indices {
            if index >= 1 {
                let key = FeatureKey(.bigram, collapsed[index - 1], collapsed[index])
                count(key)
                if state.withSources {
                    state.note(key, source: collapsedBehaviour[index - 1])
                    state.note(key, source: collapsedBehaviour[index])
                }
            }
            if index >= 2 {
                let key = FeatureKey(.trigram, collapsed[index - 2], collapsed[index - 1], collapsed[index])
                count(key)
                if state.withSources {
                    for offset in (0...2).reversed() { state.note(key, source: collapsedBehaviour[index - offset]) }
                }
            }
        }
        for (key, total) in zip(grams.keys, counts) { state.set(key, log1p(Float(total))) }
        let length = Float(max(codes.count, 1))
        for first in firsts {
            let key = FeatureKey(.first, UInt16(first.kind))
            state.set(key, 1 - Float(first.position) / length)
            state.note(key, source: first.behaviour)
        }
        for (i, earlier) in firsts.enumerated() {
            for later in firsts[(i + 1)...] {
                let key = FeatureKey(.pair, UInt16(earlier.kind), UInt16(later.kind))
                state.set(key, 1)
                if state.withSources {
                    state.note(key, source: earlier.behaviour)
                    state.note(key, source: later.behaviour)
                }
            }
        }
    }

    /// Kind pairs anywhere in the package (`both`) and kind pairs that share a file (`with`), lower kind index
    /// first; a pair found in several files is one feature (setting it again changes nothing).
    private func addTogether(_ kindsByFile: [String: UInt64], into state: inout State) {
        addPairs(of: kindsByFile.values.reduce(0, |), family: .both, into: &state)
        for bits in kindsByFile.values { addPairs(of: bits, family: .together, into: &state) }
    }

    /// Every pair of the kinds in a bit set, as features of `family`.
    private func addPairs(of bits: UInt64, family: FeatureFamily, into state: inout State) {
        guard bits.nonzeroBitCount >= 2 else { return }
        var kinds: [UInt16] = []
        var rest = bits
        while rest != 0 {
            kinds.append(UInt16(rest.trailingZeroBitCount))
            rest &= rest - 1
        }
        for (i, first) in kinds.enumerated() {
            for second in kinds[(i + 1)...] { state.set(FeatureKey(family, first, second), 1) }
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
