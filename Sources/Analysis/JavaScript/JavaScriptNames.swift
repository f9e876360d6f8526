/// Interned identifier spellings: each distinct name gets a small integer id, so the walker compares ids, and
/// the names it cares about have fixed ids (`JavaScriptNames.Known`).
struct JavaScriptNames: Sendable {
    /// The spelling of each id.
    private(set) var strings: [String] = []

    /// Ids of the keywords and globals the analysis looks for, interned first in this order.
    enum Known: Int32, CaseIterable {
        case const_ = 0, let_, var_, function, class_, return_, typeof_, instanceof, in_, of, new_, delete_, void_
        case throw_, case_, do_, else_, yield, await_, async, if_, for_, while_, switch_, catch_, with, import_
        case export, from, as_, default_, extends, static_, get, set, this, super_, null, true_, false_, try_
        case require, eval, module, exports, process, env, constructor
    }

    /// The spellings of `Known`, in order.
    static let knownSpellings = [
        "const", "let", "var", "function", "class", "return", "typeof", "instanceof", "in", "of", "new", "delete",
        "void", "throw", "case", "do", "else", "yield", "await", "async", "if", "for", "while", "switch", "catch",
        "with", "import", "export", "from", "as", "default", "extends", "static", "get", "set", "this", "super",
        "null", "true", "false", "try", "require", "eval", "module", "exports", "process", "env", "constructor",
    ]

    /// Creates the table with the known names interned.
    init() {
        self = Self.known
    }

    /// The table of the known names, built once and copied for each file.
    private static let known: JavaScriptNames = {
        var names = JavaScriptNames(empty: ())
        for spelling in knownSpellings {
            _ = Array(spelling.utf8).withUnsafeBufferPointer { names.intern($0) }
        }
        return names
    }()

    private init(empty: Void) {}

    /// The spelling of an id.
    subscript(id: Int32) -> String { id >= 0 && Int(id) < strings.count ? strings[Int(id)] : "" }

    /// The id of a spelling, adding it when new.
    /// - Parameter bytes: The name's UTF-8 bytes.
    /// - Returns: Its id.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        if table.count < 2 * (strings.count + 1) { grow() }
        let hash = Self.hash(bytes)
        let mask = table.count - 1
        var slot = Int(hash & UInt64(mask))
        while true {
            let id = table[slot]
            if id < 0 { break }
            if hashes[Int(id)] == hash && spells(id, bytes) { return id }
            slot = (slot + 1) & mask
        }
        let id = Int32(strings.count)
        strings.append(String(decoding: bytes, as: UTF8.self))
        offsets.append(storage.count)
        storage.append(contentsOf: bytes)
        hashes.append(hash)
        table[slot] = id
        return id
    }

    /// The id of a spelling already interned, without adding it.
    /// - Parameter spelling: The name.
    /// - Returns: Its id, or -1 when the file never uses it.
    func lookup(_ spelling: String) -> Int32 {
        guard !table.isEmpty else { return -1 }
        var bytes = spelling
        return bytes.withUTF8 { buffer in
            let hash = Self.hash(buffer)
            var slot = Int(hash & UInt64(table.count - 1))
            while table[slot] >= 0 {
                let id = table[slot]
                if hashes[Int(id)] == hash && spells(id, buffer) { return id }
                slot = (slot + 1) & (table.count - 1)
            }
            return -1
        }
    }

    /// Whether an id is a reserved word that cannot start a member chain.
    @inline(__always)
    static func isKeyword(_ id: Int32) -> Bool {
        id >= 0 && id <= 40 && (keywordBits >> UInt64(id)) & 1 != 0
    }

    /// `isKeyword` as bits by id: the known names up to `try` except `this`, `super`, `async`, `get`, `set`, `of`,
    /// `from`, `as`, `static`, `let`, `yield` and `await` (a literal, so the check costs no calls in debug builds;
    /// `JavaScriptSpeedTests` checks it against that definition).
    static var keywordBits: UInt64 { 0x1E0_CFF1_FDFD }

    // MARK: - Private

    private var table: [Int32] = []
    private var hashes: [UInt64] = []
    private var offsets: [Int] = []
    private var storage: [UInt8] = []

    /// Calls `body` with the UTF-8 bytes of an id's spelling (empty for an unknown id).
    func withBytes<Result>(of id: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        guard id >= 0 && Int(id) < offsets.count else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        let start = offsets[Int(id)]
        let end = Int(id) + 1 < offsets.count ? offsets[Int(id) + 1] : storage.count
        return storage.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    /// Whether an id is spelled with these bytes.
    private func spells(_ id: Int32, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = offsets[Int(id)]
        let end = Int(id) + 1 < offsets.count ? offsets[Int(id) + 1] : storage.count
        guard end - start == bytes.count else { return false }
        return storage.withUnsafeBufferPointer { stored in
            var index = 0
            while index < bytes.count && stored[start + index] == bytes[index] { index += 1 }
            return index == bytes.count
        }
    }

    private mutating func grow() {
        let size = max(256, table.count * 2)
        table = [Int32](repeating: -1, count: size)
        for id in 0..<strings.count {
            var slot = Int(hashes[id] & UInt64(size - 1))
            while table[slot] >= 0 { slot = (slot + 1) & (size - 1) }
            table[slot] = Int32(id)
        }
    }

    /// A hash of the bytes, eight at a time (names are short: one or two multiplications instead of one a byte).
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        SignalKey.hash(UnsafeRawBufferPointer(bytes))
    }
}
