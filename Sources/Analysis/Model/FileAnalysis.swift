import LockgateCore

/// What one file's code does, in statement order, with the calls and imports the sequence builder follows.
public struct FileAnalysis: Sendable, Hashable {
    /// The file's path inside the package.
    public var path: String
    /// Its language.
    public var language: SourceLanguage
    /// Events of the module's top level (what runs when the file is loaded), in statement order.
    public var topLevel: [CodeEvent]
    /// Events inside each function or method defined in the file, by name (`name`, or `Class.method`), in
    /// statement order. Called local functions are descended into at their call sites.
    public var functions: [String: [CodeEvent]]
    /// Whether the file is minified (long lines, dense code, ordinary identifiers): minified is not obfuscated.
    public var isMinified: Bool

    /// Creates a file analysis.
    public init(
        path: String, language: SourceLanguage, topLevel: [CodeEvent], functions: [String: [CodeEvent]] = [:],
        isMinified: Bool = false
    ) {
        self.path = path
        self.language = language
        self.topLevel = topLevel
        self.functions = functions
        self.isMinified = isMinified
    }

    /// Every behaviour in the file, top level first, then functions by name (for frequency tables and tests).
    public var allBehaviours: [Behaviour] {
        var result = topLevel.compactMap(\.behaviour)
        for name in functions.keys.sorted() { result += functions[name, default: []].compactMap(\.behaviour) }
        return result
    }
}

/// One step of a file's code, in order.
public enum CodeEvent: Sendable, Hashable {
    /// A behaviour.
    case behaviour(Behaviour)
    /// A call to a function defined in the same file (by the name used in `FileAnalysis.functions`).
    case callLocal(String)
    /// A module import or require, as written (`./lib/x`, `lodash`, `.sub`, `pkg.sub`, `os`), with the import's
    /// position; the sequence builder resolves package-local ones and walks them once, in import order.
    case importModule(String, line: Int)
    /// A call of a member of an imported module, by the import spec and the member's dotted name as written: in
    /// Python `._core.Engine`, `.helpers.go`, `pkg.util.Client.start`; in JavaScript the relative specifier, `#`
    /// and the member (`./lib/core#start`; `./lib/core#` calls the module itself, `new` adds `.constructor`). The
    /// sequence builder descends into the function when the module is a file of the package it has already run,
    /// so code an entry file starts in the package's other modules runs at load, not later.
    case callImported(String)

    /// The behaviour, when this event is one.
    public var behaviour: Behaviour? {
        if case .behaviour(let behaviour) = self { return behaviour }
        return nil
    }
}

/// Analyses one source file of a language.
public protocol FileAnalyzer: Sendable {
    /// Analyses a file. Never throws and never crashes: unparsable code yields what could be read, and runs in time
    /// linear in the file's size (a 1 MB single-line minified file included).
    /// - Parameter file: The file.
    /// - Returns: Its events.
    func analyse(_ file: SourceFile) -> FileAnalysis
}
