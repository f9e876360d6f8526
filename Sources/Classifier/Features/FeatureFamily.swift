/// The families of model features; the ablations switch some of them off.
enum FeatureFamily: UInt8, Sendable, CaseIterable {
    /// The ecosystem (`eco:npm`).
    case ecosystem = 1
    /// How often a token occurs (`tok:install:use_network`), log-scaled.
    case token = 2
    /// How often a behaviour kind occurs in any context (`kind:use_network`), log-scaled.
    case kind = 3
    /// Two consecutive tokens, repeats collapsed (`bi:start:install install:read_env_all`).
    case bigram = 4
    /// Three consecutive tokens, repeats collapsed.
    case trigram = 5
    /// How early a kind first occurs: 1 − position/length (`first:use_network`).
    case first = 6
    /// One kind first occurs before another (`pair:read_env_all<use_network`).
    case pair = 7
    /// Sequence statistics (`seq:behaviours`).
    case sequence = 8
    /// Package-level facts (`pkg:log_bytes`).
    case package = 9
    /// Two behaviour kinds found in one file (outside tests and docs): a payload's read and send sit together even
    /// when a large package dilutes them among thousands of ordinary behaviours.
    case together = 10
    /// Two behaviour kinds found anywhere in the package outside tests and docs, in any order and any files
    /// (`both:read_env_all+use_network`): the pair a payload split across modules still shows.
    case both = 11

    /// The name prefix.
    var prefix: String {
        switch self {
        case .ecosystem: "eco"
        case .token: "tok"
        case .kind: "kind"
        case .bigram: "bi"
        case .trigram: "tri"
        case .first: "first"
        case .pair: "pair"
        case .sequence: "seq"
        case .package: "pkg"
        case .together: "with"
        case .both: "both"
        }
    }

    /// Whether the family reads order (off in the bag-of-behaviours ablation).
    var readsOrder: Bool { self == .bigram || self == .trigram || self == .first || self == .pair }
}
