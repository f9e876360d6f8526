import LockgateCore

/// One entry point the sequence walks: its kind, a label for `lockgate explain`, and what it runs, in order.
struct PlannedEntry: Sendable {
    var kind: EntryKind
    var name: String
    var steps: [EntryStep]
}

/// One thing an entry runs.
enum EntryStep: Sendable {
    /// A metadata behaviour (`install_hook`, a dependency URL).
    case behaviour(Behaviour)
    /// A shell script (an npm lifecycle script) at its place in a file.
    case shell(String, ShellOrigin)
    /// A package file, then the named functions of it (cmdclass `run`, a console script's function), each after
    /// its optional hook behaviour.
    case file(String, functions: [FunctionItem])
    /// A `.pth` file: its `import` lines run at every interpreter start.
    case pth(String)
}

/// A function to walk after a file's top level, with the behaviour that marks why it runs.
struct FunctionItem: Sendable, Hashable {
    var name: String
    var hook: Behaviour? = nil
}
