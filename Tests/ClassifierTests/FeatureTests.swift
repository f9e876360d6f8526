import Foundation
import LockgateCore
import Testing

@testable import Classifier

@Suite struct FeatureTests {
    @Test func namesRoundTripForEveryFamily() {
        let table = TokenTable.shared
        let code = table.code(kind: .readEnvironmentAll, context: .install)
        let boundary = table.code(entry: .main, start: true)
        let keys = [
            FeatureKey(.ecosystem, 1), FeatureKey(.token, code), FeatureKey(.kind, 3),
            FeatureKey(.bigram, boundary, code),
            FeatureKey(.trigram, code, boundary, code), FeatureKey(.first, 5), FeatureKey(.pair, 2, 7),
            FeatureKey(.sequence, 1), FeatureKey(.package, 9), FeatureKey(.together, 2, 7), FeatureKey(.both, 2, 7),
        ]
        for key in keys {
            #expect(FeatureKey(name: key.name) == key, "\(key.name)")
        }
        #expect(FeatureKey(.bigram, boundary, code).name == "bi:start:main install:read_env_all")
        #expect(FeatureKey(name: "tok:install:no_such_kind") == nil)
        #expect(FeatureKey(name: "nonsense") == nil)
        #expect(FeatureKey(name: "pair:url") == nil)
        #expect(FeatureKey(name: "with:url") == nil)
    }

    @Test func kindsThatShareAFileOrThePackageArePairedOnceOutsideTestsAndDocs() {
        func behaviour(_ kind: BehaviourKind, _ path: String, _ context: CodeContext = .deferred) -> Behaviour {
            Behaviour(kind: kind, path: path, line: 1, column: 1, snippet: "", language: .python, context: context)
        }
        let behaviours = [
            behaviour(.readBrowserStore, "pkg/steal.py"), behaviour(.useNetwork, "pkg/steal.py"),
            behaviour(.readBrowserStore, "pkg/steal.py"), behaviour(.spawnProcess, "pkg/cli.py"),
            behaviour(.readEnvironmentAll, "tests/test_env.py", .auxiliary),
            behaviour(.useNetwork, "tests/test_env.py", .auxiliary),
        ]
        let sequence = BehaviourSequence(
            ecosystem: .pypi, behaviours: behaviours, tokens: behaviours.indices.map { SequenceToken.behaviour($0) },
            features: PackageFeatures())
        let values = FeatureExtractor(options: .full).extract(sequence).valueMap
        let together = values.filter { $0.key.family == .together }
        #expect(together.count == 1)
        let pair = together.keys.first.map(\.name)
        #expect(pair == "with:read_browser_store+use_network" || pair == "with:use_network+read_browser_store")
        #expect(together.values.allSatisfy { $0 == 1 })
        // Across the package (still outside tests and docs): the three kinds make three pairs, in any files.
        let both = Set(values.filter { $0.key.family == .both }.keys.map(\.name))
        let kinds: [BehaviourKind] = [.readBrowserStore, .useNetwork, .spawnProcess]
        #expect(both.count == 3, "\(both)")
        for (first, second) in [(0, 1), (0, 2), (1, 2)] {
            let a = kinds[first].rawValue
            let b = kinds[second].rawValue
            #expect(both.contains("both:\(a)+\(b)") || both.contains("both:\(b)+\(a)"))
        }
        #expect(!both.contains { $0.contains("read_env_all") }, "the auxiliary file's kinds are left out")
    }

    @Test func highSignalKindsAreCountedOncePerContextWithTheirEvidence() {
        func behaviour(_ kind: BehaviourKind, _ context: CodeContext) -> Behaviour {
            Behaviour(kind: kind, path: "p/x.js", line: 1, column: 1, snippet: "", language: .javascript, context: context)
        }
        let behaviours = [
            behaviour(.dnsExfiltration, .install), behaviour(.dnsExfiltration, .install), behaviour(.useNetwork, .install),
            behaviour(.urlWebhook, .runtime), behaviour(.evalCode, .runtime), behaviour(.dnsExfiltration, .deferred),
            behaviour(.persistence, .auxiliary),
        ]
        let sequence = BehaviourSequence(
            ecosystem: .npm, behaviours: behaviours, tokens: behaviours.indices.map { SequenceToken.behaviour($0) },
            features: PackageFeatures())
        let extraction = FeatureExtractor(options: .full).extract(sequence, withSources: true)
        let values = extraction.valueMap
        func statistic(_ name: String) -> FeatureKey? { FeatureKey(name: "seq:high_signal_\(name)") }
        let install = try? #require(statistic("install"))
        let any = try? #require(statistic("kinds"))
        #expect(install.flatMap { values[$0] } == 1)
        #expect(statistic("runtime").flatMap { values[$0] } == 2)
        #expect(statistic("deferred").flatMap { values[$0] } == 1)
        #expect(any.flatMap { values[$0] } == 3, "dns_exfiltration, url_webhook, eval_code; not the auxiliary one")
        #expect(install.flatMap { extraction.sources[$0] } == [0, 1])
        #expect(install?.summary == "distinct high-signal behaviours (install)")
    }

