import Foundation
import LockgateCore

extension PythonFileContext {
    /// How many layers of code-in-a-string are analysed (`exec` of a string whose code `exec`s another string...).
    static let maxExecutedLayers = 4
    /// The most behaviours one executed string contributes (its distinct (kind, line) pairs).
    static let maxExecutedBehaviours = 200

    /// Analyses the code a call to `exec`, `eval` or `compile` receives when it is a constant: a literal, or a
    /// value folded from base64, hex, `chr` lists, joins and reversals. Code hidden in a string is code: its
    /// behaviours are reported at the call, in the call's context, each with the decoded line as its snippet, so
    /// `exec(base64.b64decode('aW1wb3J0IG9z...'))` reads as the imports, downloads and process runs it hides.
    ///
    /// The nested code is lexed and analysed like a file of its own (its functions count as run), up to
    /// ``maxExecutedLayers`` deep; its size is charged to the file's folding budget, so the work stays linear.
    /// - Parameters:
    ///   - arguments: The call's arguments (the code is the first, or `source=`).
    ///   - index: The call's token.
    func executedCodeEffects(_ arguments: [PythonArgument], at index: Int) {
        guard layer < Self.maxExecutedLayers, let code = arguments.value(at: 0, keyword: "source"),
            let text = code.value.text, Self.looksLikeCode(text), charge(text.utf8.count)
        else { return }
        let nested = PythonFileContext(
            file: SourceFile(path: file.path, data: Data(text.utf8), context: file.context), signals: sharedSignals,
            calls: sharedCalls)
        nested.layer = layer + 1
        nested.foldBudget = foldBudget
        nested.run()
        foldBudget = min(foldBudget, nested.foldBudget)
        var seen: Set<String> = []
        for event in nested.topLevel + nested.functions.keys.sorted().flatMap({ nested.functions[$0] ?? [] }) {
            guard case .behaviour(let behaviour) = event, behaviour.kind != .installHook else { continue }
            let line = Self.decodedLine(behaviour.snippet)
            guard seen.insert("\(behaviour.kind.rawValue) \(line)").inserted else { continue }
            emit(behaviour.kind, at: index, decoded: line)
            if seen.count >= Self.maxExecutedBehaviours { break }
        }
    }

    /// Whether a string can be Python code worth analysing: not empty, not a bare name or number (`eval('1')`,
    /// `eval(key)` in a config reader), and text rather than bytes.
    static func looksLikeCode(_ text: String) -> Bool {
        var sawPunctuation = false
        var count = 0
        for byte in text.utf8 {
            count += 1
            if byte == 0 { return false }
            switch byte {
            case UInt8(ascii: "("), UInt8(ascii: "="), UInt8(ascii: "\n"), UInt8(ascii: ";"), UInt8(ascii: "."):
                sawPunctuation = true
            default: break
            }
        }
        return count >= 8 && sawPunctuation
    }

    /// A nested behaviour's snippet without the `decoded: ` mark a deeper layer gave it.
    static func decodedLine(_ snippet: String) -> String {
        snippet.hasPrefix("decoded: ") ? String(snippet.dropFirst(9)) : snippet
    }
}
