/// What both analysers share about code found in a string that `exec`/`eval` run (see
/// `PythonFileContext.executedCodeEffects` and `JavaScriptWalker.executedCode`).
enum ExecutedCode {
    /// How many layers of code-in-a-string are analysed (`eval` of a string whose code `eval`s another string...).
    static let maxLayers = 4

    /// Whether a string can be code worth analysing: at least a call, an assignment or a statement, not a bare
    /// name or number (`eval('1')`, `setTimeout('x')`), and text rather than bytes.
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

    /// Whether a string written to a file reads as a Python program worth analysing: code by ``looksLikeCode(_:)``
    /// that also imports, defines or runs something (`import `, `def `, `exec(`, `eval(`, `subprocess`), so a config
    /// file, a template of prose or a version stamp is not re-read as code.
    static func looksLikeWrittenCode(_ text: String) -> Bool {
        guard looksLikeCode(text) else { return false }
        return ["import ", "def ", "exec(", "eval(", "subprocess"].contains { text.contains($0) }
    }

    /// A nested behaviour's snippet without the `decoded: ` mark a deeper layer gave it.
    static func decodedLine(_ snippet: String) -> String {
        snippet.hasPrefix("decoded: ") ? String(snippet.dropFirst(9)) : snippet
    }
}