    @Test func tokenCodesAreDistinctAndIndicesFollowDeclarationOrder() {
        let table = TokenTable.shared
        #expect(table.tagsAreIndices)
        for (index, kind) in BehaviourKind.allCases.enumerated() { #expect(table.index(of: kind) == index) }
        var codes: Set<UInt16> = []
        for context in CodeContext.allCases {
            for kind in BehaviourKind.allCases {
                let code = table.code(kind: kind, context: context)
                #expect(table.names[Int(code)] == "\(context.rawValue):\(kind.rawValue)")
                codes.insert(code)
            }
        }
        for entry in EntryKind.allCases {
            codes.insert(table.code(entry: entry, start: true))
            codes.insert(table.code(entry: entry, start: false))
            #expect(table.names[Int(table.code(entry: entry, start: false))] == "end:\(entry.rawValue)")
        }
        #expect(codes.count == table.names.count - 1)
    }

    @Test func orderChangesOrderFeaturesButNotTheBag() {
        let before = SyntheticCorpus.sequence([.readEnvironmentAll, .useNetwork])
        let after = SyntheticCorpus.sequence([.useNetwork, .readEnvironmentAll])
        let ordered = FeatureExtractor(options: .full)
        let a = ordered.extract(before).valueMap
        let b = ordered.extract(after).valueMap
        #expect(a[key("pair:read_env_all<use_network")] == 1)
        #expect(b[key("pair:read_env_all<use_network")] == nil)
        #expect(b[key("pair:use_network<read_env_all")] == 1)
        let bag = FeatureExtractor(options: FeatureOptions(order: false))
        #expect(bag.extract(before).valueMap == bag.extract(after).valueMap)
        #expect(bag.extract(before).keys.allSatisfy { $0.family?.readsOrder == false })
    }

    @Test func packageFeaturesCanBeSwitchedOff() {
        let sequence = SyntheticCorpus.sequence([.url], bytes: 123_456)
        let with = FeatureExtractor(options: .full).extract(sequence).valueMap
        let without = FeatureExtractor(options: FeatureOptions(packageFeatures: false)).extract(sequence).valueMap
        #expect(with.keys.contains { $0.family == .package })
        #expect(!without.keys.contains { $0.family == .package })
        #expect(with.values.allSatisfy { $0 > 0 && $0.isFinite })
    }

    @Test func repeatsCollapseAndSourcesPointAtBehaviours() {
        let sequence = SyntheticCorpus.sequence([.url, .url, .url, .useNetwork])
        let extraction = FeatureExtractor(options: .full).extract(sequence, withSources: true)
        let bigram = key("bi:install:url install:use_network")
        #expect(extraction.valueMap[bigram] == log1p(1))
        #expect(extraction.valueMap[key("bi:install:url install:url")] == nil)
        #expect(extraction.sources[bigram] == [0, 3])
        #expect(extraction.sources[key("tok:install:url")] == [0, 1, 2])
        #expect(extraction.valueMap[key("first:url")] == 1 - Float(1) / 6)
    }

    @Test func badTokenIndicesAreIgnored() {
        var sequence = SyntheticCorpus.sequence([.url])
        sequence.tokens.append(.behaviour(99))
        sequence.tokens.append(.behaviour(-1))
        let extraction = FeatureExtractor(options: .full).extract(sequence, withSources: true)
        #expect(extraction.valueMap[key("tok:install:url")] == log1p(1))
    }

    @Test func binsAgreeWithRawThresholds() {
        var generator = SeededGenerator(seed: 1)
        let rows = (0..<300).map { _ -> SparseRow in
            let value = Float(generator.nextIndex(below: 100)) / 7
            return value > 0 ? SparseRow(columns: [0], values: [value]) : SparseRow(columns: [], values: [])
        }
        let matrix = BinnedMatrix(rows: rows, columnCount: 1, maxBins: 8)
        #expect(matrix.cuts[0].count <= 6)
        for bin in 0..<(matrix.cuts[0].count + 1) {
            let threshold = matrix.threshold(column: 0, bin: bin)
            for (index, row) in rows.enumerated() {
                let value = row.value(at: 0)
                #expect((matrix.bin(row: index, column: 0) <= bin) == (value <= threshold))
            }
        }
    }
}

/// A feature key by name (an impossible key when the name is wrong, so the expectation fails).
func key(_ name: String) -> FeatureKey { FeatureKey(name: name) ?? .unknown(0) }
