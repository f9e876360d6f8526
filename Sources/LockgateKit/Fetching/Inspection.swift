import LockgateCore

/// What fetching and analysing one package produced, before policy.
struct Inspection: Sendable {
    /// The sha256 of the package's (first) archive, when one was read.
    var sha256: String?
    /// Findings at their rules' default severities.
    var findings: [Finding]
    /// True when the package could not be fetched or read, so it was not checked.
    var failed: Bool
    /// Bytes downloaded for it.
    var downloadedBytes: Int
    /// The detector's score, once a detector exists.
    var score: Double?

    static func failure(_ finding: Finding) -> Inspection {
        Inspection(sha256: nil, findings: [finding], failed: true, downloadedBytes: 0, score: nil)
    }
}

/// The analyser version that keys cached analyses, with the model's own version: a change to either re-analyses
/// every archive.
public enum AnalyserVersions {
    /// The analysis stage's version: archive checks and the static analyser. Raise it whenever what they report
    /// changes, so cached analyses are redone.
    public static let analyser = "behaviour-17"
}
