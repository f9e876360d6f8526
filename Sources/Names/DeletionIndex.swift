/// A symmetric-delete (SymSpell) index: popular keys are filed under the hashes of the strings left after deleting
/// up to one byte (two for the keys two-edit matches may reach). Two keys within edit distance d share a string
/// reachable by at most d deletions from each, so a query only hashes its own deletions and verifies the few keys it
/// finds. Hashes live in one flat open-addressing table of packed (tag, first entry) words, so a build does one
/// random memory access per filed string and allocates a handful of arrays.
struct DeletionIndex: Sendable {
    /// Slot → `tag << 32 | first entry`, 0 when empty. The tag is 32 bits of the hash, never 0.
    private let slots: [UInt64]
    /// Entry → key id.
    private let entryKey: [Int32]
    /// Entry → next entry filed in the same slot, or -1.
    private let entryNext: [Int32]
    private let mask: Int

    /// Builds the index.
    /// - Parameters:
    ///   - keys: The popular keys, in rank order (an id is the position in this array).
    ///   - depth: How many deletions to file the key with this id under: 0 (not filed), 1 or 2.
    init(keys: [[UInt8]], depth: (Int) -> Int) {
        var estimate = 0
        for (id, key) in keys.enumerated() {
            switch depth(id) {
            case 0: break
            case 1: estimate += 1 + key.count
            default: estimate += 1 + key.count + key.count * (key.count - 1) / 2
            }
        }
        var capacity = 1024
        while capacity < estimate * 2 { capacity <<= 1 }
        let mask = capacity - 1
        var slots = [UInt64](repeating: 0, count: capacity)
        var entryKey: [Int32] = []
        var entryNext: [Int32] = []
        entryKey.reserveCapacity(estimate)
        entryNext.reserveCapacity(estimate)
        for (id, key) in keys.enumerated() where depth(id) > 0 {
            Self.forEachDeletion(of: key, depth: depth(id)) { hash in
                let (slot, tag) = Self.slot(for: hash, in: slots, mask: mask)
                let previous = slots[slot] == 0 ? -1 : Int32(truncatingIfNeeded: slots[slot])
                entryKey.append(Int32(id))
                entryNext.append(previous)
                slots[slot] = tag << 32 | UInt64(UInt32(entryKey.count - 1))
            }
        }
        self.mask = mask
        self.slots = slots
        self.entryKey = entryKey
        self.entryNext = entryNext
    }

    /// The ids of keys that may be within `depth` edits of `key` (to verify with `EditDistance`).
    /// - Parameters:
    ///   - key: The candidate key.
    ///   - depth: 1 or 2.
    /// - Returns: Distinct ids, ascending (most popular first).
    func candidates(near key: [UInt8], depth: Int) -> [Int32] {
        var found: [Int32] = []
        Self.forEachDeletion(of: key, depth: depth) { hash in
            let (slot, _) = Self.slot(for: hash, in: slots, mask: mask)
            var entry = slots[slot] == 0 ? -1 : Int32(truncatingIfNeeded: slots[slot])
            while entry >= 0 {
                found.append(entryKey[Int(entry)])
                entry = entryNext[Int(entry)]
            }
        }
        found.sort()
        var previous: Int32 = -1
        return found.filter { id in
            defer { previous = id }
            return id != previous
        }
    }

    // MARK: - Private

    /// The slot holding `hash`'s tag, or the empty slot where it belongs (linear probing; at most half full).
    private static func slot(for hash: UInt64, in slots: [UInt64], mask: Int) -> (slot: Int, tag: UInt64) {
        let tag = (hash >> 32) | 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 && slots[slot] >> 32 != tag { slot = (slot + 1) & mask }
        return (slot, tag)
    }

    /// Calls `body` with the hash of the key and of each string left after deleting 1...depth bytes. Deleting
    /// either byte of a doubled pair gives the same string, so only the first is hashed.
    ///
    /// The hash is polynomial (Horner, mod 2^64), so with prefix hashes and powers precomputed the hash of any
    /// deletion is O(1); a finaliser mixes it before it picks a slot. Collisions only cost a verification.
    private static func forEachDeletion(of key: [UInt8], depth: Int, _ body: (UInt64) -> Void) {
        let count = key.count
        var prefix = [UInt64](repeating: 0, count: count + 1)
        var power = [UInt64](repeating: 1, count: count + 1)
        for index in 0..<count {
            prefix[index + 1] = prefix[index] &* base &+ UInt64(key[index]) &+ 1
            power[index + 1] = power[index] &* base
        }
        /// The hash of key[from..<to].
        func span(_ from: Int, _ to: Int) -> UInt64 { prefix[to] &- prefix[from] &* power[to - from] }
        body(mix(prefix[count]))
        guard depth >= 1 else { return }
        for i in key.indices where i == 0 || key[i] != key[i - 1] {
            let head = prefix[i]
            body(mix(head &* power[count - 1 - i] &+ span(i + 1, count)))
            guard depth >= 2 else { continue }
            for j in (i + 1)..<count where j == i + 1 || key[j] != key[j - 1] {
                let left = head &* power[j - i - 1] &+ span(i + 1, j)
                body(mix(left &* power[count - 1 - j] &+ span(j + 1, count)))
            }
        }
    }

    private static let base: UInt64 = 0x100_0000_01b3

    /// The 64-bit MurmurHash3 finaliser.
    private static func mix(_ value: UInt64) -> UInt64 {
        var hash = value
        hash ^= hash >> 33
        hash = hash &* 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        hash = hash &* 0xc4ce_b9fe_1a85_ec53
        hash ^= hash >> 33
        return hash
    }
}
