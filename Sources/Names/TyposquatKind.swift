/// How a typosquat candidate's name differs from the popular name it resembles.
public enum TyposquatKind: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Generic edits (insertions, deletions, substitutions, adjacent transpositions); the count is 1 or 2.
    case editDistance(Int)
    /// Separators (`-`, `_`, `.`) swapped, added or removed: `crossenv` for `cross-env`.
    case separatorSwap
    /// One letter written twice: `lodassh` for `lodash`.
    case doubledLetter
    /// One letter left out: `mongose` for `mongoose`.
    case droppedLetter
    /// Two adjacent letters swapped: `loadsh` for `lodash`.
    case transposition
    /// Look-alike characters swapped: `rn` for `m`, `l` for `1` or `I`, `0` for `o`.
    case homoglyph
    /// Only the letter case differs (npm names are case-sensitive): `jsonstream` for `JSONStream`.
    case caseChange
    /// An ecosystem affix added or removed (`python-`, `py`, `-python`, `node-`, `-js`, `.js`, `js`, ...);
    /// the value is the affix.
    case affix(String)
    /// An npm scope dropped, merged into the name or misspelt: `types-node` or `@typse/node` for `@types/node`.
    case scopeConfusion

    /// A short phrase such as "one transposition".
    public var description: String {
        switch self {
        case .editDistance(let count): count == 1 ? "one edit" : "\(count) edits"
        case .separatorSwap: "a separator change"
        case .doubledLetter: "one doubled letter"
        case .droppedLetter: "one dropped letter"
        case .transposition: "one transposition"
        case .homoglyph: "a look-alike character swap"
        case .caseChange: "a letter-case change"
        case .affix(let affix): "the affix '\(affix)'"
        case .scopeConfusion: "a scope confusion"
        }
    }
}
