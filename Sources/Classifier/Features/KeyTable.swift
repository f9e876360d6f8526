/// An open-addressing hash set of feature keys that numbers them in insertion order.
///
/// Feature keys are never 0 (their family byte is ≥ 1), so 0 marks an empty slot. Multiply-shift hashing and linear
/// probing: much cheaper than `Dictionary`'s seeded SipHash on the hot paths of extraction and inference.
struct KeyTable: Sendable {
    /// The keys, by insertion index.
    private(set) var keys: [FeatureKey] = []
    /// Slot contents: the key's raw value, or 0.
    private var slotKeys: [UInt64]
    /// Slot contents: the key's insertion index.
    private var slotIndices: [Int32]
    /// Slot count − 1 (slot count is a power of two).
    private var mask: Int
    /// log2 of the slot count.
    private var bits: Int

    /// Creates a table sized for about `capacity` keys.
    /// - Parameter capacity: The expected key count.
    init(capacity: Int = 16) {
        var bits = 4
        while (1 << bits) < capacity * 2 { bits += 1 }
        self.bits = bits
        mask = (1 << bits) - 1
        slotKeys = [UInt64](repeating: 0, count: 1 << bits)
        slotIndices = [Int32](repeating: -1, count: 1 << bits)
        keys.reserveCapacity(capacity)
    }

    /// The number of keys.
    var count: Int { keys.count }

    /// The insertion index of a key, if present.
    /// - Parameter key: The key.
    /// - Returns: The index, or nil.
    func index(of key: FeatureKey) -> Int? {
        var slot = home(key.raw)
        while true {
            let stored = slotKeys[slot]
            if stored == key.raw { return Int(slotIndices[slot]) }
            if stored == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// Inserts a key if absent.
    /// - Parameter key: The key (raw value ≠ 0).
    /// - Returns: Its insertion index and whether it was new.
    @discardableResult
    mutating func insert(_ key: FeatureKey) -> (index: Int, inserted: Bool) {
        if (keys.count + 1) * 2 > slotKeys.count { grow() }
        var slot = home(key.raw)
        while true {
            let stored = slotKeys[slot]
            if stored == key.raw { return (Int(slotIndices[slot]), false) }
            if stored == 0 {
                slotKeys[slot] = key.raw
                slotIndices[slot] = Int32(keys.count)
                keys.append(key)
                return (keys.count - 1, true)
            }
            slot = (slot + 1) & mask
        }
    }

    // MARK: - Private

    /// The home slot of a raw key (Fibonacci hashing).
    private func home(_ raw: UInt64) -> Int {
        Int(truncatingIfNeeded: (raw &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
    }

    /// Doubles the slot count and re-inserts every key.
    private mutating func grow() {
        bits += 1
        mask = (1 << bits) - 1
        slotKeys = [UInt64](repeating: 0, count: 1 << bits)
        slotIndices = [Int32](repeating: -1, count: 1 << bits)
        for (index, key) in keys.enumerated() {
            var slot = home(key.raw)
            while slotKeys[slot] != 0 { slot = (slot + 1) & mask }
            slotKeys[slot] = key.raw
            slotIndices[slot] = Int32(index)
        }
    }
}
