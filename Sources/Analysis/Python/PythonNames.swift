/// The names and dotted paths of one file, interned: each distinct text gets a small id, so scopes, path
/// extensions and per-name facts are found by array index instead of by hashing strings.
///
/// A path `a.b` extended by a name is found from the pair of ids (no string is built once the pair is known),
/// and gets the same id as the text `a.b` interned directly (an assignment target written `a . b`).
struct PythonNames {
    /// Facts about a name, computed once when first asked for.
    private struct Facts: OptionSet {
        let rawValue: UInt8
        static let marker = Facts(rawValue: 1)
        static let protector = Facts(rawValue: 2)
        /// The facts were worked out.
        static let known = Facts(rawValue: 4)
    }

    private var texts: [String] = []
    private var lengths: [Int] = []
    /// The UTF-8 bytes of every text, one after the other (`starts` gives where each begins), so a name read from
    /// the source is compared without touching its `String`.
    private var arena: [UInt8] = []
    private var starts: [Int] = []
    private var facts: [Facts] = []
    private var hashes: [UInt64] = []
    /// Open-addressing table of ids by text hash (-1 is empty; the count is a power of two).
    private var slots: [Int32]
    /// Extensions by pair of ids (`PythonPairTable`).
    private var byPair = PythonPairTable()

    /// Creates an empty table.
    /// - Parameter count: The initial number of hash slots (a power of two; the table doubles as it fills).
    init(slots count: Int = 256) {
        slots = [Int32](repeating: -1, count: count)
    }

    /// How many ids there are (ids are `0..<count`).
    var count: Int { texts.count }

    /// The id of a text, interning it when new.
    /// - Parameter text: A name, a dotted path or a key.
    /// - Returns: Its id.
    mutating func intern(_ text: String) -> Int32 {
        let hash = Self.hash(text)
        return intern(text, hash: hash)
    }

    /// The id of an ASCII name given as bytes, interning it when new (a name that repeats costs no new `String`).
    /// - Parameters:
    ///   - bytes: The name's bytes (ASCII only: the same bytes as the text's UTF-8).
    ///   - fnv: FNV-1a of the bytes (`fnvStart` folded with `fnvStep`), when the caller computed it while reading
    ///     them.
    /// - Returns: The id.
    mutating func intern(ascii bytes: UnsafeBufferPointer<UInt8>, fnv: UInt64? = nil) -> Int32 {
        let hash = fnv.map(Self.mix) ?? Self.hash(bytes)
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while slots[slot] >= 0 {
            let known = slots[slot]
            if hashes[Int(known)] == hash && lengths[Int(known)] == bytes.count && storedBytes(known, equal: bytes) {
                return known
            }
            slot = (slot + 1) & (slots.count - 1)
        }
        return intern(String(decoding: bytes, as: UTF8.self), hash: hash)
    }

    // MARK: - Private

    private mutating func intern(_ text: String, hash: UInt64) -> Int32 {
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while slots[slot] >= 0 {
            let known = slots[slot]
            if hashes[Int(known)] == hash && texts[Int(known)] == text { return known }
            slot = (slot + 1) & (slots.count - 1)
        }
        let id = Int32(texts.count)
        slots[slot] = id
        texts.append(text)
        hashes.append(hash)
        lengths.append(text.utf8.count)
        starts.append(arena.count)
        if text.utf8.withContiguousStorageIfAvailable({ arena.append(contentsOf: $0) }) == nil {
            arena.append(contentsOf: Array(text.utf8))
        }
        facts.append([])
        if texts.count * 2 > slots.count { grow() }
        return id
    }

    /// The id of a text if it was interned.
    /// - Parameter text: A name or dotted path.
    /// - Returns: Its id, or nil.
    func id(of text: String) -> Int32? {
        let hash = Self.hash(text)
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while slots[slot] >= 0 {
            let known = slots[slot]
            if hashes[Int(known)] == hash && texts[Int(known)] == text { return known }
            slot = (slot + 1) & (slots.count - 1)
        }
        return nil
    }

    /// The text of an id.
    /// - Parameter id: An id from this table.
    /// - Returns: The text.
    func text(_ id: Int32) -> String { texts[Int(id)] }

    /// Whether the name is one of `PythonAPI.markerNames`.
    mutating func isMarker(_ id: Int32) -> Bool { facts(id).contains(.marker) }

    /// Whether the name belongs to pyarmor's runtime (`PythonAPI.isProtectorName`).
    mutating func isProtector(_ id: Int32) -> Bool { facts(id).contains(.protector) }

    /// The facts of a name, worked out on first use.
    private mutating func facts(_ id: Int32) -> Facts {
        let known = facts[Int(id)]
        if known.contains(.known) { return known }
        var fact: Facts = [.known]
        let text = texts[Int(id)]
        if PythonAPI.markerNames.contains(text) { fact.insert(.marker) }
        if PythonAPI.isProtectorName(text) { fact.insert(.protector) }
        facts[Int(id)] = fact
        return fact
    }

    /// The id of `base.name`, or nil when that is longer than `PythonFileContext.maxQualifiedLength` allows
    /// (as `PythonFileContext.extended`).
    /// - Parameters:
    ///   - base: The id of the path extended.
    ///   - name: The id of the attribute name.
    /// - Returns: The id of the extended path, or nil.
    mutating func extended(_ base: Int32, _ name: Int32) -> Int32? {
        let pair = UInt64(UInt32(bitPattern: base)) << 32 | UInt64(UInt32(bitPattern: name))
        if let known = byPair.value(for: pair) { return known >= 0 ? known : nil }
        guard lengths[Int(base)] + lengths[Int(name)] < PythonFileContext.maxQualifiedLength else {
            byPair.set(-1, for: pair)
            return nil
        }
        let id = intern(texts[Int(base)] + "." + texts[Int(name)])
        byPair.set(id, for: pair)
        return id
    }

    /// Whether the stored bytes of an id are `bytes` (of the same length).
    private func storedBytes(_ id: Int32, equal bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[Int(id)]
        guard lengths[Int(id)] == bytes.count else { return false }
        return arena.withUnsafeBufferPointer { stored in  // in bounds: `starts[id] + lengths[id]` ≤ `arena.count`
            for index in 0..<bytes.count where stored[start + index] != bytes[index] { return false }
            return true
        }
    }

    /// Doubles the table and re-inserts every id.
    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        for (id, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Int32(id)
        }
    }

    /// FNV-1a over the UTF-8 bytes, with a final mix (the table needs no protection against chosen collisions:
    /// a file's names cost linear probing at worst, bounded by the file's size).
    private static func hash(_ text: String) -> UInt64 {
        if let done = text.utf8.withContiguousStorageIfAvailable({ hash($0) }) { return done }
        return Array(text.utf8).withUnsafeBufferPointer { hash($0) }
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = fnvStart
        for byte in bytes { hash = fnvStep(hash, byte) }
        return mix(hash)
    }

    /// The FNV-1a offset basis.
    static let fnvStart: UInt64 = 0xCBF2_9CE4_8422_2325

    /// One FNV-1a step.
    @inline(__always)
    static func fnvStep(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x100_0000_01B3
    }

    /// The final mix of a table hash.
    @inline(__always)
    private static func mix(_ fnv: UInt64) -> UInt64 {
        var hash = fnv ^ (fnv >> 29)
        hash &*= 0xBF58_476D_1CE4_E5B9
        return hash ^ (hash >> 32)
    }
}
