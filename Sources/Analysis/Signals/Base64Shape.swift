/// Counts over a candidate base64 string that tell encoded data from identifiers, paths and alphabet tables: the
/// share of upper case among letters, the mean length of lowercase runs (short in encoded data, long in words),
/// separators, padding and ascending runs (`ABCDEFGH`).
struct Base64Shape {
    private var count = 0
    private var upper = 0
    private var lower = 0
    private var digits = 0
    private var standardSymbols = 0
    private var urlSafeSymbols = 0
    private var padding = 0
    private var ascendingRun = 0
    private var longestAscendingRun = 0
    private var lowercaseRuns = 0

    /// Measures a string; `nil` when it has a byte outside the base64 alphabets, padding not at the end, or is too
    /// short or too long.
    init?(_ text: String) {
        var text = text
        guard let shape = text.withUTF8({ Base64Shape(bytes: $0) }) else { return nil }
        self = shape
    }

    /// Measures UTF-8 bytes (a contiguous buffer: one pass without the string view's per-byte decoding).
    private init?(bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count >= StringSignals.base64Length, bytes.count <= 50_000_000 else { return nil }
        // One table lookup a byte (its class) and the counts kept in locals until the end.
        var (upper, lower, digits, standard, urlSafe, padding) = (0, 0, 0, 0, 0, 0)
        var (previous, previousLower, ascendingRun, longestAscendingRun, lowercaseRuns) = (UInt8(0), false, 0, 0, 0)
        let valid = Self.classes.withUnsafeBufferPointer { classes in
            for byte in bytes {
                let kind = classes[Int(byte)]  // in bounds: 256 classes
                if padding > 0 && byte != 0x3D { return false }
                switch kind {
                case 1: upper += 1
                case 2: lower += 1
                case 3: digits += 1
                case 4: standard += 1
                case 5: urlSafe += 1
                case 6: padding += 1
                default: return false
                }
                let isLower = kind == 2
                if isLower && !previousLower { lowercaseRuns += 1 }
                previousLower = isLower
                ascendingRun = byte == previous &+ 1 ? ascendingRun + 1 : 0
                longestAscendingRun = max(longestAscendingRun, ascendingRun)
                previous = byte
            }
            return true
        }
        guard valid else { return nil }
        (self.upper, self.lower, self.digits, self.padding) = (upper, lower, digits, padding)
        (standardSymbols, urlSafeSymbols) = (standard, urlSafe)
        (self.longestAscendingRun, self.lowercaseRuns) = (longestAscendingRun, lowercaseRuns)
        self.ascendingRun = ascendingRun
        count = bytes.count
    }

    /// The class of each byte: 1 upper case, 2 lower case, 3 digit, 4 `+` or `/`, 5 `-` or `_`, 6 `=`, 0 other.
    private static let classes: [UInt8] = (0...255).map { byte -> UInt8 in
        switch byte {
        case 0x41...0x5A: 1
        case 0x61...0x7A: 2
        case 0x30...0x39: 3
        case 0x2B, 0x2F: 4
        case 0x2D, 0x5F: 5
        case 0x3D: 6
        default: 0
        }
    }

    /// Whether the counts read as encoded data.
    var isBlob: Bool {
        let letters = upper + lower
        guard padding <= 2, letters > 0, longestAscendingRun < 8 else { return false }
        if padding > 0 && count % 4 != 0 { return false }
        if standardSymbols > 0 && urlSafeSymbols > 0 { return false }
        let symbols = standardSymbols + urlSafeSymbols
        guard symbols * 10 <= count else { return false }
        let upperShare = Double(upper) / Double(letters)
        guard upperShare >= 0.2 && upperShare <= 0.8 else { return false }
        // Words (CamelCase, snake_case) have long lowercase runs; encoded data averages under two letters a run.
        guard lowercaseRuns > 0, Double(lower) / Double(lowercaseRuns) < 3 else { return false }
        return digits > 0 || count >= 80
    }
}
