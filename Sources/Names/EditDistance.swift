/// Optimal-string-alignment distance (Levenshtein plus adjacent transpositions) over bytes, and what one edit was.
enum EditDistance {
    /// What a single edit between two names was.
    enum SingleEdit: Equatable {
        /// Two adjacent bytes swapped.
        case transposition
        /// One byte replaced; `from` in the candidate, `to` in the popular name.
        case substitution(from: UInt8, to: UInt8)
        /// The candidate has one extra byte at `position`.
        case insertion(position: Int)
        /// The candidate lacks the popular name's byte at `position`.
        case deletion(position: Int)
    }

    /// The distance between two byte strings, or `limit + 1` as soon as it is known to exceed `limit`.
    /// - Parameters:
    ///   - a: One string.
    ///   - b: The other.
    ///   - limit: The largest distance of interest.
    /// - Returns: The distance, capped at `limit + 1`.
    static func distance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return min(max(a.count, b.count), limit + 1) }
        let width = b.count + 1
        var previous2 = [Int](repeating: 0, count: width)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: width)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = Swift.min(value, previous2[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = Swift.min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previous2, &previous)
            swap(&previous, &current)
        }
        return Swift.min(previous[b.count], limit + 1)
    }

    /// The one edit that turns `popular` into `candidate`, when they are exactly one edit apart.
    /// - Parameters:
    ///   - candidate: The checked name's key.
    ///   - popular: The popular name's key.
    /// - Returns: The edit, or nil when the strings are equal or more than one edit apart.
    static func singleEdit(candidate: [UInt8], popular: [UInt8]) -> SingleEdit? {
        var prefix = 0
        let shorter = Swift.min(candidate.count, popular.count)
        while prefix < shorter, candidate[prefix] == popular[prefix] { prefix += 1 }
        guard prefix < Swift.max(candidate.count, popular.count) else { return nil }
        switch candidate.count - popular.count {
        case 0:
            if prefix + 1 < candidate.count, candidate[prefix] == popular[prefix + 1],
                candidate[prefix + 1] == popular[prefix],
                candidate[(prefix + 2)...] == popular[(prefix + 2)...]
            {
                return .transposition
            }
            guard candidate[(prefix + 1)...] == popular[(prefix + 1)...] else { return nil }
            return .substitution(from: candidate[prefix], to: popular[prefix])
        case 1:
            guard candidate[(prefix + 1)...] == popular[prefix...] else { return nil }
            return .insertion(position: prefix)
        case -1:
            guard candidate[prefix...] == popular[(prefix + 1)...] else { return nil }
            return .deletion(position: prefix)
        default:
            return nil
        }
    }
}
