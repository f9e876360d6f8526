/// The names and dotted paths of one file, interned: each distinct text gets a small id, so scopes, path
/// extensions and per-name facts are found by array index instead of by hashing strings.
///
/// A path `a.b` extended by a name is found from the pair of ids (no string is built once the pair is known),
/// and gets the same id as the text `a.b` interned directly (an assignment target written `a . b`).
struct PythonNames {
    /// Facts about a name, computed once when it is interned.
    private struct Facts: OptionSet {
        let rawValue: UInt8
        static let marker = Facts(rawValue: 1)
        static let protector = Facts(rawValue: 2)
    }

    private var texts: [String] = []
    private var lengths: [Int] = []
    private var facts: [Facts] = []
    private var hashes: [UInt64] = []
    /// Open-addressing table of ids by text hash (-1 is empty; the count is a power of two).
    private var slots = [Int32](repeating: -1, count: 256)
    private var byPair: [UInt64: Int32] = [:]

    /// How many ids there are (ids are `0..<count`).
    var count: Int { texts.count }

    /// The id of a text, interning it when new.
    /// - Parameters:
    ///   - text: A name or dotted path.
    ///   - facts: Whether to work out the name's facts (`isMarker`, `isProtector`; false for keys).
    /// - Returns: Its id.
    mutating func intern(_ text: String, facts withFacts: Bool = true) -> Int32 {
        let hash = Self.hash(text)
        return intern(text, hash: hash, facts: withFacts)
    }

    /// The id of an ASCII name given as bytes, interning it when new; the stored text is shared, so a name that
    /// repeats costs no new `String`.
    /// - Parameters:
    ///   - bytes: The name's bytes (ASCII only: the same bytes as the text's UTF-8).
    /// - Returns: The id and the stored text.
    mutating func intern(ascii bytes: UnsafeBufferPointer<UInt8>) -> (id: Int32, text: String) {
        let hash = Self.hash(bytes)
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while slots[slot] >= 0 {
            let known = slots[slot]
            if hashes[Int(known)] == hash && lengths[Int(known)] == bytes.count {
                let same = texts[Int(known)].utf8.withContiguousStorageIfAvailable { stored in
                    stored.elementsEqual(bytes)
                }
                if same ?? texts[Int(known)].utf8.elementsEqual(bytes) { return (known, texts[Int(known)]) }
            }
            slot = (slot + 1) & (slots.count - 1)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let id = intern(text, hash: hash, facts: true)
        return (id, text)
    }

    // MARK: - Private

    private mutating func intern(_ text: String, hash: UInt64, facts withFacts: Bool) -> Int32 {
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
        var fact: Facts = []
        if withFacts && PythonAPI.markerNames.contains(text) { fact.insert(.marker) }
        if withFacts && PythonAPI.isProtectorName(text) { fact.insert(.protector) }
        facts.append(fact)
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
    func isMarker(_ id: Int32) -> Bool { facts[Int(id)].contains(.marker) }

    /// Whether the name belongs to pyarmor's runtime (`PythonAPI.isProtectorName`).
    func isProtector(_ id: Int32) -> Bool { facts[Int(id)].contains(.protector) }

    /// The id of `base.name`, or nil when that is longer than `PythonFileContext.maxQualifiedLength` allows
    /// (as `PythonFileContext.extended`).
    /// - Parameters:
    ///   - base: The id of the path extended.
    ///   - name: The id of the attribute name.
    /// - Returns: The id of the extended path, or nil.
    mutating func extended(_ base: Int32, _ name: Int32) -> Int32? {
        let pair = UInt64(UInt32(bitPattern: base)) << 32 | UInt64(UInt32(bitPattern: name))
        if let known = byPair[pair] { return known >= 0 ? known : nil }
        guard lengths[Int(base)] + lengths[Int(name)] < PythonFileContext.maxQualifiedLength else {
            byPair[pair] = -1
            return nil
        }
        let id = intern(texts[Int(base)] + "." + texts[Int(name)])
        byPair[pair] = id
        return id
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
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        hash ^= hash >> 29
        hash &*= 0xBF58_476D_1CE4_E5B9
        return hash ^ (hash >> 32)
    }
}
