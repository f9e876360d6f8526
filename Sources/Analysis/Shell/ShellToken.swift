/// One token of a shell command line: a word (quotes removed, expansions kept as written), a separator or a
/// redirection, with its 1-based line and column in the script.
struct ShellToken: Sendable, Hashable {
    /// What the token is.
    enum Kind: Sendable, Hashable {
        /// A word.
        case word
        /// `;`, newline, `(` or `)`: the previous command ends.
        case end
        /// `&&` or `||`.
        case condition
        /// `|` or `|&`.
        case pipe
        /// `&`: the previous command runs in the background.
        case background
        /// `>`, `>>`, `<`, `2>`, `&>`, `<<` and the like (the target is the next word).
        case redirect(String)
        /// A here-document's body (follows the `<<` redirect whose delimiter word it ends at).
        case heredoc
    }

    /// What the token is.
    var kind: Kind
    /// The word's value with quotes removed (`"a b"c` → `a bc`); the operator text for operators.
    var text: String
    /// 1-based line in the script.
    var line: Int
    /// 1-based column (in bytes) in the script.
    var column: Int
    /// The bodies of `$(...)`, backquote and `<(...)` substitutions inside the word, as written.
    var substitutions: [String] = []
    /// Bytes between the token's column and its value's first character (1 when the word opens with a quote).
    var contentOffset = 0
    /// Variable names expanded in the word (`$HOME`, `${TOKEN}`, `%APPDATA%`).
    var variables: [String] = []

    /// Whether the word expands something at run time (a variable or a substitution).
    var isDynamic: Bool { !substitutions.isEmpty || !variables.isEmpty }
}
