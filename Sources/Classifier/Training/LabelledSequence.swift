import LockgateCore

/// One labelled package of a training corpus: its behaviour sequence and the corpus row's label, source and group.
public struct LabelledSequence: Sendable, Hashable, Codable {
    /// The package's behaviour sequence.
    public var sequence: BehaviourSequence
    /// Whether the package is malicious.
    public var isMalicious: Bool
    /// Where the sample comes from (`spiderscan`, `maltracker`, `debian`, `pypi-top`, ...).
    public var source: String
    /// Its family: two packages of one group are never on both sides of a split.
    public var group: String
    /// An identifier for messages (the archive's path in the corpus).
    public var identifier: String

    /// Creates a labelled sequence.
    /// - Parameters:
    ///   - sequence: The behaviour sequence.
    ///   - isMalicious: The label.
    ///   - source: The sample's source.
    ///   - group: The sample's family.
    ///   - identifier: An identifier for messages.
    public init(sequence: BehaviourSequence, isMalicious: Bool, source: String, group: String, identifier: String) {
        self.sequence = sequence
        self.isMalicious = isMalicious
        self.source = source
        self.group = group
        self.identifier = identifier
    }

    /// The ecosystem.
    public var ecosystem: Ecosystem { sequence.ecosystem }

    /// The stratum used to balance folds and classes: `<ecosystem>/<malicious|benign>`.
    public var stratum: String { "\(sequence.ecosystem.rawValue)/\(isMalicious ? "malicious" : "benign")" }
}
