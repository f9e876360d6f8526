extension FeatureKey {
    /// A short reading of the feature for people.
    var summary: String {
        let table = TokenTable.shared
        let (a, b, c) = operands
        func token(_ code: UInt16) -> String {
            guard Int(code) < table.names.count else { return "?" }
            let name = table.names[Int(code)]
            guard let colon = name.firstIndex(of: ":") else { return name }
            let head = name[..<colon]
            let tail = name[name.index(after: colon)...]
            if head == "start" || head == "end" { return "\(head) of \(tail) code" }
            return "\(tail) (\(head))"
        }
        func kind(_ index: UInt16) -> String { Int(index) < table.kinds.count ? table.kinds[Int(index)].rawValue : "?" }
        guard let family else { return name }
        switch family {
        case .ecosystem: return "ecosystem \(name.dropFirst(4))"
        case .token: return "\(token(a)), by count"
        case .kind: return "\(kind(a)) in any context, by count"
        case .bigram: return "\(token(a)) → \(token(b))"
        case .trigram: return "\(token(a)) → \(token(b)) → \(token(c))"
        case .first: return "\(kind(a)), by how early it first occurs"
        case .pair: return "\(kind(a)) before \(kind(b))"
        case .sequence:
            let statistic = name.dropFirst(4)
            guard statistic.hasPrefix("high_signal_") else { return "sequence \(statistic)" }
            let context = statistic.dropFirst("high_signal_".count)
            return context == "kinds"
                ? "distinct high-signal behaviours outside tests and docs"
                : "distinct high-signal behaviours (\(context))"
        case .package: return "package \(name.dropFirst(4))"
        case .together: return "\(kind(a)) and \(kind(b)) in one file"
        case .both: return "\(kind(a)) and \(kind(b)) in the package"
        }
    }
}
