/// Which local-call names a file's functions define, for dropping calls to functions that do not exist.
///
/// Every call through a receiver the walk does not know records a local call under its dotted text (`console.log`),
/// so a file has many more local calls than functions, and hashing each name for the dictionary lookup was a
/// measurable share of the analysis. When every function name is ASCII, a table of the names' (length, last byte)
/// pairs rules most ASCII call names out without hashing them; ASCII strings are equal exactly when their bytes are
/// (no other ASCII text is canonically equivalent), so the answer is the dictionary's. Any other name, or any
/// non-ASCII function name, is looked up as before.
struct JavaScriptLocalCalls {
    /// Indexes the function names.
    /// - Parameter functions: The file's functions by name.
    init(_ functions: [String: [CodeEvent]]) {
        self.functions = functions
        var pairs = [UInt64](repeating: 0, count: 64)
        var ascii = true
        for name in functions.keys {
            guard name.utf8.allSatisfy({ $0 < 0x80 }) else {
                ascii = false
                break
            }
            let key = Self.key(name)
            pairs[key >> 6] |= 1 << UInt64(key & 63)
        }
        self.pairs = pairs
        self.asciiNames = ascii
    }

    /// Whether a function of that name exists: `functions[name] != nil`.
    /// - Parameter name: The called name.
    /// - Returns: Whether the file defines it.
    func defines(_ name: String) -> Bool {
        if asciiNames && name.utf8.allSatisfy({ $0 < 0x80 }) {
            let key = Self.key(name)
            guard pairs[key >> 6] & (1 << UInt64(key & 63)) != 0 else { return false }
        }
        return functions[name] != nil
    }

    // MARK: - Private

    private let functions: [String: [CodeEvent]]
    /// Bits by `key`: some function name has that length (mod 64) and last byte (mod 64).
    private let pairs: [UInt64]
    /// Whether every function name is ASCII (the table is used only then).
    private let asciiNames: Bool

    /// The table position of a name: its byte length and last byte, each mod 64.
    private static func key(_ name: String) -> Int {
        (name.utf8.count & 63) << 6 | Int((name.utf8.last ?? 0) & 63)
    }
}
