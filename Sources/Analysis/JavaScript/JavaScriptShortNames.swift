/// A cache in front of `JavaScriptNames.intern` for names of at most sixteen bytes (most names): such a name is
/// its bytes read as two little-endian words, zero-padded, so finding its id is a multiplication and two word
/// comparisons, without hashing the bytes or comparing them with the stored spelling.
///
/// Names never contain a zero byte (identifier bytes are letters, digits, `_`, `$`, `#` or non-ASCII), so the
/// words tell every such name apart, its length included, and a first word of 0 marks a free slot. The ids are the
/// table's own: a name missing here is interned there first, so ids keep their order of first appearance.
struct JavaScriptShortNames: Sendable {
    /// The longest name the cache holds, in bytes.
    static let maximumLength = 16

    /// A name's bytes as two words, little-endian, zero-padded.
    struct Key: Sendable {
        /// Bytes 0 to 7.
        var low: UInt64
        /// Bytes 8 to 15.
        var high: UInt64
    }

    /// The key of a name.
    /// - Parameters:
    ///   - bytes: The source.
    ///   - start: The name's first byte.
    ///   - end: One past its last byte (at most `maximumLength` after `start`, within `bytes`).
    /// - Returns: Its two words.
    @inline(__always)
    static func key(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Key {
        let length = end - start
        if start + 16 <= bytes.count {
            let raw = UnsafeRawBufferPointer(bytes)
            let low = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start, as: UInt64.self))
            if length <= 8 { return Key(low: length == 8 ? low : low & ((1 << UInt64(8 * length)) - 1), high: 0) }
            let high = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start + 8, as: UInt64.self))
            return Key(low: low, high: length == 16 ? high : high & ((1 << UInt64(8 * (length - 8))) - 1))
        }
        var key = Key(low: 0, high: 0)
        for index in start..<end {
            let offset = index - start
            if offset < 8 {
                key.low |= UInt64(bytes[index]) << UInt64(8 * offset)
            } else {
                key.high |= UInt64(bytes[index]) << UInt64(8 * (offset - 8))
            }
        }
        return key
    }

    /// The id cached for a name's key, or -1.
    @inline(__always)
    func id(of key: Key) -> Int32 {
        var slot = Self.slot(key, mask: mask)
        while true {
            let low = lows[slot]
            if low == key.low && highs[slot] == key.high { return ids[slot] }
            if low == 0 { return -1 }
            slot = (slot + 1) & mask
        }
    }

    /// Caches the id of a name's key (not cached yet).
    mutating func insert(_ key: Key, id: Int32) {
        if 2 * (count + 1) > lows.count { grow() }
        var slot = Self.slot(key, mask: mask)
        while lows[slot] != 0 { slot = (slot + 1) & mask }
        lows[slot] = key.low
        highs[slot] = key.high
        ids[slot] = id
        count += 1
    }

    // MARK: - Private

    private var lows = [UInt64](repeating: 0, count: 256)
    private var highs = [UInt64](repeating: 0, count: 256)
    private var ids = [Int32](repeating: -1, count: 256)
    private var mask = 255
    private var count = 0

    @inline(__always)
    private static func slot(_ key: Key, mask: Int) -> Int {
        let mixed = (key.low ^ (key.high &* 0xC2B2_AE3D_27D4_EB4F)) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mixed >> 32) & mask
    }

    private mutating func grow() {
        let oldLows = lows, oldHighs = highs, oldIds = ids
        let size = lows.count * 2
        lows = [UInt64](repeating: 0, count: size)
        highs = [UInt64](repeating: 0, count: size)
        ids = [Int32](repeating: -1, count: size)
        mask = size - 1
        count = 0
        for slot in oldLows.indices where oldLows[slot] != 0 {
            insert(Key(low: oldLows[slot], high: oldHighs[slot]), id: oldIds[slot])
        }
    }
}
