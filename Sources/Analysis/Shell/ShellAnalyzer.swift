import Foundation
import LockgateCore

/// Reads shell command lines (npm lifecycle scripts, `sh -c` bodies, `.sh` files) into behaviours and the files and
/// inline code they hand to node, python and sh, which the package analyser then follows.
///
/// It recognises downloads (`curl`, `wget`, `Invoke-WebRequest`) and what is done with them (piped into a shell →
/// `download_execute`; saved and run later → `download_execute`), files written then run (`write_execute`),
/// reconnaissance commands, environment dumps, DNS lookups of expanded names (`dns_exfiltration`), background and
/// detached processes, persistence commands, encoded PowerShell, and every word's string signals (URLs, credential
/// paths). Substitutions (`$(...)`, backquotes, `<(...)`) and `sh -c` bodies are analysed too, up to
/// ``maxDepth`` levels deep.
public struct ShellAnalyzer: Sendable {
    /// How deep nested scripts (`sh -c "$(...)"`) are followed.
    public static let maxDepth = 4
    /// Most steps one script yields; a script with more commands than this is read only up to there.
    public static let maxSteps = 5_000
    /// Most nested scripts (substitutions, `sh -c` bodies) analysed per script.
    public static let maxNested = 500

    /// Creates an analyser.
    public init() {}

    /// Analyses a script.
    /// - Parameters:
    ///   - script: The script text.
    ///   - origin: Where it is (file, position, context).
    /// - Returns: Its steps, in order.
    public func analyse(_ script: String, origin: ShellOrigin) -> [ShellStep] {
        var run = ShellRun(origin: origin, scriptLines: script.split(separator: "\n", omittingEmptySubsequences: false))
        run.analyse(script, depth: 0, anchor: nil)
        return run.steps
    }
}

/// The state of one analysis: steps so far, files downloaded and written, variables seen.
struct ShellRun {
    let origin: ShellOrigin
    let scriptLines: [Substring]
    var steps: [ShellStep] = []
    var downloads: Set<String> = []
    var written: Set<String> = []
    var variablesSeen: Set<String> = []
    var emitted: Set<String> = []
    /// Nested scripts analysed so far.
    var nested = 0

    /// Analyses a script; `anchor` pins every position of a nested script to the word that holds it.
    mutating func analyse(_ script: String, depth: Int, anchor: ShellToken?) {
        guard depth <= ShellAnalyzer.maxDepth else { return }
        if depth > 0 {
            guard nested < ShellAnalyzer.maxNested else { return }
            nested += 1
        }
        let commands = ShellCommand.commands(in: ShellLexer.tokens(of: script))
        var previousDownloads = false
        for command in commands {
            guard steps.count < ShellAnalyzer.maxSteps else { return }
            let downloaded = analyse(command, depth: depth, anchor: anchor, pipedFromDownload: previousDownloads)
            previousDownloads = command.pipesTo && (downloaded || (previousDownloads && command.pipedFrom))
        }
    }

    /// The absolute position of a token.
    func position(_ token: ShellToken, anchor: ShellToken?) -> (line: Int, column: Int) {
        let token = anchor ?? token
        let column = token.line == 1 ? origin.column + token.column - 1 : token.column
        return (origin.line + token.line - 1, column)
    }

    /// Records a behaviour at a token, once per kind and position.
    mutating func emit(_ kind: BehaviourKind, at token: ShellToken, anchor: ShellToken?, snippet: String? = nil) {
        let (line, column) = position(token, anchor: anchor)
        guard steps.count < ShellAnalyzer.maxSteps, emitted.insert("\(kind.rawValue):\(line):\(column)").inserted
        else { return }
        steps.append(
            .behaviour(
                Behaviour(
                    kind: kind, path: origin.path, line: line, column: column,
                    snippet: snippet ?? self.snippet(line: line, column: column),
                    language: .shell, context: origin.context)))
    }

    /// The trimmed source line around a column, at most 160 characters.
    func snippet(line: Int, column: Int = 1) -> String {
        let text: Substring
        if let lines = origin.lines {
            text = line - 1 < lines.count && line >= 1 ? lines[line - 1] : ""
        } else {
            let local = line - origin.line
            text = local >= 0 && local < scriptLines.count ? scriptLines[local] : ""
        }
        return ShellRun.trim(text, around: column)
    }

    /// Trims whitespace and shortens to 160 characters; a longer line is cut to a window that starts a little
    /// before `column` (1-based, in bytes), so a behaviour deep in a minified line shows its own code.
    static func trim(_ text: some StringProtocol, around column: Int = 1) -> String {
        let utf8 = text.utf8
        guard utf8.count > 160 else { return text.trimmingCharacters(in: .whitespacesAndNewlines) }
        let start = max(0, min(column - 1 - 40, utf8.count - 160))
        let window = utf8.dropFirst(start).prefix(160)
        let body = String(decoding: window, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return (start > 0 ? "..." : "") + body + (start + 160 < utf8.count ? "..." : "")
    }
}
