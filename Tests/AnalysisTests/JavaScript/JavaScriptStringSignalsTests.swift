import Foundation
import LockgateCore
import Testing

@testable import Analysis

/// The JavaScript analyser's string signals are exactly `StringSignals.kinds(in:)`: over thousands of varied
/// strings (`StringSignalSamples`), for literals, folded values, repeated strings and strings answered from the cache
/// shared across files. Nothing between the walker and `StringSignals` may drop or add a kind.
@Suite struct JavaScriptStringSignalsTests {
    typealias Support = JavaScriptTestSupport
    static let samples = StringSignalSamples.all

    @Test func samplesCoverEveryStringSignalKind() {
        var covered = Set<BehaviourKind>()
        for sample in Self.samples { covered.formUnion(StringSignals.kinds(in: sample)) }
        #expect(StringSignalSamples.coveredKinds.subtracting(covered).isEmpty, "\(covered)")
        #expect(Self.samples.count >= 3_000)
    }

    @Test func memoAnswersAreStringSignalsAnswers() {
        let shared = JavaScriptSignalCache()
        var first = JavaScriptStringSignals(shared: shared)
        var second = JavaScriptStringSignals(shared: shared)
        var alone = JavaScriptStringSignals()
        for sample in Self.samples {
            let expected = StringSignals.kinds(in: sample)
            #expect(first.kinds(in: sample) == expected, "\(sample.prefix(80))")
            #expect(first.kinds(in: sample) == expected, "again: \(sample.prefix(80))")
            #expect(second.kinds(in: sample) == expected, "shared: \(sample.prefix(80))")
            #expect(alone.kinds(in: sample) == expected, "unshared: \(sample.prefix(80))")
        }
    }

    /// Every string signal `StringSignals` reports for a literal is reported at it, and nothing else but
    /// `escaped_identifiers` (the test's own `\"` escapes), in `StringSignals`' order; a second file read by the same
    /// analyser (answers from the shared cache) gets the same behaviours.
    @Test func literalsReportExactlyStringSignalsKinds() {
        let source = Self.samples.enumerated().map { "const s\($0.offset) = \(Self.literal($0.element));" }
            .joined(separator: "\n")
        let analyzer = JavaScriptAnalyzer()
        let file = SourceFile(path: "package/strings.js", data: Data(source.utf8), context: .runtime)
        let analysis = analyzer.analyse(file)
        let byLine = Dictionary(grouping: analysis.allBehaviours.filter { $0.kind != .escapedIdentifiers }, by: \.line)
        for (offset, sample) in Self.samples.enumerated() {
            let reported = byLine[offset + 1, default: []]
            #expect(reported.map(\.kind) == StringSignals.kinds(in: sample), "line \(offset + 1): \(sample.prefix(80))")
            #expect(reported.allSatisfy { $0.column == 11 + String(offset).count }, "line \(offset + 1)")
        }
        #expect(analyzer.analyse(file) == analysis)
    }

    /// A value folded from two literals reports `StringSignals`' kinds of the whole value (as `decoded:` evidence).
    @Test func foldedValuesReportExactlyStringSignalsKinds() {
        let halves = Self.samples.filter { $0.count >= 2 && $0.utf8.count <= 4_000 }.map { sample in
            let middle = sample.index(sample.startIndex, offsetBy: sample.count / 2)
            return (String(sample[..<middle]), String(sample[middle...]))
        }
        let source = halves.enumerated().map {
            "const f\($0.offset) = \(Self.literal($0.element.0)) + \(Self.literal($0.element.1));"
        }.joined(separator: "\n")
        let analysis = Support.analyse(source, path: "package/folded.js")
        let decoded = Dictionary(
            grouping: analysis.allBehaviours.filter { $0.snippet.hasPrefix("decoded: ") }, by: \.line)
        for (offset, (left, right)) in halves.enumerated() {
            let kinds = decoded[offset + 1, default: []].map(\.kind)
            #expect(kinds == StringSignals.kinds(in: left + right), "line \(offset + 1): \((left + right).prefix(80))")
        }
    }

    /// Recon commands are string signals too (the old pre-filter had none of their names).
    @Test(arguments: ["const c = ↓'whoami';", "exec(↓'ipconfig /all');", "const u = ↓'uname -a';"])
    func reconCommandStrings(_ marked: String) {
        let (source, marks) = Support.unmark(marked)
        #expect(Support.positions(of: .reconHost, in: Support.analyse(source)) == marks)
    }

    // MARK: - Private

    /// A double-quoted JavaScript literal whose value is `text`.
    private static func literal(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\u{2028}", "\u{2029}": out += "\\u" + String(scalar.value, radix: 16)
            case _ where scalar.value < 0x20 && scalar != "\t":
                out += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
