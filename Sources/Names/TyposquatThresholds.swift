/// The limits that keep the typosquat detector quiet on short names, where every name is a few edits from many
/// others, and on weak resemblances, which only count against the most popular names (the ones worth imitating).
/// Lengths are of the comparison key (lowercased npm name, PEP 503 PyPI name).
struct TyposquatThresholds: Sendable {
    /// Separator swaps, look-alike swaps and case changes need names at least this long.
    var transformMinimumLength = 3
    /// Transpositions, doubled letters, letters dropped inside a word and look-alike substitutions need both names
    /// this long.
    var closeEditMinimumLength = 5
    /// Weak insertions inside a word (a vowel, or a key next to its neighbour) need both names this long.
    var weakEditMinimumLength = 7
    /// Weak substitutions (a vowel for a vowel, a neighbouring key) need both names this long.
    var weakSubstitutionMinimumLength = 6
    /// A letter added or dropped at the end of a word (`request`/`requests`, `lodashs`) needs both names this long.
    var wordEndEditMinimumLength = 6
    /// Two edits need both names this long, and both edits inside one word of at least `twoEditWordLength`.
    var twoEditMinimumLength = 10
    /// See `twoEditMinimumLength`.
    var twoEditWordLength = 8
    /// Weak edits and two edits only count against the names ranked above this (most popular first).
    var weakTargetRankLimit = 500
    /// npm scope typos need scopes at least this long.
    var scopeMinimumLength = 4

    /// The limits lockgate uses.
    static let standard = TyposquatThresholds()
}
