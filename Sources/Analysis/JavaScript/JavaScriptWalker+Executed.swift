import Foundation
import LockgateCore

extension JavaScriptWalker {
    /// The most source bytes of executed strings one file's walk analyses, all layers together.
    static let maxExecutedBytes = 4 << 20

    /// Analyses the code `eval`, `new Function`, `vm.runIn…Context` or a string timer receives when it is a
    /// constant: a literal, or a value folded from concatenation, `String.fromCharCode`, `atob`,
    /// `Buffer.from(s, 'base64'|'hex')` and the like. Code hidden in a string is code: its behaviours are reported
    /// at the call, in the call's context, each with the decoded line as its snippet (`decoded: …`).
    ///
    /// The string is lexed and walked like a file of its own (its functions count as run), up to
    /// `ExecutedCode.maxLayers` deep and ``maxExecutedBytes`` per file, so the work stays linear.
    /// - Parameters:
    ///   - value: The code argument's value.
    ///   - index: The call's token.
    mutating func executedCode(_ value: JavaScriptValue, at index: Int) {
        guard layer < ExecutedCode.maxLayers, let text = value.string, ExecutedCode.looksLikeCode(text) else { return }
        let size = text.utf8.count
        guard executedBytes + size <= Self.maxExecutedBytes else { return }
        executedBytes += size
        let source = JavaScriptSource(bytes: Array(text.utf8))
        let stream = source.bytes.withUnsafeBufferPointer { JavaScriptLexer.lex($0) }
        let file = SourceFile(path: code.file.path, data: Data(), context: code.file.context)
        var nested = JavaScriptWalker(source: source, stream: stream, file: file, signals: stringSignals.sharedCache)
        nested.layer = layer + 1
        nested.executedBytes = executedBytes
        nested.run()
        executedBytes = nested.executedBytes
        let analysis = nested.result(isMinified: false)
        let events = analysis.topLevel + analysis.functions.keys.sorted().flatMap { analysis.functions[$0] ?? [] }
        for event in events {
            guard case .behaviour(let behaviour) = event, behaviour.kind != .installHook else { continue }
            record(behaviour.kind, at: index, snippet: "decoded: " + ExecutedCode.decodedLine(behaviour.snippet))
        }
    }
}
