/// A string with its hash computed once over its UTF-8 bytes, so the per-file memo and the shared cache of string
/// signals hash each string one time instead of once per lookup and store.
///
/// Two keys are equal when their bytes are equal (`StringSignals` reads bytes, so byte-equal strings have the same
/// signals); the hash is FNV-1a over the bytes.
struct SignalKey: Hashable, Sendable {
    /// The string.
    let text: String
    /// FNV-1a of its UTF-8 bytes.
    let hash: UInt64

    /// Hashes a string.
    /// - Parameter text: The string.
    init(_ text: String) {
        self.text = text
        var text = text
        self.hash = text.withUTF8 { bytes in
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            return hash
        }
    }

    /// Whether two keys hold the same bytes.
    static func == (lhs: SignalKey, rhs: SignalKey) -> Bool {
        guard lhs.hash == rhs.hash, lhs.text.utf8.count == rhs.text.utf8.count else { return false }
        var left = lhs.text, right = rhs.text
        return left.withUTF8 { a in right.withUTF8 { b in a.elementsEqual(b) } }
    }

    /// Feeds the precomputed hash.
    func hash(into hasher: inout Hasher) {
        hasher.combine(hash)
    }
}
