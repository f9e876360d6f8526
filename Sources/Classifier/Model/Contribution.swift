/// One feature's part in a score: its log-odds contribution and the behaviours it came from.
public struct Contribution: Sendable, Hashable, Codable {
    /// The feature's stable name (`bi:install:read_env_all install:use_network`, `pkg:log_bytes`, ...).
    public var feature: String
    /// A short reading of the feature for people (`read_env_all (install) → use_network (install)`).
    public var summary: String
    /// Its contribution to the margin (log-odds); positive pushes towards malicious.
    public var weight: Double
    /// Indices into the sequence's `behaviours` that the feature came from (empty for package-level facts and for
    /// absent features).
    public var behaviourIndices: [Int]
    /// Whether the feature occurs in the package: trees also credit the ABSENCE of a feature (a benign pattern
    /// missing), which explains the score but names no behaviour.
    public var isPresent: Bool

    /// Creates a contribution.
    /// - Parameters:
    ///   - feature: The feature name.
    ///   - summary: A reading for people.
    ///   - weight: The log-odds contribution.
    ///   - behaviourIndices: The behaviours behind it.
    ///   - isPresent: Whether the feature occurs in the package.
    public init(feature: String, summary: String, weight: Double, behaviourIndices: [Int], isPresent: Bool = true) {
        self.feature = feature
        self.summary = summary
        self.weight = weight
        self.behaviourIndices = behaviourIndices
        self.isPresent = isPresent
    }
}

/// A score taken apart: bias plus every contribution equals the margin; the score is the calibrated margin.
public struct Explanation: Sendable, Hashable, Codable {
    /// The calibrated probability of malice.
    public var score: Double
    /// The model's margin (log-odds before calibration).
    public var margin: Double
    /// The part of the margin no feature explains (the model's prior).
    public var bias: Double
    /// Every non-zero contribution, largest weight first.
    public var contributions: [Contribution]

    /// Creates an explanation.
    public init(score: Double, margin: Double, bias: Double, contributions: [Contribution]) {
        self.score = score
        self.margin = margin
        self.bias = bias
        self.contributions = contributions
    }
}
