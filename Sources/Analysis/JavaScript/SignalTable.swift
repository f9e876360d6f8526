import LockgateCore

/// Behaviour kinds by string, in an open-addressing table placed by the key's own hash: the per-file memo
/// and the shared cache of string signals look every string up, and a `Dictionary` would hash the precomputed hash
/// again (SipHash) on each lookup and store.
///
/// Linear probing over a power-of-two slot array at most half full; slots hold indices into the entry array (each
/// key beside its kinds, so a hit reads one entry), so clearing keeps the capacity and growing moves only the slots.
/// Each slot also holds the high half of its key's hash, so a probe past another key reads no entry (in the large
/// shared table every entry read is a cache miss).
struct SignalTable: Sendable {
    /// Creates an empty table.
    init() {}

    /// How many strings the table holds.
    var count: Int { entries.count }

    /// The kinds stored for a key, if any.
    /// - Parameter key: The string's key.
    /// - Returns: Its kinds, or nil.
    func kinds(of key: SignalKey) -> [BehaviourKind]? {
        guard let position = position(of: key).found else { return nil }
        return entries[position].kinds
    }

    /// Stores the kinds of a key (replacing what it had).
    /// - Parameters:
    ///   - kinds: Its kinds.
    ///   - key: The string's key.
    mutating func store(_ kinds: [BehaviourKind], for key: SignalKey) {
        if (entries.count + 1) * 2 > slots.count { grow() }
        let (found, slot) = position(of: key)
        if let found {
            entries[found].kinds = kinds
            return
        }
        slots[slot] = Self.slotValue(key.hash, id: entries.count)
        entries.append(Entry(key: key, kinds: kinds))
    }

    /// Removes every string, keeping the capacity.
    mutating func removeAll() {
        entries.removeAll(keepingCapacity: true)
        for index in slots.indices { slots[index] = 0 }
    }

    // MARK: - Private

    /// A string's key and kinds.
    private struct Entry: Sendable {
        var key: SignalKey
        var kinds: [BehaviourKind]
    }

    /// Each slot: the high half of its key's hash, then its index into `entries` plus one; 0 when the slot is free.
    private var slots: [UInt64] = []
    private var entries: [Entry] = []

    /// Where a key is stored (`found`), else the free slot where it would go.
    private func position(of key: SignalKey) -> (found: Int?, slot: Int) {
        guard !slots.isEmpty else { return (nil, 0) }
        let mask = slots.count - 1
        let tag = key.hash >> 32
        var slot = Self.start(key.hash) & mask
        while true {
            let value = slots[slot]
            if value == 0 { return (nil, slot) }
            if value >> 32 == tag {
                let id = Int(value & 0xFFFF_FFFF) - 1
                if entries[id].key == key { return (id, slot) }
            }
            slot = (slot + 1) & mask
        }
    }

    /// Doubles the slots (at least 64) and places every key again.
    private mutating func grow() {
        let size = max(64, slots.count * 2)
        slots = [UInt64](repeating: 0, count: size)
        let mask = size - 1
        for (id, entry) in entries.enumerated() {
            var slot = Self.start(entry.key.hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Self.slotValue(entry.key.hash, id: id)
        }
    }

    /// A slot's value for an entry: the high half of its hash, and its index plus one.
    private static func slotValue(_ hash: UInt64, id: Int) -> UInt64 {
        (hash >> 32) << 32 | UInt64(id + 1)
    }

    /// The first slot of a hash (its high bits folded into the low ones).
    private static func start(_ hash: UInt64) -> Int {
        Int(truncatingIfNeeded: ((hash ^ (hash >> 32)) &* 0x9E37_79B9_7F4A_7C15) >> 24)
    }
}
