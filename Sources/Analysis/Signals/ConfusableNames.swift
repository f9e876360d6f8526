/// Identifiers spelled like an obfuscator's output: names made of two characters that look alike or say nothing
/// (`IlIlllIlIIlI`, `O0O00OO0O`, `MNMNNMNM`, `S2S22S2S`), or of underscores only (`________`).
///
/// Name obfuscators (pyobfuscate, Hyperion, BlankOBF and their copies) rename every variable and function this
/// way so that a reader cannot tell them apart; people do not: no benign package of the corpus has a file with
/// three such names, while 2.7% of the malicious PyPI packages do (docs/behaviours.md, "Minified is not
/// obfuscated"). A name qualifies when, underscores aside, it has at least `minimumSymbols` characters, exactly
/// two distinct ones, each at least twice (`foooooooo` and `Cccccccc`, a word stretched for a test, do not); or
/// when it is `minimumUnderscores` or more underscores.
enum ConfusableNames {
    /// The shortest name that can qualify (in bytes, underscores included): the smaller of the two minimums.
    static let minimumLength = 6
    /// The fewest letters and digits (underscores not counted) of a two-character name.
    static let minimumSymbols = 8
    /// The fewest underscores of an underscores-only name.
    static let minimumUnderscores = 6
    /// How many distinct confusable names in one file make it obfuscated.
    static let minimumNames = 3

    /// Whether an ASCII identifier is confusable (as described on the type).
    /// - Parameter name: The identifier's bytes.
    /// - Returns: True when it qualifies.
    static func isConfusable(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        guard name.count >= minimumLength else { return false }
        var first: UInt8 = 0, second: UInt8 = 0
        var firstCount = 0, secondCount = 0
        for byte in name where byte != 0x5F {
            if firstCount == 0 || byte == first {
                first = byte
                firstCount += 1
            } else if secondCount == 0 || byte == second {
                second = byte
                secondCount += 1
            } else {
                return false  // a third character
            }
        }
        if firstCount == 0 { return name.count >= minimumUnderscores }
        return firstCount + secondCount >= minimumSymbols && firstCount >= 2 && secondCount >= 2
    }

    /// Whether a name is confusable (as `isConfusable(_:)` on its UTF-8 bytes).
    static func isConfusable(_ name: String) -> Bool {
        var copy = name
        return copy.withUTF8 { isConfusable($0) }
    }
}
