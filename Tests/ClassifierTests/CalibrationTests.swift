import Foundation
import Testing

@testable import Classifier

@Suite struct CalibrationTests {
    @Test func plattIsMonotonicAndFitsTheRate() {
        var generator = SeededGenerator(seed: 3)
        var margins: [Double] = []
        var labels: [Bool] = []
        for _ in 0..<2_000 {
            let margin = generator.nextUnit() * 8 - 4
            margins.append(margin)
            // True probability: sigmoid(2 · margin − 1).
            labels.append(generator.nextUnit() < 1 / (1 + exp(-(2 * margin - 1))))
        }
        let calibrator = PlattCalibrator.fit(
            margins: margins, labels: labels, weights: [Double](repeating: 1, count: margins.count))
        #expect(abs(calibrator.slope - 2) < 0.4)
        #expect(abs(calibrator.intercept + 1) < 0.3)
        let grid = stride(from: -10.0, through: 10.0, by: 0.25).map(calibrator.probability)
        #expect(zip(grid, grid.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(grid.allSatisfy { $0 > 0 && $0 < 1 })
    }

    @Test func separableMarginsStayFiniteAndMonotonic() {
        let margins = [-3.0, -2, -1, 1, 2, 3]
        let labels = [false, false, false, true, true, true]
        let calibrator = PlattCalibrator.fit(margins: margins, labels: labels, weights: [1, 1, 1, 1, 1, 1])
        #expect(calibrator.slope.isFinite && calibrator.slope > 0)
        #expect(calibrator.probability(3) > calibrator.probability(-3))
        #expect(calibrator.probability(3) < 1)
    }

    @Test func reversedDataCannotFlipTheOrder() {
        let calibrator = PlattCalibrator.fit(
            margins: [-2, -1, 1, 2], labels: [true, true, false, false], weights: [1, 1, 1, 1])
        #expect(calibrator.slope > 0)
        #expect(calibrator.probability(2) >= calibrator.probability(-2))
    }
}
