/// The lexer's per-file memory of short ASCII names: a name's bytes (up to 16, as two little-endian words, the
/// bytes past its end zeroed) mapped to its keyword code and its interned id, so a name that repeats is classified
/// and interned once per file instead of once per token.
///
/// Direct-mapped (a colliding name replaces the entry): a miss only costs the work the lexer did without the cache,
/// so the result never depends on what the cache holds. A name has no zero byte, so its first word is never zero,
/// and an entry whose first word is zero is empty.
struct PythonLexerNameCache {
    /// One remembered name.
    private struct Entry {
        var first: UInt64 = 0
        var second: UInt64 = 0
        var id: Int32 = -1
        var code: PythonCode = .none
    }

    private var entries: [Entry]
    private let shift: UInt64

    /// Creates an empty cache sized for a file.
    /// - Parameter sourceCount: The file's length in bytes (64 entries for small files, up to 4,096).
    init(sourceCount: Int) {
        var bits: UInt64 = 6
        while bits < 12 && (1 << bits) * 48 < sourceCount { bits += 1 }
        entries = [Entry](repeating: Entry(), count: 1 << Int(bits))
        shift = 64 - bits
    }

    /// The code and id remembered for a name, or nil.
    /// - Parameters:
    ///   - first: The name's first eight bytes (zero-padded).
    ///   - second: Its next eight bytes (zero-padded; zero for a name of up to eight bytes).
    /// - Returns: The keyword code and interned id (-1 for a keyword) stored by `remember`.
    @inline(__always)
    func find(_ first: UInt64, _ second: UInt64) -> (code: PythonCode, id: Int32)? {
        let entry = entries[slot(first, second)]
        guard entry.first == first && entry.second == second else { return nil }
        return (entry.code, entry.id)
    }

    /// Remembers a name's code and id (replacing whatever name had its slot).
    @inline(__always)
    mutating func remember(_ first: UInt64, _ second: UInt64, code: PythonCode, id: Int32) {
        entries[slot(first, second)] = Entry(first: first, second: second, id: id, code: code)
    }

    @inline(__always)
    private func slot(_ first: UInt64, _ second: UInt64) -> Int {
        let mixed = (first ^ (second &* 0xC2B2_AE3D_27D4_EB4F)) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mixed >> shift)
    }
}
