import LockgateCore

/// Where a shell script starts inside a file (an npm script value inside package.json, or a whole `.sh` file), so
/// the behaviours found in it point at the right line and column.
public struct ShellOrigin: Sendable, Hashable {
    /// The file holding the script.
    public var path: String
    /// The 1-based line of the script's first character.
    public var line: Int
    /// The 1-based column of the script's first character.
    public var column: Int
    /// Where the script runs.
    public var context: CodeContext
    /// The file's lines for snippets when the script is embedded in a larger file (package.json).
    ///
    /// `nil` uses the script's own lines.
    public var lines: [Substring]?

    /// Creates an origin.
    /// - Parameters:
    ///   - path: The file holding the script.
    ///   - line: The 1-based line of the script's first character.
    ///   - column: The 1-based column of the script's first character.
    ///   - context: Where the script runs.
    ///   - lines: The file's lines for snippets, when the script is embedded in a larger file.
    public init(path: String, line: Int = 1, column: Int = 1, context: CodeContext, lines: [Substring]? = nil) {
        self.path = path
        self.line = line
        self.column = column
        self.context = context
        self.lines = lines
    }
}

/// What a shell script would do, step by step: behaviours, and the code it hands to other interpreters, which the
/// package analyser follows.
public enum ShellStep: Sendable, Hashable {
    /// A behaviour.
    case behaviour(Behaviour)
    /// A file run by an interpreter (`node x.js`, `python x.py`, `sh x.sh`) or directly (`./x`), as written
    /// (relative to the package root, where npm runs scripts).
    case runFile(String, ShellInterpreter, line: Int, column: Int)
    /// Code given inline (`node -e '...'`, `python -c '...'`), with the position of its first character.
    case inlineCode(String, SourceLanguage, line: Int, column: Int)
    /// A Python module run with `python -m`.
    case runModule(String, line: Int, column: Int)
    /// Another package script run with `npm run NAME` (or `yarn NAME`, `pnpm run NAME`).
    case runScript(String)
}

/// How a shell step runs a file.
public enum ShellInterpreter: String, Sendable, Hashable, CaseIterable {
    /// `node`, `nodejs`, `ts-node`.
    case node
    /// `python`, `python3`.
    case python
    /// `sh`, `bash`, `source`, `.`.
    case shell
    /// Run directly (`./x`, `bin/x`): its shebang or its bytes decide.
    case direct
}
