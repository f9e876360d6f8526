import LockgateCore

/// One model feature, packed into 64 bits: the family, then up to three 16-bit operands (token codes, kind indices or
/// statistic indices).
///
/// Its `name` is the stable, human-readable form the model file stores.
struct FeatureKey: Hashable, Sendable, Comparable {
    /// The packed value.
    let raw: UInt64

    /// Sequence statistics, by operand index.
    static let sequenceStatistics = [
        "tokens", "behaviours", "kinds", "install_share", "entries", "high_signal_install", "high_signal_runtime",
        "high_signal_deferred", "high_signal_kinds",
    ]
    /// The operand of the first high-signal count among `sequenceStatistics` (install, runtime, deferred, any).
    static let highSignalStatistic = 5
    /// Package statistics, by operand index.
    static let packageStatistics = [
        "log_bytes", "log_files", "log_source_bytes", "js_share", "py_share", "install_source_share",
        "install_hook", "log_binaries", "minified_share", "auxiliary_share",
    ]

    /// A key from its packed value.
    /// - Parameter raw: The packed value.
    init(raw: UInt64) {
        self.raw = raw
    }

    /// A key no extraction ever produces (for vocabulary names this build does not know).
    /// - Parameter index: Keeps such keys distinct.
    /// - Returns: The key.
    static func unknown(_ index: Int) -> FeatureKey {
        FeatureKey(raw: 0xFF << 48 | UInt64(truncatingIfNeeded: index) & 0xFFFF_FFFF_FFFF)
    }

    /// Packs a key.
    init(_ family: FeatureFamily, _ a: UInt16, _ b: UInt16 = 0, _ c: UInt16 = 0) {
        raw = UInt64(family.rawValue) << 48 | UInt64(a) << 32 | UInt64(b) << 16 | UInt64(c)
    }

    /// The family.
    var family: FeatureFamily? { FeatureFamily(rawValue: UInt8(truncatingIfNeeded: raw >> 48)) }
    /// The operands.
    var operands: (UInt16, UInt16, UInt16) {
        (UInt16(truncatingIfNeeded: raw >> 32), UInt16(truncatingIfNeeded: raw >> 16), UInt16(truncatingIfNeeded: raw))
    }

    static func < (lhs: FeatureKey, rhs: FeatureKey) -> Bool { lhs.raw < rhs.raw }

    /// The stable name (`tok:install:use_network`, `bi:start:install install:read_env_all`, `pair:a<b`, ...).
    var name: String {
        let table = TokenTable.shared
        let (a, b, c) = operands
        func token(_ code: UInt16) -> String { Int(code) < table.names.count ? table.names[Int(code)] : "?" }
        func kind(_ index: UInt16) -> String {
            Int(index) < table.kinds.count ? table.kinds[Int(index)].rawValue : "?"
        }
        func statistic(_ list: [String], _ index: UInt16) -> String { Int(index) < list.count ? list[Int(index)] : "?" }
        guard let family else { return "?" }
        let body: String
        switch family {
        case .ecosystem: body = Int(a) < Ecosystem.allCases.count ? Ecosystem.allCases[Int(a)].rawValue : "?"
        case .token: body = token(a)
        case .kind, .first: body = kind(a)
        case .bigram: body = "\(token(a)) \(token(b))"
        case .trigram: body = "\(token(a)) \(token(b)) \(token(c))"
        case .pair: body = "\(kind(a))<\(kind(b))"
        case .together, .both: body = "\(kind(a))+\(kind(b))"
        case .sequence: body = statistic(Self.sequenceStatistics, a)
        case .package: body = statistic(Self.packageStatistics, a)
        }
        return "\(family.prefix):\(body)"
    }

    /// Parses a stable name back into a key.
    /// - Parameter name: The name.
    /// - Returns: The key, or nil when the name refers to a token, kind or statistic this build does not know
    ///   (such a feature never fires).
    init?(name: String) {
        guard let colon = name.firstIndex(of: ":") else { return nil }
        let prefix = String(name[..<colon])
        let body = String(name[name.index(after: colon)...])
        guard let family = FeatureFamily.allCases.first(where: { $0.prefix == prefix }) else { return nil }
        let table = TokenTable.shared
        func kind(_ text: Substring) -> UInt16? {
            guard let kind = BehaviourKind(rawValue: String(text)), let index = table.kindIndex[kind] else {
                return nil
            }
            return UInt16(index)
        }
        func tokens(_ count: Int) -> [UInt16]? {
            let parts = body.split(separator: " ", omittingEmptySubsequences: false)
            guard parts.count == count else { return nil }
            let codes = parts.compactMap { table.codes[String($0)] }
            return codes.count == count ? codes : nil
        }
        func statistic(_ list: [String]) -> UInt16? { list.firstIndex(of: body).map { UInt16($0) } }
        switch family {
        case .ecosystem:
            guard let index = Ecosystem.allCases.firstIndex(where: { $0.rawValue == body }) else { return nil }
            self.init(family, UInt16(index))
        case .token:
            guard let code = tokens(1) else { return nil }
            self.init(family, code[0])
        case .bigram:
            guard let codes = tokens(2) else { return nil }
            self.init(family, codes[0], codes[1])
        case .trigram:
            guard let codes = tokens(3) else { return nil }
            self.init(family, codes[0], codes[1], codes[2])
        case .kind, .first:
            guard let index = kind(Substring(body)) else { return nil }
            self.init(family, index)
        case .pair:
            let parts = body.split(separator: "<", omittingEmptySubsequences: false)
            guard parts.count == 2, let first = kind(parts[0]), let second = kind(parts[1]) else { return nil }
            self.init(family, first, second)
        case .together, .both:
            let parts = body.split(separator: "+", omittingEmptySubsequences: false)
            guard parts.count == 2, let first = kind(parts[0]), let second = kind(parts[1]) else { return nil }
            self.init(family, first, second)
        case .sequence:
            guard let index = statistic(Self.sequenceStatistics) else { return nil }
            self.init(family, index)
        case .package:
            guard let index = statistic(Self.packageStatistics) else { return nil }
            self.init(family, index)
        }
    }
}
