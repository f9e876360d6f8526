import LockgateCore

extension Policy {
    /// The built-in policy, used when a repository has no `.lockgate.yml`; identical to `policies/default.yml`.
    ///
    /// It blocks what is confirmed or near-certainly malicious (a denylisted package, an archive URL that names
    /// another package, plain http), warns on what is suspicious (typosquat candidates, registry hosts not allowed,
    /// git and URL sources, missing hashes, unpinned requirements, expired allowlist entries), and reports path
    /// sources as info.
    public static let defaultPolicy = Policy(
        version: 1,
        thresholds: Thresholds(block: 0.9306, warn: 0.6103),
        ecosystems: [
            .npm: EcosystemOverride(thresholds: ThresholdOverride(block: 0.7999, warn: 0.265)),
            .pypi: EcosystemOverride(thresholds: ThresholdOverride(block: 0.9306, warn: 0.6103)),
        ],
        registries: Registries(allowed: [
            "registry.npmjs.org",
            "registry.yarnpkg.com",
            "pypi.org",
            "files.pythonhosted.org",
        ]),
        sources: Sources(http: false, git: false, url: false, path: false, missingIntegrity: false, unpinned: false),
        rules: [
            "allowlist_expired": .warn,
            "analysis_incomplete": .warn,
            "archive_corrupt": .warn,
            "archive_limit_exceeded": .warn,
            "archive_link": .warn,
            "archive_unreadable": .block,
            "archive_unsafe_path": .block,
            "denylisted": .block,
            "fetch_failed": .block,
            "integrity_mismatch": .block,
            "install_time_threat": .block,
            "integrity_missing": .warn,
            "integrity_unverified": .info,
            "name_url_mismatch": .block,
            "not_analysed": .warn,
            "release_files_skipped": .info,
            "requirement_unpinned": .warn,
            "source_git": .warn,
            "source_insecure_http": .block,
            "source_path": .info,
            "source_registry_not_allowed": .warn,
            "source_url": .warn,
            "typosquat_candidate": .warn,
        ],
        allowlist: [],
        denylist: [],
        fetch: Fetch(failOpen: false, maxFilesPerRelease: 8),
        archives: Archives(
            maxEntries: 20_000, maxEntryBytes: 32 << 20, maxTotalBytes: 256 << 20, maxCompressionRatio: 100,
            maxPathDepth: 32)
    )
}
