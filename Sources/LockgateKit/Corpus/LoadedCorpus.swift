import Classifier

/// The labelled sequences of one or more corpus folders, ready to train or evaluate on.
public struct LoadedCorpus: Sendable {
    /// The packages, in manifest order (first occurrence of each archive sha256).
    public var samples: [LabelledSequence]
    /// SHA-256 over the folders' manifest digests, in the order given (the model's `corpusHash`).
    public var digest: String
    /// The folders' names.
    public var folders: [String]
    /// Archives left out, each with the reason (missing, hash mismatch, unreadable).
    public var problems: [String]
    /// Notes for the user (missing benign cache, duplicate archives).
    public var notes: [String]

    /// Creates a loaded corpus.
    public init(samples: [LabelledSequence], digest: String, folders: [String], problems: [String], notes: [String]) {
        self.samples = samples
        self.digest = digest
        self.folders = folders
        self.problems = problems
        self.notes = notes
    }
}
