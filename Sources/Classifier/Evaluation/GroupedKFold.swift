/// K-fold assignment by group: every member of a group lands in the same fold, so no group is ever on both sides of a
/// split.
///
/// Groups are balanced per stratum (ecosystem and label of the group's first member), largest first, each to the fold
/// that holds the fewest rows of that stratum so far; ties are broken by a seeded shuffle.
public enum GroupedKFold {
    /// Assigns each row to a fold.
    /// - Parameters:
    ///   - groups: Each row's group.
    ///   - strata: Each row's stratum (for example `npm/malicious`).
    ///   - folds: The number of folds (≥ 2).
    ///   - seed: The shuffle seed.
    /// - Returns: Each row's fold in `0..<folds`.
    public static func assign(groups: [String], strata: [String], folds: Int, seed: UInt64) -> [Int] {
        let folds = max(folds, 2)
        var members: [String: [Int]] = [:]
        var order: [String] = []
        for (row, group) in groups.enumerated() {
            if members[group] == nil { order.append(group) }
            members[group, default: []].append(row)
        }
        order.sort()
        var generator = SeededGenerator(seed: seed)
        generator.shuffle(&order)
        let rank = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        var byStratum: [String: [String]] = [:]
        for group in order {
            let first = members[group]?.first ?? 0
            byStratum[first < strata.count ? strata[first] : "", default: []].append(group)
        }
        var assignment = [Int](repeating: 0, count: groups.count)
        var totals = [Int](repeating: 0, count: folds)
        for stratum in byStratum.keys.sorted() {
            let list = (byStratum[stratum] ?? []).sorted {
                let (a, b) = (members[$0]?.count ?? 0, members[$1]?.count ?? 0)
                return a != b ? a > b : (rank[$0] ?? 0) < (rank[$1] ?? 0)
            }
            var load = [Int](repeating: 0, count: folds)
            for (position, group) in list.enumerated() {
                let rows = members[group] ?? []
                let start = position % folds
                var target = start
                for offset in 0..<folds {
                    let fold = (start + offset) % folds
                    if (load[fold], totals[fold]) < (load[target], totals[target]) { target = fold }
                }
                load[target] += rows.count
                totals[target] += rows.count
                for row in rows { assignment[row] = target }
            }
        }
        return assignment
    }
}
