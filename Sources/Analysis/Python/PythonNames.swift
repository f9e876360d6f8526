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

    /// Where a text's bytes are, its hash and its facts: one entry per id, appended once.
    private struct Entry {
        var hash: UInt64
        var start: Int
        var length: Int
        var facts: Facts
    }

    /// The text of each id; in a table that keeps bytes, nil until first asked for (a name or path interned from
    /// bytes, most of which are never read as a `String`, is then made from `arena` once).
    private var texts: [String?] = []
    private var entries: [Entry] = []
    /// The UTF-8 bytes of every text, one after the other (`Entry.start` gives where each begins), so a name read from
    /// the source is compared without touching its `String`.
    private var arena: [UInt8] = []
    /// Open-addressing table of ids by text hash (-1 is empty; the count is a power of two).
    private var slots: [Int32]
    /// Extensions by pair of ids (`PythonPairTable`).
    private var byPair = PythonPairTable()
    /// The bytes of the last path `internJoined` looked up.
    private var joined: [UInt8] = []
    /// Whether texts interned as `String`s are also copied to `arena` (a table of path keys or constants is only
    /// ever given `String`s and asked for ids and texts: it needs no copy of their bytes).
    private let keepsBytes: Bool

    /// Creates an empty table.
    /// - Parameters:
    ///   - count: The initial number of hash slots (a power of two; the table doubles as it fills).
    ///   - keepsBytes: False for a table only used with `intern(_:)`, `id(of:)` and `text(_:)`: names interned
    ///     from bytes, facts and extensions then need the bytes it does not keep.
    init(slots count: Int = 256, keepsBytes: Bool = true) {
        slots = [Int32](repeating: -1, count: count)
        self.keepsBytes = keepsBytes
    }

    /// Creates an empty table sized for about `expectedCount` texts (a file's names: fewer growth steps).
    /// - Parameter expectedCount: The number of texts expected.
    init(expectedCount: Int) {
        let count = max(256, expectedCount)
        var size = 256
        while size < count * 2 { size *= 2 }
        slots = [Int32](repeating: -1, count: size)
        keepsBytes = true
        texts.reserveCapacity(count)
        entries.reserveCapacity(count)
        arena.reserveCapacity(count * 12)
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
    /// - Parameter bytes: The name's bytes (ASCII only: the same bytes as the text's UTF-8).
    /// - Returns: The id.
    mutating func intern(ascii bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let hash = Self.hash(bytes)
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while slots[slot] >= 0 {
            let known = slots[slot]
            if entries[Int(known)].hash == hash && storedBytes(known, equal: bytes) {
                return known
            }
            slot = (slot + 1) & (slots.count - 1)
        }
        return insert(bytes, hash: hash, at: slot)
    }

    /// The text of an id (made from the stored bytes, once, when it was interned from bytes).
    /// - Parameter id: An id from this table.
    /// - Returns: The text.
    mutating func text(_ id: Int32) -> String {
        if let known = texts[Int(id)] { return known }
        let entry = entries[Int(id)]
        // In bounds: every entry's `start + length` is at most `arena.count`.
        let made = arena.withUnsafeBufferPointer { stored in
            String(decoding: UnsafeBufferPointer(rebasing: stored[entry.start..<(entry.start + entry.length)]),
                as: UTF8.self)
        }
        texts[Int(id)] = made
        return made
    }

    /// Whether the text of an id is `literal` (ASCII), compared on the stored bytes without a `String`.
    /// - Parameters:
    ///   - id: An id from this table (one that keeps bytes).
    ///   - literal: The text compared with.
    /// - Returns: True when they are equal.
    func spells(_ id: Int32, _ literal: StaticString) -> Bool {
        let entry = entries[Int(id)]
        let count = literal.utf8CodeUnitCount
        guard keepsBytes, entry.length == count else { return false }
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: count)
        return arena.withUnsafeBufferPointer { stored in
            for index in 0..<count where stored[entry.start + index] != expected[index] { return false }
            return true
        }
    }

    // MARK: - Private

    /// Adds new bytes (an ASCII name, or a path joined in `joined`) under an empty hash slot; the `String` is made
    /// when first asked for.
    private mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, at slot: Int) -> Int32 {
        let id = Int32(texts.count)
        slots[slot] = id
        texts.append(nil)
        entries.append(Entry(hash: hash, start: arena.count, length: bytes.count, facts: []))
        arena.append(contentsOf: bytes)
        if texts.count * 2 > slots.count { grow() }
        return id
    }

    /// Whether the text of an id is `text` (on the stored bytes when the table keeps them).
    private func isText(_ id: Int32, _ text: String) -> Bool {
        if let known = texts[Int(id)] { return known == text }
        var copy = text
        return copy.withUTF8 { storedBytes(id, equal: $0) }
    }

    private mutating func intern(_ text: String, hash: UInt64) -> Int32 {
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while slots[slot] >= 0 {
            let known = slots[slot]
            if entries[Int(known)].hash == hash && isText(known, text) { return known }
            slot = (slot + 1) & (slots.count - 1)
        }
        let id = Int32(texts.count)
        slots[slot] = id
        texts.append(text)
        entries.append(Entry(hash: hash, start: arena.count, length: text.utf8.count, facts: []))
        if keepsBytes && text.utf8.withContiguousStorageIfAvailable({ arena.append(contentsOf: $0) }) == nil {
            arena.append(contentsOf: Array(text.utf8))
        }
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
            if entries[Int(known)].hash == hash && isText(known, text) { return known }
            slot = (slot + 1) & (slots.count - 1)
        }
        return nil
    }

    /// Whether the name is spelled like an obfuscator's output (`ConfusableNames.isConfusable`), read from the
    /// stored bytes without a `String`.
    /// - Parameter id: An id from this table (one that keeps bytes).
    /// - Returns: True for a confusable name.
    func isConfusable(_ id: Int32) -> Bool {
        let entry = entries[Int(id)]
        guard keepsBytes, entry.length >= ConfusableNames.minimumLength else { return false }
        return arena.withUnsafeBufferPointer { stored in
            let name = UnsafeBufferPointer(rebasing: stored[entry.start..<(entry.start + entry.length)])
            return ConfusableNames.isConfusable(name)
        }
    }

    /// Whether the name is one of `PythonAPI.markerNames`.
    mutating func isMarker(_ id: Int32) -> Bool { facts(id).contains(.marker) }

    /// Whether the name belongs to pyarmor's runtime (`PythonAPI.isProtectorName`).
    mutating func isProtector(_ id: Int32) -> Bool { facts(id).contains(.protector) }

    /// The facts of a name, worked out on first use.
    private mutating func facts(_ id: Int32) -> Facts {
        let known = entries[Int(id)].facts
        if known.contains(.known) { return known }
        var fact: Facts = [.known]
        // Names whose first byte no marker or protector name starts with need no set lookup.
        let entry = entries[Int(id)]
        guard entry.length > 0, PythonAPI.factInitials.contains(arena[entry.start]) else {
            entries[Int(id)].facts = fact
            return fact
        }
        let text = text(id)
        if PythonAPI.markerNames.contains(text) { fact.insert(.marker) }
        if PythonAPI.isProtectorName(text) { fact.insert(.protector) }
        entries[Int(id)].facts = fact
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
        guard entries[Int(base)].length + entries[Int(name)].length < PythonFileContext.maxQualifiedLength else {
            byPair.set(-1, for: pair)
            return nil
        }
        let id = internJoined(base, name)
        byPair.set(id, for: pair)
        return id
    }

    /// The id of `text(base) + "." + text(name)`, hashed and looked up on the stored bytes (joined in `joined`, a
    /// buffer kept between calls): no `String` is made (`text(_:)` makes it if it is ever read).
    private mutating func internJoined(_ base: Int32, _ name: Int32) -> Int32 {
        let (baseStart, baseLength) = (entries[Int(base)].start, entries[Int(base)].length)
        let (nameStart, nameLength) = (entries[Int(name)].start, entries[Int(name)].length)
        let count = baseLength + 1 + nameLength
        // In bounds: every entry's `start + length` is at most `arena.count`.
        joined.removeAll(keepingCapacity: true)
        joined.append(contentsOf: arena[baseStart..<(baseStart + baseLength)])
        joined.append(0x2E)
        joined.append(contentsOf: arena[nameStart..<(nameStart + nameLength)])
        let hash = joined.withUnsafeBufferPointer { Self.hash($0) }
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while slots[slot] >= 0 {
            let known = slots[slot]
            if entries[Int(known)].hash == hash && entries[Int(known)].length == count
                && storedBytes(known, equalJoined: (baseStart, baseLength), (nameStart, nameLength))
            {
                return known
            }
            slot = (slot + 1) & (slots.count - 1)
        }
        let pending = joined  // a local reference, released before `joined` is next written
        return pending.withUnsafeBufferPointer { insert($0, hash: hash, at: slot) }
    }

    /// Whether the stored bytes of an id are those of two stored ranges joined by a dot (same length checked).
    private func storedBytes(_ id: Int32, equalJoined first: (Int, Int), _ second: (Int, Int)) -> Bool {
        let start = entries[Int(id)].start
        return arena.withUnsafeBufferPointer { stored in
            for index in 0..<first.1 where stored[start + index] != stored[first.0 + index] { return false }
            guard stored[start + first.1] == 0x2E else { return false }
            let offset = start + first.1 + 1
            for index in 0..<second.1 where stored[offset + index] != stored[second.0 + index] { return false }
            return true
        }
    }

    /// Whether the stored bytes of an id are `bytes` (of the same length).
    private func storedBytes(_ id: Int32, equal bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = entries[Int(id)].start
        guard entries[Int(id)].length == bytes.count else { return false }
        return arena.withUnsafeBufferPointer { stored in  // in bounds: the entry's `start + length` ≤ `arena.count`
            for index in 0..<bytes.count where stored[start + index] != bytes[index] { return false }
            return true
        }
    }

    /// Doubles the table and re-inserts every id.
    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        for (id, entry) in entries.enumerated() {
            let hash = entry.hash
            var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Int32(id)
        }
    }

    /// The hash of a text's UTF-8 bytes (as `hash(_:)` of the bytes; the table needs no protection against chosen
    /// collisions: a file's names cost linear probing at worst, bounded by the file's size).
    private static func hash(_ text: String) -> UInt64 {
        if let done = text.utf8.withContiguousStorageIfAvailable({ hash($0) }) { return done }
        return Array(text.utf8).withUnsafeBufferPointer { hash($0) }
    }

    /// The hash of bytes, read eight at a time (little-endian words, the last one padded with zeros after the
    /// length is folded in first, so texts that differ only in trailing zero bytes still differ), with a final mix.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let count = bytes.count
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count)
        guard let base = bytes.baseAddress else { return mix(hash) }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index + 8 <= count {  // whole words inside the buffer
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 29
            index += 8
        }
        if index < count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while index < count {
                tail |= UInt64(bytes[index]) << shift
                shift += 8
                index += 1
            }
            hash = (hash ^ tail) &* 0x94D0_49BB_1331_11EB
        }
        return mix(hash)
    }

    /// The final mix of a table hash.
    @inline(__always)
    private static func mix(_ value: UInt64) -> UInt64 {
        var hash = value ^ (value >> 29)
        hash &*= 0xBF58_476D_1CE4_E5B9
        return hash ^ (hash >> 32)
    }
}
