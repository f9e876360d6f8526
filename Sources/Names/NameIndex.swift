import LockgateCore

/// Everything the typosquat detector looks a name up in, for one ecosystem's popular names.
struct NameIndex: Sendable {
    /// A popular name filed under one of its affix-free cores.
    struct CoreEntry: Sendable {
        /// The popular name's rank (its position in `names`).
        var rank: Int32
        /// The affix that was taken off to get the core; empty when the popular key is the core itself.
        var affix: String
    }

    /// The ecosystem.
    let ecosystem: Ecosystem
    /// The popular names as the list spells them, most popular first.
    let names: [String]
    /// Their comparison keys, as bytes.
    let keys: [[UInt8]]
    /// Key → rank of the first popular name with that key.
    let byKey: [String: Int32]
    /// Separator-free key → rank.
    let bySeparatorFreeKey: [String: Int32]
    /// Look-alike skeleton → rank.
    let bySkeleton: [String: Int32]
    /// Core (a key without one affix, or a key itself) → the popular names that have it.
    let byCore: [String: [CoreEntry]]
    /// npm scopes (without `@`) of popular scoped names: a scope is an owned namespace.
    let scopes: Set<String>
    /// Bare name of each popular scoped name → the ranks of the popular names with that bare name.
    let byBareName: [String: [Int32]]
    /// The symmetric-delete index over `keys`.
    let deletions: DeletionIndex
    /// The lengths of the keys filed for two-edit matches (a query whose length is two or more away from all of
    /// them skips the two-edit search).
    let twoEditLengths: Set<Int>

    /// Builds the index for one ecosystem.
    /// - Parameters:
    ///   - names: The popular names, most popular first.
    ///   - ecosystem: Their ecosystem.
    ///   - thresholds: The length limits (for the two-deletion part of the index).
    init(names: [String], ecosystem: Ecosystem, thresholds: TyposquatThresholds) {
        self.ecosystem = ecosystem
        self.names = names
        var keys: [[UInt8]] = []
        var byKey: [String: Int32] = [:]
        var bySeparatorFreeKey: [String: Int32] = [:]
        var bySkeleton: [String: Int32] = [:]
        var byCore: [String: [CoreEntry]] = [:]
        var scopes = Set<String>()
        var byBareName: [String: [Int32]] = [:]
        keys.reserveCapacity(names.count)
        byKey.reserveCapacity(names.count)
        bySeparatorFreeKey.reserveCapacity(names.count)
        bySkeleton.reserveCapacity(names.count)
        byCore.reserveCapacity(names.count * 2)
        for (position, name) in names.enumerated() {
            let rank = Int32(position)
            let key = NameForms.key(name, ecosystem)
            keys.append(Array(key.utf8))
            if byKey[key] == nil { byKey[key] = rank }
            let separatorFree = NameForms.withoutSeparators(key)
            if bySeparatorFreeKey[separatorFree] == nil { bySeparatorFreeKey[separatorFree] = rank }
            let skeleton = NameForms.skeleton(name, ecosystem)
            if bySkeleton[skeleton] == nil { bySkeleton[skeleton] = rank }
            byCore[key, default: []].append(CoreEntry(rank: rank, affix: ""))
            for (core, affix) in NameForms.cores(of: key, ecosystem) {
                byCore[core, default: []].append(CoreEntry(rank: rank, affix: affix))
            }
            let (scope, bare) = NameForms.scope(of: key)
            if ecosystem == .npm, let scope, !scope.isEmpty, !bare.isEmpty {
                scopes.insert(String(scope))
                byBareName[String(bare), default: []].append(rank)
            }
        }
        self.keys = keys
        self.byKey = byKey
        self.bySeparatorFreeKey = bySeparatorFreeKey
        self.bySkeleton = bySkeleton
        self.byCore = byCore
        self.scopes = scopes
        self.byBareName = byBareName
        // Scoped names are never compared by edits (see `match`), and names shorter than the close-edit limit never
        // match by edits; only the top names long enough for two edits are filed under two deletions.
        let depths = keys.indices.map { id in
            let key = keys[id]
            if key.first == UInt8(ascii: "@") || key.count < thresholds.closeEditMinimumLength { return 0 }
            return id < thresholds.weakTargetRankLimit && key.count >= thresholds.twoEditMinimumLength ? 2 : 1
        }
        deletions = DeletionIndex(keys: keys) { depths[$0] }
        twoEditLengths = Set(keys.indices.filter { depths[$0] == 2 }.map { keys[$0].count })
    }
}
