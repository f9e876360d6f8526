/// A map from 64-bit keys (pairs of 32-bit ids) to 32-bit values: open addressing with linear probing and a
/// multiplicative hash, cheaper than a `Dictionary` (no per-lookup hasher) for the path extensions of one file.
struct PythonPairTable {
    private var keys: [UInt64] = []
    private var values: [Int32] = []
    /// Whether a slot holds an entry (keys may be any value, so emptiness is kept apart).
    private var used: [Bool] = []
    private var count = 0

    /// The value stored for a key, or nil.
    func value(for key: UInt64) -> Int32? {
        guard !keys.isEmpty else { return nil }
        let mask = keys.count - 1
        var slot = Self.slot(of: key, mask: mask)
        while used[slot] {
            if keys[slot] == key { return values[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Stores a value for a key (replacing any value it had).
    mutating func set(_ value: Int32, for key: UInt64) {
        if (count + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var slot = Self.slot(of: key, mask: mask)
        while used[slot] {
            if keys[slot] == key {
                values[slot] = value
                return
            }
            slot = (slot + 1) & mask
        }
        used[slot] = true
        keys[slot] = key
        values[slot] = value
        count += 1
    }

    // MARK: - Private

    private static func slot(of key: UInt64, mask: Int) -> Int {
        let mixed = (key ^ (key >> 29)) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mixed >> 32) & mask
    }

    /// Doubles the table (64 slots at first) and re-inserts every entry.
    private mutating func grow() {
        let oldKeys = keys, oldValues = values, oldUsed = used
        let size = max(64, keys.count * 2)
        keys = [UInt64](repeating: 0, count: size)
        values = [Int32](repeating: 0, count: size)
        used = [Bool](repeating: false, count: size)
        count = 0
        for index in oldKeys.indices where oldUsed[index] { set(oldValues[index], for: oldKeys[index]) }
    }
}
