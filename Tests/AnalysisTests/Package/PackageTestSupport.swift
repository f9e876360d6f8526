import Foundation
import LockgateCore

@testable import Analysis

/// A test-only analyser reading a tiny line language, so the sequence builder is tested apart from the real
/// JavaScript and Python analysers: `b KIND` is a behaviour at that line and column, `import SPEC` an import,
/// `call NAME` a local call, `callimported PATH` a call of an imported module's member, `def NAME` … `end` a
/// function body; anything else is ignored.
struct ScriptedAnalyzer: FileAnalyzer {
    let language: SourceLanguage

    func analyse(_ file: SourceFile) -> FileAnalysis {
        var topLevel: [CodeEvent] = []
        var functions: [String: [CodeEvent]] = [:]
        var current: String?
        let lines = String(decoding: file.data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, rawLine) in lines.enumerated() {
            let column = rawLine.prefix { $0 == " " }.count + 1
            let words = rawLine.split(separator: " ").map(String.init)
            guard let head = words.first else { continue }
            var event: CodeEvent?
            switch head {
            case "b":
                guard words.count > 1, let kind = BehaviourKind(rawValue: words[1]) else { continue }
                event = .behaviour(
                    Behaviour(
                        kind: kind, path: file.path, line: offset + 1, column: column,
                        snippet: rawLine.trimmingCharacters(in: .whitespaces), language: language, context: file.context
                    ))
            case "import" where words.count > 1: event = .importModule(words[1], line: offset + 1)
            case "call" where words.count > 1: event = .callLocal(words[1])
            case "callimported" where words.count > 1: event = .callImported(words[1])
            case "def" where words.count > 1:
                current = words[1]
                functions[words[1], default: []] = []
            case "end": current = nil
            default: break
            }
            guard let event else { continue }
            if let current { functions[current, default: []].append(event) } else { topLevel.append(event) }
        }
        return FileAnalysis(path: file.path, language: language, topLevel: topLevel, functions: functions)
    }
}

/// Helpers for package tests.
enum PackageFixture {
    /// An analyser with scripted JavaScript and Python.
    static let analyzer = PackageAnalyzer(
        javascript: ScriptedAnalyzer(language: .javascript), python: ScriptedAnalyzer(language: .python))

    /// Files from (path, text) pairs.
    static func files(_ pairs: [(String, String)]) -> [PackageFile] {
        pairs.map { PackageFile(path: $0.0, data: Data($0.1.utf8)) }
    }

    /// The trace (below) of a package made of (path, text) pairs, analysed as one of an ecosystem.
    static func trace(_ pairs: [(String, String)], ecosystem: Ecosystem) -> [String] {
        trace(analyzer.analyse(files: files(pairs), ecosystem: ecosystem))
    }

    /// The token strings with behaviours written `context:kind@path:line`.
    static func trace(_ analysis: PackageAnalysis) -> [String] {
        analysis.sequence.tokens.map { token in
            switch token {
            case .entryStart(let kind): return "start:\(kind.rawValue)"
            case .entryEnd(let kind): return "end:\(kind.rawValue)"
            case .behaviour(let index):
                let behaviour = analysis.sequence.behaviours[index]
                return "\(behaviour.context.rawValue):\(behaviour.kind.rawValue)@\(behaviour.path):\(behaviour.line)"
            }
        }
    }
}

/// Source written with `↓` markers where a behaviour must be reported.
struct SequenceMarkedText {
    /// The text without markers.
    let text: String
    /// Each marker's 1-based line and column (in UTF-8 bytes), in order.
    let marks: [(line: Int, column: Int)]

    init(_ marked: String) {
        var text = ""
        var marks: [(Int, Int)] = []
        var line = 1
        var column = 1
        for character in marked {
            if character == "↓" {
                marks.append((line, column))
                continue
            }
            text.append(character)
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += character.utf8.count
            }
        }
        self.text = text
        self.marks = marks
    }
}
