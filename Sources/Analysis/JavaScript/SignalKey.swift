import Foundation

/// A string with its hash computed once over its UTF-8 bytes, so the per-file memo and the shared cache of string
/// signals hash each string one time instead of once per lookup and store.
///
/// Two keys are equal when their bytes are equal (`StringSignals` reads bytes, so byte-equal strings have the same
/// signals); the hash mixes the bytes eight at a time.
struct SignalKey: Hashable, Sendable {
    /// The string.
    let text: String
    /// `hash(_:)` of its UTF-8 bytes.
    let hash: UInt64

    /// Hashes a string.
    /// - Parameter text: The string.
    init(_ text: String) {
        self.text = text
        var text = text
        self.hash = text.withUTF8 { Self.hash(UnsafeRawBufferPointer($0)) }
    }

    /// Whether two keys hold the same bytes.
    static func == (lhs: SignalKey, rhs: SignalKey) -> Bool {
        guard lhs.hash == rhs.hash, lhs.text.utf8.count == rhs.text.utf8.count else { return false }
        var left = lhs.text, right = rhs.text
        return left.withUTF8 { a in
            right.withUTF8 { b in
                guard a.count == b.count, let first = a.baseAddress, let second = b.baseAddress else {
                    return a.count == b.count
                }
                return memcmp(first, second, a.count) == 0
            }
        }
    }

    /// A hash of some bytes, eight at a time (one multiplication per word instead of one a byte).
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(bytes.count)
        var index = 0
        while index + 8 <= bytes.count {
            hash = (hash ^ bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* multiplier
            hash ^= hash >> 29
            index += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.count {
            tail |= UInt64(bytes[index]) << shift
            shift += 8
            index += 1
        }
        hash = (hash ^ tail) &* multiplier
        return hash ^ (hash >> 32)
    }

    /// Feeds the precomputed hash.
    func hash(into hasher: inout Hasher) {
        hasher.combine(hash)
    }
}
