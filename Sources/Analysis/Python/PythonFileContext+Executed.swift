import Foundation
import LockgateCore

extension PythonFileContext {
    /// The most behaviours one executed string contributes (its distinct (kind, line) pairs).
    static let maxExecutedBehaviours = 200

    /// Analyses the code a call to `exec`, `eval` or `compile` receives when it is a constant: a literal, or a
    /// value folded from base64, hex, `chr` lists, joins and reversals. Code hidden in a string is code: its
    /// behaviours are reported at the call, in the call's context, each with the decoded line as its snippet, so
    /// `exec(base64.b64decode('aW1wb3J0IG9z...'))` reads as the imports, downloads and process runs it hides.
    ///
    /// The nested code is lexed and analysed like a file of its own (its functions count as run), up to
    /// `ExecutedCode.maxLayers` deep; its size is charged to the file's folding budget, so the work stays linear.
    /// - Parameters:
    ///   - arguments: The call's arguments (the code is the first, or `source=`).
    ///   - index: The call's token.
    func executedCodeEffects(_ arguments: [PythonArgument], at index: Int) {
        guard let text = arguments.value(at: 0, keyword: "source")?.value.text, ExecutedCode.looksLikeCode(text)
        else { return }
        nestedCodeEffects(text, at: index)
    }

    /// Analyses the code a write puts in a file when it is a constant that reads as Python (it imports, defines or
    /// runs something): a dropper's payload is code before it is a file, so `open('x.py', 'w').write(CODE)`
    /// followed by a run the analyser cannot link (a rename, a path built at run time) still reads as what the
    /// payload does, reported at the write like code passed to `exec`.
    /// - Parameters:
    ///   - arguments: The write's arguments (the text is the first).
    ///   - index: The write call's token.
    func writtenCodeEffects(_ arguments: [PythonArgument], at index: Int) {
        guard let text = arguments.value(at: 0)?.value.text, ExecutedCode.looksLikeWrittenCode(text) else { return }
        nestedCodeEffects(text, at: index)
    }

    /// Lexes and analyses `text` as a file of its own, one layer deeper, and reports its behaviours at `index`.
    private func nestedCodeEffects(_ text: String, at index: Int) {
        guard layer < ExecutedCode.maxLayers, charge(text.utf8.count) else { return }
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
            let line = ExecutedCode.decodedLine(behaviour.snippet)
            guard seen.insert("\(behaviour.kind.rawValue) \(line)").inserted else { continue }
            emit(behaviour.kind, at: index, decoded: line)
            if seen.count >= Self.maxExecutedBehaviours { break }
        }
    }
}
