import LockgateCore

/// One labelled archive of a corpus, as listed by labels.csv or pypi-benign.json.
public struct CorpusEntry: Sendable, Hashable {
    /// The archive's absolute path.
    public var archivePath: String
    /// The path as the manifest lists it (relative to the corpus folder, or the cached file name).
    public var listedPath: String
    /// The ecosystem.
    public var ecosystem: Ecosystem
    /// Whether it is malicious.
    public var isMalicious: Bool
    /// Where the sample comes from.
    public var source: String
    /// Its family.
    public var group: String
    /// The archive's expected sha256 (lowercase hex).
    public var sha256: String

    /// Creates an entry.
    public init(
        archivePath: String, listedPath: String, ecosystem: Ecosystem, isMalicious: Bool, source: String,
        group: String, sha256: String
    ) {
        self.archivePath = archivePath
        self.listedPath = listedPath
        self.ecosystem = ecosystem
        self.isMalicious = isMalicious
        self.source = source
        self.group = group
        self.sha256 = sha256
    }
}
