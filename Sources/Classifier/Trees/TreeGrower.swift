/// Grows one depth-limited regression tree on gradients and hessians (second-order boosting), level by level.
///
/// Each level makes one pass over the column-major entries of the columns the tree may use, building every open node's
/// histogram of that column at once (small and cache-resident); a node's zero bin is its total minus the rest. Rows
/// outside the tree's sample follow the splits but add nothing to the histograms.
struct TreeGrower {
    /// The binned training rows.
    let matrix: BinnedMatrix
    /// The hyper-parameters.
    let parameters: BoostingParameters

    /// A grown tree and the leaf every row reached.
    struct Grown {
        /// The tree, values shrunk by the learning rate.
        var tree: RegressionTree
        /// The leaf node of each row (sampled or not).
        var leaves: [Int32]
    }

    /// Grows a tree.
    /// - Parameters:
    ///   - gradients: First derivatives of the loss, by row (weights applied).
    ///   - hessians: Second derivatives, by row (weights applied).
    ///   - sampled: Whether each row is in this tree's sample.
    ///   - columns: The columns this tree may split on, ascending.
    /// - Returns: The tree and each row's leaf.
    func grow(gradients: [Double], hessians: [Double], sampled: [Bool], columns: [Int]) -> Grown {
        let rowCount = matrix.rowCount
        var root = Open(node: 0, sumG: 0, sumH: 0, count: 0)
        for row in 0..<rowCount where sampled[row] {
            root.sumG += gradients[row]
            root.sumH += hessians[row]
            root.count += 1
        }
        var tree = RegressionTree()
        _ = tree.appendLeaf(leafValue(root.sumG, root.sumH))
        var open = [root]
        var slotOf = [Int32](repeating: 0, count: rowCount)
        var leaves = [Int32](repeating: 0, count: rowCount)
        for _ in 0..<max(parameters.maxDepth, 0) {
            let splits = findSplits(
                open: open, slotOf: slotOf, sampled: sampled, gradients: gradients, hessians: hessians, columns: columns
            )
            guard splits.contains(where: { $0 != nil }) else { break }
            var next: [Open] = []
            var childSlots = [(left: Int32, right: Int32)](repeating: (-1, -1), count: open.count)
            for (slot, split) in splits.enumerated() {
                guard let split else { continue }
                let parent = open[slot].node
                let left = Open(node: 0, sumG: split.leftG, sumH: split.leftH, count: split.leftCount)
                let right = Open(
                    node: 0, sumG: open[slot].sumG - split.leftG, sumH: open[slot].sumH - split.leftH,
                    count: open[slot].count - split.leftCount)
                let leftNode = tree.appendLeaf(leafValue(left.sumG, left.sumH))
                let rightNode = tree.appendLeaf(leafValue(right.sumG, right.sumH))
                tree.feature[parent] = Int32(split.column)
                tree.threshold[parent] = matrix.threshold(column: split.column, bin: split.bin)
                tree.left[parent] = Int32(leftNode)
                tree.right[parent] = Int32(rightNode)
                childSlots[slot] = (Int32(next.count), Int32(next.count + 1))
                next.append(Open(node: leftNode, sumG: left.sumG, sumH: left.sumH, count: left.count))
                next.append(Open(node: rightNode, sumG: right.sumG, sumH: right.sumH, count: right.count))
            }
            // Every row of a split node goes left (bin 0 ≤ any split bin) unless its column entry is above the bin.
            var nextSlot = [Int32](repeating: -1, count: rowCount)
            for row in 0..<rowCount where slotOf[row] >= 0 {
                let slot = Int(slotOf[row])
                if splits[slot] != nil {
                    nextSlot[row] = childSlots[slot].left
                } else {
                    leaves[row] = Int32(open[slot].node)
                }
            }
            for (slot, split) in splits.enumerated() {
                guard let split else { continue }
                for entry in matrix.columnStarts[split.column]..<matrix.columnStarts[split.column + 1] {
                    let row = Int(matrix.columnRows[entry])
                    if slotOf[row] == Int32(slot), Int(matrix.columnBins[entry]) > split.bin {
                        nextSlot[row] = childSlots[slot].right
                    }
                }
            }
            slotOf = nextSlot
            open = next
        }
        for row in 0..<rowCount where slotOf[row] >= 0 { leaves[row] = Int32(open[Int(slotOf[row])].node) }
        return Grown(tree: tree, leaves: leaves)
    }

    // MARK: - Private

    /// A node still open for splitting, with its sampled rows' totals.
    private struct Open {
        var node: Int
        var sumG: Double
        var sumH: Double
        var count: Int
    }

    /// The best split of an open node.
    private struct Split {
        var column: Int
        var bin: Int
        var gain: Double
        var leftG: Double
        var leftH: Double
        var leftCount: Int
    }

    /// A leaf value with shrinkage.
    private func leafValue(_ sumG: Double, _ sumH: Double) -> Float {
        Float(-sumG / (sumH + parameters.lambda) * parameters.learningRate)
    }

