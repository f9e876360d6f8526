import LockgateCore

/// What a whole package would do: its identity, its behaviour sequence in execution order, and the analysis of each
/// file it holds.
public struct PackageAnalysis: Sendable, Hashable {
    /// The ecosystem (given, or detected from the files).
    public var ecosystem: Ecosystem
    /// The name from package.json, PKG-INFO or METADATA, when found.
    public var name: String?
    /// The version from the same place, when found.
    public var version: String?
    /// The behaviour sequence in execution order.
    public var sequence: BehaviourSequence
    /// Each analysed file (source files, shell scripts, inline install code), in path order, with the context the
    /// walk gave it.
    public var fileAnalyses: [FileAnalysis]
    /// A label for each `.entryStart` token of the sequence, in order (`postinstall: node install.js`,
    /// `main: package/index.js`), for `lockgate explain`.
    public var entryNames: [String]
    /// Source files left out of deep analysis because of the size caps (see ``PackageAnalyzer/maxFileBytes``).
    public var skippedFiles: [String]

    /// Creates a package analysis.
    /// - Parameters:
    ///   - ecosystem: The ecosystem.
    ///   - name: The package name, when found.
    ///   - version: The version, when found.
    ///   - sequence: The behaviour sequence.
    ///   - fileAnalyses: The analysis of each file.
    ///   - entryNames: A label for each entry start token.
    ///   - skippedFiles: Source files not analysed because of the size caps.
    public init(
        ecosystem: Ecosystem, name: String?, version: String?, sequence: BehaviourSequence,
        fileAnalyses: [FileAnalysis], entryNames: [String] = [], skippedFiles: [String] = []
    ) {
        self.ecosystem = ecosystem
        self.name = name
        self.version = version
        self.sequence = sequence
        self.fileAnalyses = fileAnalyses
        self.entryNames = entryNames
        self.skippedFiles = skippedFiles
    }
}
