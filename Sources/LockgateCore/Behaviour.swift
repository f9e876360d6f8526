/// Where in a package a piece of code runs, which changes what a behaviour means.
public enum CodeContext: String, Sendable, Hashable, Codable, CaseIterable {
    /// Runs when the package is installed (npm lifecycle scripts and what they run, setup.py, .pth files).
    case install
    /// Runs when the package is loaded or run (the main entry's and imported modules' top level, bin scripts, and
    /// the local functions they call while loading).
    case runtime
    /// Sits in a function nothing calls while the package installs or loads: it runs only if a user calls it (a
    /// library's API). Payloads rarely wait there; library code mostly does.
    case deferred
    /// Tests, examples, docs and build tooling: analysed, but marked, so a payload hidden there is still seen.
    case auxiliary
}

/// The language a behaviour was found in.
public enum SourceLanguage: String, Sendable, Hashable, Codable, CaseIterable {
    case javascript
    case python
    case shell
    /// Package metadata (package.json scripts, setup.cfg, file layout).
    case metadata
}

/// One observed behaviour with the evidence a person can check: file, line, column and a snippet.
public struct Behaviour: Sendable, Hashable, Codable {
    /// What was observed.
    public var kind: BehaviourKind
    /// The file inside the package.
    public var path: String
    /// 1-based line.
    public var line: Int
    /// 1-based column.
    public var column: Int
    /// A short excerpt (a decoded string is shown decoded, with a note).
    public var snippet: String
    /// The language of the code.
    public var language: SourceLanguage
    /// Where the code runs.
    public var context: CodeContext

    /// Creates a behaviour.
    public init(
        kind: BehaviourKind, path: String, line: Int, column: Int, snippet: String, language: SourceLanguage,
        context: CodeContext
    ) {
        self.kind = kind
        self.path = path
        self.line = line
        self.column = column
        self.snippet = snippet
        self.language = language
        self.context = context
    }
}

/// One token of a behaviour sequence: a behaviour, or the start or end of an entry point.
public enum SequenceToken: Sendable, Hashable, Codable {
    /// A behaviour, by index into `BehaviourSequence.behaviours`.
    case behaviour(Int)
    /// The start of an entry point's code (install script, main module, bin, test file ...).
    case entryStart(EntryKind)
    /// The end of an entry point's code.
    case entryEnd(EntryKind)
}

/// The kinds of entry point a sequence walks, in the order a package would run them.
public enum EntryKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// npm preinstall/install/postinstall/prepare, setup.py, .pth files.
    case install
    /// package.json main/exports, the Python top-level package.
    case main
    /// package.json bin, console scripts.
    case bin
    /// Everything else (tests, examples, docs, unreachable modules).
    case other
}

/// What a package's code would do, in the order it would do it: the input of the model and of `lockgate explain`.
public struct BehaviourSequence: Sendable, Hashable, Codable {
    /// The ecosystem.
    public var ecosystem: Ecosystem
    /// Every behaviour found, in sequence order (tokens refer to them by index).
    public var behaviours: [Behaviour]
    /// The sequence: behaviours and entry boundaries in execution order.
    public var tokens: [SequenceToken]
    /// Package-level facts the model reads beside the sequence.
    public var features: PackageFeatures

    /// Creates a sequence.
    public init(ecosystem: Ecosystem, behaviours: [Behaviour], tokens: [SequenceToken], features: PackageFeatures) {
        self.ecosystem = ecosystem
        self.behaviours = behaviours
        self.tokens = tokens
        self.features = features
    }

    /// The sequence as token strings, as the model reads them: `<context>:<kind>` for behaviours,
    /// `<start|end>:<entry>` for boundaries.
    public var tokenStrings: [String] {
        tokens.map { token in
            switch token {
            case .behaviour(let index):
                let behaviour = behaviours[index]
                return "\(behaviour.context.rawValue):\(behaviour.kind.rawValue)"
            case .entryStart(let entry): return "start:\(entry.rawValue)"
            case .entryEnd(let entry): return "end:\(entry.rawValue)"
            }
        }
    }
}

/// Package-level facts: size, file mix, share of install-time code.
public struct PackageFeatures: Sendable, Hashable, Codable {
    /// Files in the archive.
    public var fileCount: Int
    /// Uncompressed bytes.
    public var totalBytes: Int
    /// JavaScript/TypeScript source files.
    public var javascriptFiles: Int
    /// Python source files.
    public var pythonFiles: Int
    /// Bytes of JavaScript and Python source.
    public var sourceBytes: Int
    /// Bytes of source that runs at install time.
    public var installSourceBytes: Int
    /// Whether the package declares install-time hooks.
    public var hasInstallHook: Bool
    /// Native binaries shipped.
    public var binaryFiles: Int
    /// Minified source files (long lines, dense code, ordinary identifiers).
    public var minifiedFiles: Int
    /// Source files under tests/, docs/, examples/.
    public var auxiliaryFiles: Int

    /// Creates package features.
    public init(
        fileCount: Int = 0, totalBytes: Int = 0, javascriptFiles: Int = 0, pythonFiles: Int = 0, sourceBytes: Int = 0,
        installSourceBytes: Int = 0, hasInstallHook: Bool = false, binaryFiles: Int = 0, minifiedFiles: Int = 0,
        auxiliaryFiles: Int = 0
    ) {
        self.fileCount = fileCount
        self.totalBytes = totalBytes
        self.javascriptFiles = javascriptFiles
        self.pythonFiles = pythonFiles
        self.sourceBytes = sourceBytes
        self.installSourceBytes = installSourceBytes
        self.hasInstallHook = hasInstallHook
        self.binaryFiles = binaryFiles
        self.minifiedFiles = minifiedFiles
        self.auxiliaryFiles = auxiliaryFiles
    }
}
