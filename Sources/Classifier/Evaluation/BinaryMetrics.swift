/// Detection figures at one threshold: a package is flagged when its score is ≥ the threshold.
public struct BinaryMetrics: Sendable, Hashable, Codable {
    /// Malicious packages flagged.
    public var truePositives: Int
    /// Benign packages flagged.
    public var falsePositives: Int
    /// Benign packages passed.
    public var trueNegatives: Int
    /// Malicious packages passed.
    public var falseNegatives: Int
    /// ROC-AUC of the scores (threshold-free); nil when one class is missing.
    public var rocAUC: Double?

    /// Counts the outcomes.
    /// - Parameters:
    ///   - scores: Each package's score.
    ///   - labels: Whether each package is malicious.
    ///   - threshold: The flagging threshold.
    public init(scores: [Double], labels: [Bool], threshold: Double) {
        var tp = 0, fp = 0, tn = 0, fn = 0
        for (score, malicious) in zip(scores, labels) {
            switch (score >= threshold, malicious) {
            case (true, true): tp += 1
            case (true, false): fp += 1
            case (false, false): tn += 1
            case (false, true): fn += 1
            }
        }
        truePositives = tp
        falsePositives = fp
        trueNegatives = tn
        falseNegatives = fn
        rocAUC = ROCCurve.area(scores: scores, labels: labels)
    }

    /// Malicious packages.
    public var positives: Int { truePositives + falseNegatives }
    /// Benign packages.
    public var negatives: Int { falsePositives + trueNegatives }
    /// Share of flagged packages that are malicious (1 when nothing is flagged).
    public var precision: Double {
        truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives)
    }
    /// Share of malicious packages flagged (0 when there are none).
    public var recall: Double { positives == 0 ? 0 : Double(truePositives) / Double(positives) }
    /// Harmonic mean of precision and recall.
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    /// Share of benign packages flagged (0 when there are none).
    public var falsePositiveRate: Double { negatives == 0 ? 0 : Double(falsePositives) / Double(negatives) }
}

/// The area under the ROC curve.
public enum ROCCurve {
    /// The ROC-AUC: the probability that a random malicious package scores above a random benign one, ties
    /// counting one half (Mann–Whitney U).
    /// - Parameters:
    ///   - scores: Scores.
    ///   - labels: Whether each is malicious.
    /// - Returns: The area, or nil when either class is missing.
    public static func area(scores: [Double], labels: [Bool]) -> Double? {
        let positives = labels.filter { $0 }.count
        let negatives = labels.count - positives
        guard positives > 0, negatives > 0, scores.count == labels.count else { return nil }
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var rankSum = 0.0
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count, scores[order[end + 1]] == scores[order[start]] { end += 1 }
            let averageRank = Double(start + end) / 2 + 1
            for position in start...end where labels[order[position]] { rankSum += averageRank }
            start = end + 1
        }
        let u = rankSum - Double(positives) * Double(positives + 1) / 2
        return u / (Double(positives) * Double(negatives))
    }
}
