/// Picks score thresholds from out-of-fold scores of benign packages.
public enum ThresholdSelector {
    /// The lowest threshold at which, in every group of benign scores (one per ecosystem), the share of benign
    /// scores at or above it is at most `maxFalsePositiveRate`.
    /// - Parameters:
    ///   - benignScores: Benign packages' scores, one list per ecosystem (empty lists are ignored).
    ///   - maxFalsePositiveRate: The largest tolerated false-positive rate.
    /// - Returns: The threshold, a multiple of 0.0001 in (0, 1].
    public static func threshold(benignScores: [[Double]], maxFalsePositiveRate: Double) -> Double {
        var result = 0.0001
        for scores in benignScores where !scores.isEmpty {
            let sorted = scores.sorted(by: >)
            let allowed = Int((maxFalsePositiveRate * Double(sorted.count)).rounded(.down) + 1e-9)
            guard allowed < sorted.count else { continue }
            // Strictly above the highest benign score that must pass, on a grid of 1e-4 a policy file can state.
            let boundary = sorted[allowed]
            result = max(result, ((boundary * 10_000).rounded(.down) + 1) / 10_000)
        }
        return min(result, 1)
    }
}
