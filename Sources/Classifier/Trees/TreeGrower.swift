/// Grows one depth-limited regression tree on gradients and hessians (second-order boosting), finding splits with
/// per-node histograms built only from the rows' non-zero entries; a column's zero bin is the node total minus the
/// rest.
struct TreeGrower {
    /// The binned training rows.
    let matrix: BinnedMatrix
    /// The hyper-parameters.
    let parameters: BoostingParameters

    /// Grows a tree.
    /// - Parameters:
    ///   - gradients: First derivatives of the loss, by row (weights applied).
    ///   - hessians: Second derivatives, by row (weights applied).
    ///   - rows: The rows this tree sees.
    ///   - allowed: The columns this tree may split on.
    /// - Returns: The tree, values shrunk by the learning rate.
    func grow(gradients: [Double], hessians: [Double], rows: [Int32], allowed: [Bool]) -> RegressionTree {
        var state = State(
            binStride: max(parameters.maxBins, 2), columnCount: matrix.columnCount, gradients: gradients,
            hessians: hessians, allowed: allowed)
        var tree = RegressionTree()
        build(rows: rows, depth: 0, tree: &tree, state: &state)
        return tree
    }

    // MARK: - Private

    /// Scratch space reused by every node.
    private struct State {
        let binStride: Int
        let gradients: [Double]
        let hessians: [Double]
        let allowed: [Bool]
        var histogramG: [Double]
        var histogramH: [Double]
        var histogramN: [Int32]
        var stamp: [Int32]
        var currentStamp: Int32 = 0

        init(binStride: Int, columnCount: Int, gradients: [Double], hessians: [Double], allowed: [Bool]) {
            self.binStride = binStride
            self.gradients = gradients
            self.hessians = hessians
            self.allowed = allowed
            histogramG = [Double](repeating: 0, count: columnCount * binStride)
            histogramH = histogramG
            histogramN = [Int32](repeating: 0, count: columnCount * binStride)
            stamp = [Int32](repeating: -1, count: columnCount)
        }
    }

    /// The best split of a node.
    private struct Split {
        var column: Int
        var bin: Int
        var gain: Double
    }

    /// Builds the subtree of `rows` and returns its root index.
    @discardableResult
    private func build(rows: [Int32], depth: Int, tree: inout RegressionTree, state: inout State) -> Int {
        var sumG = 0.0
        var sumH = 0.0
        for row in rows {
            sumG += state.gradients[Int(row)]
            sumH += state.hessians[Int(row)]
        }
        let lambda = parameters.lambda
        let node = tree.appendLeaf(Float(-sumG / (sumH + lambda) * parameters.learningRate))
        guard depth < parameters.maxDepth, rows.count >= 2 * max(parameters.minSamplesLeaf, 1),
            sumH >= 2 * parameters.minChildWeight,
            let split = bestSplit(rows: rows, sumG: sumG, sumH: sumH, state: &state)
        else { return node }
        var leftRows: [Int32] = []
        var rightRows: [Int32] = []
        let column = Int32(split.column)
        for row in rows {
            if matrix.bin(row: Int(row), column: column) <= split.bin { leftRows.append(row) } else { rightRows.append(row) }
        }
        guard !leftRows.isEmpty, !rightRows.isEmpty else { return node }
        let leftIndex = build(rows: leftRows, depth: depth + 1, tree: &tree, state: &state)
        let rightIndex = build(rows: rightRows, depth: depth + 1, tree: &tree, state: &state)
        tree.feature[node] = column
        tree.threshold[node] = matrix.threshold(column: split.column, bin: split.bin)
        tree.left[node] = Int32(leftIndex)
        tree.right[node] = Int32(rightIndex)
        return node
    }

    /// Builds the node's histograms and scans every touched column for the split of largest gain.
    private func bestSplit(rows: [Int32], sumG: Double, sumH: Double, state: inout State) -> Split? {
        state.currentStamp &+= 1
        let stampValue = state.currentStamp
        let stride = state.binStride
        var touched: [Int] = []
        for row in rows {
            let g = state.gradients[Int(row)]
            let h = state.hessians[Int(row)]
            for entry in matrix.rowStarts[Int(row)]..<matrix.rowStarts[Int(row) + 1] {
                let column = Int(matrix.columns[entry])
                guard state.allowed[column] else { continue }
                let base = column * stride
                if state.stamp[column] != stampValue {
                    state.stamp[column] = stampValue
                    touched.append(column)
                    for bin in 0..<stride {
                        state.histogramG[base + bin] = 0
                        state.histogramH[base + bin] = 0
                        state.histogramN[base + bin] = 0
                    }
                }
                let slot = base + Int(matrix.bins[entry])
                state.histogramG[slot] += g
                state.histogramH[slot] += h
                state.histogramN[slot] += 1
            }
        }
        touched.sort()
        let lambda = parameters.lambda
        let parentScore = sumG * sumG / (sumH + lambda)
        let minLeaf = max(parameters.minSamplesLeaf, 1)
        var best: Split?
        for column in touched {
            let base = column * stride
            let binCount = min(matrix.cuts[column].count + 2, stride)
            var nonZeroG = 0.0
            var nonZeroH = 0.0
            var nonZeroN = 0
            for bin in 1..<binCount {
                nonZeroG += state.histogramG[base + bin]
                nonZeroH += state.histogramH[base + bin]
                nonZeroN += Int(state.histogramN[base + bin])
            }
            var leftG = sumG - nonZeroG
            var leftH = sumH - nonZeroH
            var leftN = rows.count - nonZeroN
            for bin in 0..<(binCount - 1) {
                if bin > 0 {
                    leftG += state.histogramG[base + bin]
                    leftH += state.histogramH[base + bin]
                    leftN += Int(state.histogramN[base + bin])
                }
                let rightN = rows.count - leftN
                guard leftN >= minLeaf, rightN >= minLeaf else { continue }
                let rightG = sumG - leftG
                let rightH = sumH - leftH
                guard leftH >= parameters.minChildWeight, rightH >= parameters.minChildWeight else { continue }
                let gain = leftG * leftG / (leftH + lambda) + rightG * rightG / (rightH + lambda) - parentScore
                if gain > parameters.minGain, gain > (best?.gain ?? 0) {
                    best = Split(column: column, bin: bin, gain: gain)
                }
            }
        }
        return best
    }
}
