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
        var previous: UInt8 = 0
        for byte in bytes {
            if padding > 0 && byte != 0x3D { return nil }
            switch byte {
            case 0x41...0x5A: upper += 1
            case 0x61...0x7A: lower += 1
            case 0x30...0x39: digits += 1
            case 0x2B, 0x2F: standardSymbols += 1
            case 0x2D, 0x5F: urlSafeSymbols += 1
            case 0x3D: padding += 1
            default: return nil
            }
            if (0x61...0x7A).contains(byte) && !(0x61...0x7A).contains(previous) { lowercaseRuns += 1 }
            ascendingRun = byte == previous &+ 1 ? ascendingRun + 1 : 0
            longestAscendingRun = max(longestAscendingRun, ascendingRun)
            previous = byte
        }
        count = bytes.count
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
