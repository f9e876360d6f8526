/// Which local-call names a file's functions define, for dropping calls to functions that do not exist.
///
/// Every call through a receiver the walk does not know records a local call under its dotted text (`console.log`),
/// so a file has many more local calls than functions, and hashing each name for the dictionary lookup was a
/// measurable share of the analysis. When every function name is ASCII, two tables rule most ASCII call names out
/// without the dictionary: the names' (length, last byte) pairs, then two bits per name chosen by `SignalKey.hash` of
/// its bytes (obfuscated files call many names like `_0x3c1f` that share length and last byte with a function).
/// ASCII strings are equal exactly when their bytes are (no other ASCII text is canonically equivalent), so the
/// answer is the dictionary's. Any other name, or any non-ASCII function name, is looked up as before.
struct JavaScriptLocalCalls {
    /// Indexes the function names.
    /// - Parameter functions: The file's functions by name.
    init(_ functions: [String: [CodeEvent]]) {
        self.functions = functions
        var pairs = [UInt64](repeating: 0, count: 64)
        var bits = 64
        while bits < 16 * functions.count && bits < 1 << 24 { bits *= 2 }
        var filter = [UInt64](repeating: 0, count: bits / 64)
        var ascii = true
        for name in functions.keys {
            var name = name
            let added = name.withUTF8 { bytes in
                guard Self.isASCII(bytes) else { return false }
                let key = Self.key(bytes)
                pairs[key >> 6] |= 1 << UInt64(key & 63)
                let (first, second) = Self.filterBits(SignalKey.hash(UnsafeRawBufferPointer(bytes)), size: bits)
                filter[first >> 6] |= 1 << UInt64(first & 63)
                filter[second >> 6] |= 1 << UInt64(second & 63)
                return true
            }
            guard added else {
                ascii = false
                break
            }
        }
        self.pairs = pairs
        self.filter = filter
        self.asciiNames = ascii
    }

    /// Whether a function of that name exists: `functions[name] != nil`.
    /// - Parameter name: The called name.
    /// - Returns: Whether the file defines it.
    func defines(_ name: String) -> Bool {
        if asciiNames {
            var bytes = name
            let ruledOut = bytes.withUTF8 { utf8 in
                guard Self.isASCII(utf8) else { return false }
                let key = Self.key(utf8)
                guard pairs[key >> 6] & (1 << UInt64(key & 63)) != 0 else { return true }
                let hash = SignalKey.hash(UnsafeRawBufferPointer(utf8))
                let (first, second) = Self.filterBits(hash, size: filter.count * 64)
                return filter[first >> 6] & (1 << UInt64(first & 63)) == 0
                    || filter[second >> 6] & (1 << UInt64(second & 63)) == 0
            }
            if ruledOut { return false }
        }
        return functions[name] != nil
    }

    // MARK: - Private

    private let functions: [String: [CodeEvent]]
    /// Bits by `key`: some function name has that length (mod 64) and last byte (mod 64).
    private let pairs: [UInt64]
    /// Bits by `filterBits` of every function name's hash (a power of two of bits, at least 64).
    private let filter: [UInt64]
    /// Whether every function name is ASCII (the tables are used only then).
    private let asciiNames: Bool

    /// Whether some bytes are all ASCII.
    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var high: UInt8 = 0
        for byte in bytes { high |= byte }
        return high < 0x80
    }

    /// The table position of a name's bytes: its byte length and last byte, each mod 64.
    private static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        (bytes.count & 63) << 6 | Int((bytes.last ?? 0) & 63)
    }

    /// The two filter bits of a hash, for a filter of `size` bits (a power of two).
    private static func filterBits(_ hash: UInt64, size: Int) -> (Int, Int) {
        let mask = UInt64(size - 1)
        return (Int(truncatingIfNeeded: hash & mask), Int(truncatingIfNeeded: (hash >> 40) & mask))
    }
}
