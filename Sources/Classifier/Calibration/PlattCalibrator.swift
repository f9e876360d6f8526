import Foundation

/// Platt scaling: a calibrated probability `1 / (1 + exp(-(slope · margin + intercept)))`, fitted on out-of-fold
/// margins.
///
/// The slope is kept positive, so calibration never reorders packages.
public struct PlattCalibrator: Sendable, Hashable, Codable {
    /// The slope (> 0).
    public var slope: Double
    /// The intercept.
    public var intercept: Double

    /// Creates a calibrator.
    /// - Parameters:
    ///   - slope: The slope; values ≤ 0 are raised to a small positive number.
    ///   - intercept: The intercept.
    public init(slope: Double, intercept: Double) {
        self.slope = max(slope, 1e-6)
        self.intercept = intercept
    }

    /// The identity on probabilities (slope 1, intercept 0).
    public static let identity = PlattCalibrator(slope: 1, intercept: 0)

    /// The calibrated probability of a margin.
    /// - Parameter margin: The model's log-odds.
    /// - Returns: A probability in (0, 1).
    public func probability(_ margin: Double) -> Double {
        let z = slope * margin + intercept
        return z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z))
    }

    /// Fits a calibrator by Newton's method on the weighted log loss, with Platt's smoothed targets
    /// (`(n₊ + 1) / (n₊ + 2)` and `1 / (n₋ + 2)`) so that separable data does not push the slope to infinity.
    /// - Parameters:
    ///   - margins: Out-of-fold margins.
    ///   - labels: Whether each is malicious.
    ///   - weights: Each one's weight.
    /// - Returns: The calibrator.
    public static func fit(margins: [Double], labels: [Bool], weights: [Double]) -> PlattCalibrator {
        guard !margins.isEmpty, margins.count == labels.count, labels.count == weights.count else { return .identity }
        let positives = zip(labels, weights).reduce(0.0) { $0 + ($1.0 ? $1.1 : 0) }
        let negatives = weights.reduce(0, +) - positives
        guard positives > 0, negatives > 0 else { return .identity }
        let high = (positives + 1) / (positives + 2)
        let low = 1 / (negatives + 2)
        var a = 1.0
        var b = 0.0
        for _ in 0..<100 {
            var gA = 0.0, gB = 0.0, hAA = 1e-9, hAB = 0.0, hBB = 1e-9
            for index in margins.indices {
                let t = labels[index] ? high : low
                let p = PlattCalibrator(slope: a, intercept: b).probability(margins[index])
                let w = weights[index]
                let d = w * (p - t)
                let s = w * max(p * (1 - p), 1e-12)
                gA += d * margins[index]
                gB += d
                hAA += s * margins[index] * margins[index]
                hAB += s * margins[index]
                hBB += s
            }
            let determinant = hAA * hBB - hAB * hAB
            guard determinant > 1e-18 else { break }
            let stepA = (hBB * gA - hAB * gB) / determinant
            let stepB = (hAA * gB - hAB * gA) / determinant
            a -= stepA
            b -= stepB
            if a <= 1e-6 { a = 1e-6 }
            if abs(stepA) < 1e-10, abs(stepB) < 1e-10 { break }
        }
        return PlattCalibrator(slope: a, intercept: b)
    }
}
