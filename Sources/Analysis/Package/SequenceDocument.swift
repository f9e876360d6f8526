import LockgateCore

/// The JSON form of `lockgate explain` (schema version 1): the package, its features, and the sequence as a list
/// of tokens, each behaviour with its evidence.
public struct SequenceDocument: Sendable, Hashable, Codable {
    /// One token of the sequence.
    public struct Token: Sendable, Hashable, Codable {
        /// `start`, `end` or `behaviour`.
        public var type: String
        /// The entry kind, for `start` and `end`.
        public var entry: String?
        /// The entry's label, for `start`.
        public var name: String?
        /// The behaviour, for `behaviour` tokens.
        public var behaviour: Behaviour?
        /// The model's token string (`install:shell_command`, `start:main`).
        public var token: String
    }

    /// The schema version (1).
    public var schemaVersion: Int
    /// The ecosystem.
    public var ecosystem: Ecosystem
    /// The package name, when known.
    public var name: String?
    /// The package version, when known.
    public var version: String?
    /// The package features.
    public var features: PackageFeatures
    /// The tokens, in sequence order.
    public var tokens: [Token]
    /// Source files not analysed because of the size caps.
    public var skippedFiles: [String]

    /// Builds the document of an analysis.
    /// - Parameter analysis: The package analysis.
    public init(_ analysis: PackageAnalysis) {
        schemaVersion = 1
        ecosystem = analysis.ecosystem
        name = analysis.name
        version = analysis.version
        features = analysis.sequence.features
        skippedFiles = analysis.skippedFiles
        let strings = analysis.sequence.tokenStrings
        var entryIndex = 0
        tokens = zip(analysis.sequence.tokens, strings).map { token, string in
            switch token {
            case .entryStart(let kind):
                let name = entryIndex < analysis.entryNames.count ? analysis.entryNames[entryIndex] : nil
                entryIndex += 1
                return Token(type: "start", entry: kind.rawValue, name: name, behaviour: nil, token: string)
            case .entryEnd(let kind):
                return Token(type: "end", entry: kind.rawValue, name: nil, behaviour: nil, token: string)
            case .behaviour(let index):
                return Token(
                    type: "behaviour", entry: nil, name: nil, behaviour: analysis.sequence.behaviours[index],
                    token: string)
            }
        }
    }
}
