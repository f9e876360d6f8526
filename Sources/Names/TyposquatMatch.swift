/// A typosquat candidate: the popular name a package name resembles and how.
public struct TyposquatMatch: Sendable, Hashable, Codable {
    /// The popular name the candidate resembles, as the popular list spells it.
    public var popular: String
    /// How the names differ.
    public var kind: TyposquatKind
    /// A sentence for people, e.g. "'loadsh' is one transposition from the popular package 'lodash'".
    public var description: String

    /// Creates a match.
    /// - Parameters:
    ///   - popular: The popular name.
    ///   - kind: How the names differ.
    ///   - description: A sentence for people.
    public init(popular: String, kind: TyposquatKind, description: String) {
        self.popular = popular
        self.kind = kind
        self.description = description
    }

    /// Creates a match whose description is built from the names and the kind.
    /// - Parameters:
    ///   - candidate: The name that was checked, as written.
    ///   - popular: The popular name.
    ///   - kind: How the names differ.
    public init(candidate: String, popular: String, kind: TyposquatKind) {
        let sentence: String
        switch kind {
        case .affix(let affix):
            sentence = "'\(candidate)' differs from the popular package '\(popular)' by the affix '\(affix)'"
        case .scopeConfusion:
            sentence = "'\(candidate)' confuses the scope of the popular package '\(popular)'"
        default:
            sentence = "'\(candidate)' is \(kind) from the popular package '\(popular)'"
        }
        self.init(popular: popular, kind: kind, description: sentence)
    }
}