    /// The best split of every open node (nil where none gains enough or the node may not split).
    private func findSplits(
        open: [Open], slotOf: [Int32], sampled: [Bool], gradients: [Double], hessians: [Double], columns: [Int]
    ) -> [Split?] {
        let minLeaf = max(parameters.minSamplesLeaf, 1)
        let splittable = open.map { $0.count >= 2 * minLeaf && $0.sumH >= 2 * parameters.minChildWeight }
        var best = [Split?](repeating: nil, count: open.count)
        guard splittable.contains(true) else { return best }
        let stride = min(max(parameters.maxBins, 2), 255)
        let histograms = Histograms(count: open.count * stride)
        var touchedStamp = [Int](repeating: -1, count: open.count)
        var touched: [Int] = []
        let parentScores = open.map { $0.sumG * $0.sumG / ($0.sumH + parameters.lambda) }
        // The active slot of each row: its open node when sampled and splittable, else -1.
        let active = (0..<slotOf.count).map { row -> Int32 in
            let slot = slotOf[row]
            return slot >= 0 && sampled[row] && splittable[Int(slot)] ? slot : -1
        }
        let (histogramG, histogramH, histogramN) = (histograms.g, histograms.h, histograms.n)
        for column in columns {
            let first = matrix.columnStarts[column]
            let last = matrix.columnStarts[column + 1]
            guard last - first >= minLeaf else { continue }
            let binCount = min(matrix.cuts[column].count + 2, stride)
            touched.removeAll(keepingCapacity: true)
            for entry in first..<last {
                let row = Int(matrix.columnRows[entry])
                let slot = Int(active[row])
                guard slot >= 0 else { continue }
                let base = slot * stride
                if touchedStamp[slot] != column {
                    touchedStamp[slot] = column
                    touched.append(slot)
                    for bin in 0..<binCount {
                        histogramG[base + bin] = 0
                        histogramH[base + bin] = 0
                        histogramN[base + bin] = 0
                    }
                }
                let index = base + Int(matrix.columnBins[entry])
                histogramG[index] += gradients[row]
                histogramH[index] += hessians[row]
                histogramN[index] += 1
            }
            for slot in touched {
                if let split = bestSplit(
                    column: column, binCount: binCount, base: slot * stride, node: open[slot],
                    parentScore: parentScores[slot], histograms: histograms), split.gain > (best[slot]?.gain ?? 0)
                {
                    best[slot] = split
                }
            }
        }
        return best
    }

    /// The best split of one node on one column from the column's histogram (bins 1...; bin 0 is the node's total
    /// minus the rest), or nil when no split satisfies the constraints and gains more than `minGain`.
    private func bestSplit(
        column: Int, binCount: Int, base: Int, node: Open, parentScore: Double, histograms: Histograms
    ) -> Split? {
        let (histogramG, histogramH, histogramN) = (histograms.g, histograms.h, histograms.n)
        let minLeaf = max(parameters.minSamplesLeaf, 1)
        let lambda = parameters.lambda
        var nonZeroG = 0.0
        var nonZeroH = 0.0
        var nonZeroN = 0
        for bin in 1..<binCount {
            nonZeroG += histogramG[base + bin]
            nonZeroH += histogramH[base + bin]
            nonZeroN += Int(histogramN[base + bin])
        }
        guard nonZeroN >= minLeaf else { return nil }
        var leftG = node.sumG - nonZeroG
        var leftH = node.sumH - nonZeroH
        var leftN = node.count - nonZeroN
        var best: Split?
        for bin in 0..<(binCount - 1) {
            if bin > 0 {
                leftG += histogramG[base + bin]
                leftH += histogramH[base + bin]
                leftN += Int(histogramN[base + bin])
            }
            let rightN = node.count - leftN
            guard leftN >= minLeaf, rightN >= minLeaf else { continue }
            let rightG = node.sumG - leftG
            let rightH = node.sumH - leftH
            guard leftH >= parameters.minChildWeight, rightH >= parameters.minChildWeight else { continue }
            let gain = leftG * leftG / (leftH + lambda) + rightG * rightG / (rightH + lambda) - parentScore
            if gain > parameters.minGain, gain > (best?.gain ?? 0) {
                best = Split(column: column, bin: bin, gain: gain, leftG: leftG, leftH: leftH, leftCount: leftN)
            }
        }
        return best
    }
}

/// One level's histograms in manually allocated memory, so the hot loop writes without copy-on-write checks.
private final class Histograms {
    /// Gradient sums by slot × bin.
    let g: UnsafeMutableBufferPointer<Double>
    /// Hessian sums by slot × bin.
    let h: UnsafeMutableBufferPointer<Double>
    /// Row counts by slot × bin.
    let n: UnsafeMutableBufferPointer<Int32>

    /// Allocates zeroed histograms.
    /// - Parameter count: Slots × bins.
    init(count: Int) {
        g = .allocate(capacity: max(count, 1))
        g.initialize(repeating: 0)
        h = .allocate(capacity: max(count, 1))
        h.initialize(repeating: 0)
        n = .allocate(capacity: max(count, 1))
        n.initialize(repeating: 0)
    }

    deinit {
        g.deallocate()
        h.deallocate()
        n.deallocate()
    }
}
