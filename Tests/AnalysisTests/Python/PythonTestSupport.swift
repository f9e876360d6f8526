import Analysis
import Foundation
import LockgateCore
import Testing

/// Source text with `↓` markers where a behaviour must be reported (1-based line and column, in Unicode scalars,
/// of the character after the marker).
struct PythonMarkedSource {
    /// The source without markers.
    let source: String
    /// The marked positions.
    let marks: [LockgateCore.SourceLocation]

    init(_ marked: String) {
        var text = String.UnicodeScalarView()
        var marks: [LockgateCore.SourceLocation] = []
        var line = 1
        var column = 1
        for scalar in marked.unicodeScalars {
            if scalar == "↓" {
                marks.append(LockgateCore.SourceLocation(line: line, column: column))
                continue
            }
            text.append(scalar)
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        self.source = String(text)
        self.marks = marks
    }
}

/// One rule example: a behaviour and marked source that must report it at every marker.
struct PythonExample: Sendable, CustomTestStringConvertible {
    let kind: BehaviourKind
    let source: String
    let path: String

    init(_ kind: BehaviourKind, _ source: String, path: String = "pkg/module.py") {
        self.kind = kind
        self.source = source
        self.path = path
    }

    var testDescription: String { "\(kind.rawValue): \(source.prefix(60))" }
}

enum PythonTestSupport {
    /// Analyses source text as a runtime file.
    static func analyse(_ source: String, path: String = "pkg/module.py", context: CodeContext = .runtime)
        -> FileAnalysis
    {
        PythonAnalyzer().analyse(SourceFile(path: path, data: Data(source.utf8), context: context))
    }

    /// Every behaviour of a file as `kind@line:column`, for readable failure messages.
    static func describe(_ analysis: FileAnalysis) -> [String] {
        analysis.allBehaviours.map { "\($0.kind.rawValue)@\($0.line):\($0.column)" }
    }

    /// Whether a behaviour of `kind` is reported at `location`.
    static func reports(_ analysis: FileAnalysis, _ kind: BehaviourKind, at location: LockgateCore.SourceLocation)
        -> Bool
    {
        analysis.allBehaviours.contains { behaviour in
            behaviour.kind == kind && behaviour.line == location.line && behaviour.column == location.column
        }
    }

    /// The kinds reported anywhere in a file.
    static func kinds(_ analysis: FileAnalysis) -> Set<BehaviourKind> {
        Set(analysis.allBehaviours.map(\.kind))
    }

    /// Kinds reported for what a string says rather than what code does.
    static let stringKinds: Set<BehaviourKind> = [
        .url, .urlWebhook, .urlPaste, .urlTunnel, .urlOutOfBand, .urlRawIP, .urlDynamicDNS, .urlAppHosting,
        .reconPublicIP, .readCredentialPath, .readBrowserStore, .readDiscordStore, .readCryptoWallet,
        .readSystemAccounts,
        .shellCommand, .base64String, .longString, .highEntropyBlob, .persistence, .escapedIdentifiers,
    ]

    /// Events of a body without behaviours (calls and imports), for structure tests.
    static func structure(_ events: [CodeEvent]) -> [String] {
        events.compactMap { event in
            switch event {
            case .behaviour: return nil
            case .callLocal(let name): return "call:" + name
            case .importModule(let spec, let line): return "import:\(spec)@\(line)"
            case .callImported(let path): return "call-imported:" + path
            }
        }
    }
}
