import Foundation

/// Hyper-parameters of the L2-regularised logistic regression baseline.
public struct LinearParameters: Sendable, Hashable, Codable {
    /// Full-batch optimisation steps (Adam).
    public var iterations: Int
    /// The Adam step size.
    public var learningRate: Double
    /// L2 penalty on the weights (per unit of total sample weight).
    public var l2: Double

    /// Creates parameters.
    public init(iterations: Int = 400, learningRate: Double = 0.05, l2: Double = 1e-3) {
        self.iterations = iterations
        self.learningRate = learningRate
        self.l2 = l2
    }
}

/// A logistic regression over max-abs-scaled features; its output is a margin (log-odds).
struct LogisticRegression: Sendable, Hashable, Codable {
    /// The intercept.
    var bias: Double
    /// Weight of each column, applied to the scaled value.
    var weights: [Float]
    /// The scale of each column (its largest training value); values are divided by it.
    var scales: [Float]

    /// Trains a model with full-batch Adam on the weighted logistic loss plus an L2 penalty.
    ///
    /// Deterministic.
    /// - Parameters:
    ///   - rows: The training rows.
    ///   - columnCount: The column count.
    ///   - labels: Whether each row is malicious.
    ///   - weights: Each row's weight.
    ///   - parameters: The hyper-parameters.
    /// - Returns: The model.
    static func train(
        rows: [SparseRow], columnCount: Int, labels: [Bool], weights sampleWeights: [Double],
        parameters: LinearParameters
    ) -> LogisticRegression {
        var scales = [Float](repeating: 0, count: columnCount)
        for row in rows {
            for (column, value) in zip(row.columns, row.values) {
                scales[Int(column)] = max(scales[Int(column)], value)
            }
        }
        scales = scales.map { $0 > 0 ? $0 : 1 }
        let total = max(sampleWeights.reduce(0, +), 1e-12)
        var w = [Double](repeating: 0, count: columnCount + 1)
        var m = w
        var v = w
        let beta1 = 0.9
        let beta2 = 0.999
        for step in 1...max(parameters.iterations, 1) {
            var gradient = [Double](repeating: 0, count: columnCount + 1)
            for (index, row) in rows.enumerated() {
                var z = w[columnCount]
                for (column, value) in zip(row.columns, row.values) {
                    z += w[Int(column)] * Double(value / scales[Int(column)])
                }
                let p = 1 / (1 + exp(-z))
                let error = sampleWeights[index] * (p - (labels[index] ? 1 : 0)) / total
                for (column, value) in zip(row.columns, row.values) {
                    gradient[Int(column)] += error * Double(value / scales[Int(column)])
                }
                gradient[columnCount] += error
            }
            for column in 0..<columnCount { gradient[column] += parameters.l2 * w[column] }
            let correction1 = 1 - pow(beta1, Double(step))
            let correction2 = 1 - pow(beta2, Double(step))
            for index in 0...columnCount {
                m[index] = beta1 * m[index] + (1 - beta1) * gradient[index]
                v[index] = beta2 * v[index] + (1 - beta2) * gradient[index] * gradient[index]
                w[index] -=
                    parameters.learningRate * (m[index] / correction1) / ((v[index] / correction2).squareRoot() + 1e-8)
            }
        }
        return LogisticRegression(bias: w[columnCount], weights: w[0..<columnCount].map { Float($0) }, scales: scales)
    }

    /// The margin for a dense feature vector.
    /// - Parameter features: Values by column.
    /// - Returns: The log-odds.
    func margin(_ features: [Float]) -> Double {
        var sum = bias
        for (column, value) in features.enumerated() where value != 0 && column < weights.count {
            sum += Double(weights[column]) * Double(value / scales[column])
        }
        return sum
    }

    /// Each non-zero column's share of the margin (weight × scaled value).
    /// - Parameter features: Values by column.
    /// - Returns: The bias and the credits; bias + credits = margin.
    func attribute(_ features: [Float]) -> (bias: Double, credits: [Int: Double]) {
        var credits: [Int: Double] = [:]
        for (column, value) in features.enumerated() where value != 0 && column < weights.count {
            credits[column] = Double(weights[column]) * Double(value / scales[column])
        }
        return (bias, credits)
    }
}
