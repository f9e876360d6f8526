import LockgateCore

/// Every key the policy file accepts, by section, in the order the docs list them. The loader rejects any other
/// key, and a test checks the JSON Schema names exactly these.
package enum PolicyKeys {
    /// Top-level keys.
    package static let root = [
        "version", "thresholds", "ecosystems", "registries", "sources", "rules", "allowlist", "denylist", "fetch",
        "archives",
    ]
    /// Keys of `thresholds` (top level and per ecosystem).
    package static let thresholds = ["block", "warn"]
    /// Keys of `ecosystems`: the ecosystem names.
    package static let ecosystems = Ecosystem.allCases.map(\.rawValue)
    /// Keys of one ecosystem's override.
    package static let ecosystemOverride = ["thresholds"]
    /// Keys of `registries`.
    package static let registries = ["allowed", "npm", "pypi"]
    /// Keys of `sources`.
    package static let sources = ["http", "git", "url", "path", "missing-integrity", "unpinned"]
    /// Keys of `rules`: the rule ids of `RuleCatalog`.
    package static let rules = RuleCatalog.all.map(\.id)
    /// Keys of one `allowlist` entry.
    package static let allowlistEntry = ["package", "sha256", "ecosystem", "reason", "expires"]
    /// Keys of one `denylist` entry.
    package static let denylistEntry = ["package", "sha256", "ecosystem", "reason"]
    /// Keys of `fetch`.
    package static let fetch = ["fail-open", "max-files-per-release"]
    /// Keys of `archives` (safety limits on reading package archives).
    package static let archives = [
        "max-entries", "max-entry-bytes", "max-total-bytes", "max-compression-ratio", "max-path-depth",
    ]
}
