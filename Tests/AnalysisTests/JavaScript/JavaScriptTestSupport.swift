import Foundation
import LockgateCore
import Testing

@testable import Analysis

/// Helpers for JavaScript analysis tests: marked source (`↓` before the reported token) and analysis shortcuts.
enum JavaScriptTestSupport {
    /// A position in marked source.
    struct Mark: Hashable, CustomStringConvertible {
        var line: Int
        var column: Int
        var description: String { "\(line):\(column)" }
    }

    /// Removes the `↓` markers and returns the clean source with each marker's position (the character after it).
    static func unmark(_ marked: String) -> (source: String, marks: Set<Mark>) {
        var source = ""
        var marks = Set<Mark>()
        var line = 1, column = 1
        for character in marked {
            if character == "↓" {
                marks.insert(Mark(line: line, column: column))
                continue
            }
            source.append(character)
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (source, marks)
    }

    /// Analyses source text as a runtime file.
    static func analyse(_ source: String, path: String = "package/index.js") -> FileAnalysis {
        JavaScriptAnalyzer().analyse(SourceFile(path: path, data: Data(source.utf8), context: .runtime))
    }

    /// The positions where a kind is reported.
    static func positions(of kind: BehaviourKind, in analysis: FileAnalysis) -> Set<Mark> {
        Set(analysis.allBehaviours.filter { $0.kind == kind }.map { Mark(line: $0.line, column: $0.column) })
    }

    /// The kinds reported anywhere in some source.
    /// Events as short strings (`spawn_process`, `call:f`, `import:os@1`, `call-imported:./x#f`); imports left
    /// out when `imports` is false.
    static func summary(_ events: [CodeEvent], imports: Bool = true) -> [String] {
        events.compactMap { event in
            switch event {
            case .behaviour(let behaviour): behaviour.kind.rawValue
            case .callLocal(let name): "call:\(name)"
            case .importModule(let module, let line): imports ? "import:\(module)@\(line)" : nil
            case .callImported(let path): "call-imported:\(path)"
            }
        }
    }

    static func kinds(in source: String) -> Set<BehaviourKind> {
        Set(analyse(source).allBehaviours.map(\.kind))
    }

    /// Behaviour kinds that describe code (as opposed to the text of a string): these must not come from text
    /// inside a string literal.
    static let codeKinds: Set<BehaviourKind> = [
        .importOSModule, .useOSModule, .importFileSystemModule, .readFile, .writeFile, .readEnvironmentVariable,
        .readEnvironmentAll, .reconHost, .importNetworkModule, .useNetwork, .dnsLookup, .dnsExfiltration,
        .importEncodingModule, .useEncoding, .importProcessModule, .spawnProcess, .evalCode, .downloadExecute,
        .writeExecute, .hiddenProcess, .obfuscatedIdentifiers, .packedEval,
    ]
}
