/// One simple command of a shell script: its words, redirections and here-document, and how it is joined to its
/// neighbours (piped, backgrounded).
struct ShellCommand: Sendable {
    /// The words (assignments and wrappers included, as written).
    var words: [ShellToken] = []
    /// Redirections and their targets (`>` → `out.txt`).
    var redirects: [(operator: String, target: ShellToken)] = []
    /// The here-document body fed to the command, when one is.
    var heredoc: ShellToken?
    /// Whether the previous command pipes into this one.
    var pipedFrom = false
    /// Whether this command pipes into the next.
    var pipesTo = false
    /// Whether the command is left running in the background (`&`).
    var background = false

    /// Groups tokens into simple commands.
    static func commands(in tokens: [ShellToken]) -> [ShellCommand] {
        var result: [ShellCommand] = []
        var current = ShellCommand()
        var pendingRedirect: String?
        func finish(pipe: Bool = false, background: Bool = false) {
            current.pipesTo = pipe
            current.background = background
            if !current.words.isEmpty || current.heredoc != nil || !current.redirects.isEmpty { result.append(current) }
            current = ShellCommand()
            current.pipedFrom = pipe
        }
        for token in tokens {
            switch token.kind {
            case .word:
                if let redirect = pendingRedirect {
                    current.redirects.append((redirect, token))
                    pendingRedirect = nil
                } else {
                    current.words.append(token)
                }
            case .redirect(let text):
                pendingRedirect = text
            case .heredoc:
                let opensHeredoc = { (command: ShellCommand) in
                    command.heredoc == nil && command.redirects.contains { $0.operator.hasPrefix("<<") }
                }
                if opensHeredoc(current) {
                    current.heredoc = token
                } else if let index = result.lastIndex(where: opensHeredoc) {
                    result[index].heredoc = token
                }
            case .pipe: finish(pipe: true)
            case .background: finish(background: true)
            case .end, .condition: finish()
            }
        }
        finish()
        return result
    }
}
