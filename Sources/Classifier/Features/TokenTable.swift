import LockgateCore

/// Small integer codes for the sequence's token strings (`<context>:<kind>`, `<start|end>:<entry>`), so the extractor
/// builds n-grams from integers and never from strings.
///
/// Codes are internal: the model file names features by their token strings, and codes are recomputed from the names
/// when a model is loaded.
struct TokenTable: Sendable {
    /// The shared table.
    static let shared = TokenTable()

    /// Every behaviour kind, in declaration order.
    let kinds: [BehaviourKind] = BehaviourKind.allCases
    /// Every context, in declaration order.
    let contexts: [CodeContext] = CodeContext.allCases
    /// Every entry kind, in declaration order.
    let entries: [EntryKind] = EntryKind.allCases
    /// Token string for each code (index 0 is unused).
    let names: [String]
    /// Code for each token string.
    let codes: [String: UInt16]
    /// Index of each kind in `kinds`.
    let kindIndex: [BehaviourKind: Int]
    /// Index of each context in `contexts`.
    let contextIndex: [CodeContext: Int]
    /// Index of each entry kind in `entries`.
    let entryIndex: [EntryKind: Int]
    /// Whether the one-byte tags of the three enums are their declaration indices (checked once, at start), so that
    /// the hot path reads a case's index without hashing its raw string.
    let tagsAreIndices: Bool

    /// Creates the table.
    init() {
        var names = [""]
        for context in contexts {
            for kind in kinds { names.append("\(context.rawValue):\(kind.rawValue)") }
        }
        for entry in entries { names.append("start:\(entry.rawValue)") }
        for entry in entries { names.append("end:\(entry.rawValue)") }
        self.names = names
        var codes: [String: UInt16] = [:]
        for (index, name) in names.enumerated() where index > 0 { codes[name] = UInt16(index) }
        self.codes = codes
        kindIndex = Dictionary(uniqueKeysWithValues: kinds.enumerated().map { ($1, $0) })
        contextIndex = Dictionary(uniqueKeysWithValues: contexts.enumerated().map { ($1, $0) })
        entryIndex = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($1, $0) })
        tagsAreIndices = Self.tagsMatch(kinds) && Self.tagsMatch(contexts) && Self.tagsMatch(entries)
    }

    /// The index of a kind in `kinds`.
    /// - Parameter kind: The kind.
    /// - Returns: Its index.
    func index(of kind: BehaviourKind) -> Int {
        tagsAreIndices ? Int(Self.tag(kind)) : kindIndex[kind] ?? 0
    }

    /// The code of a behaviour token.
    /// - Parameters:
    ///   - kind: The behaviour kind.
    ///   - context: Where it runs.
    /// - Returns: The code (≥ 1).
    func code(kind: BehaviourKind, context: CodeContext) -> UInt16 {
        let contextNumber = tagsAreIndices ? Int(Self.tag(context)) : contextIndex[context] ?? 0
        return UInt16(1 + contextNumber * kinds.count + index(of: kind))
    }

    /// The code of an entry boundary token.
    /// - Parameters:
    ///   - entry: The entry kind.
    ///   - start: Whether it is the start (else the end).
    /// - Returns: The code.
    func code(entry: EntryKind, start: Bool) -> UInt16 {
        let base = 1 + contexts.count * kinds.count + (start ? 0 : entries.count)
        return UInt16(base + (tagsAreIndices ? Int(Self.tag(entry)) : entryIndex[entry] ?? 0))
    }

    // MARK: - Private

    /// The stored byte of a payload-free enum case (its declaration index, when `tagsMatch` holds).
    private static func tag<T>(_ value: T) -> UInt8 {
        withUnsafeBytes(of: value) { $0.first ?? 0 }
    }

    /// Whether every case of a payload-free enum is stored as one byte equal to its index in `allCases`.
    private static func tagsMatch<T: CaseIterable>(_ cases: [T]) -> Bool {
        MemoryLayout<T>.size == 1 && cases.enumerated().allSatisfy { Int(tag($1)) == $0 }
    }
}
