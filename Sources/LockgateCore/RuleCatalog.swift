/// Every rule lockgate can report, sorted by id. Policies may only name these ids; SARIF lists them as rules.
public enum RuleCatalog {
    /// All rules, alphabetical by id (a test checks order and uniqueness): the fixed rules and one detector rule
    /// per behaviour class.
    public static let all: [RuleDescriptor] = (fixedRules + behaviourRules).sorted { $0.id < $1.id }

    /// Rules with ids of their own (lockfile, policy, fetch and archive checks).
    static let fixedRules: [RuleDescriptor] = [
        RuleDescriptor(
            id: "allowlist_expired", name: "AllowlistEntryExpired",
            shortDescription: "An allowlist entry for this package has expired.",
            fullDescription: "The policy allowlists this package with an expiry date that has passed, so the entry no longer applies and the package is judged like any other.",
            help: "Review the package again. If it is still trusted, renew the entry's `expires` date in the policy file with a reason; otherwise remove the entry.",
            defaultSeverity: .warn, securitySeverity: 3.0, tags: ["policy"]),
        RuleDescriptor(
            id: "analysis_incomplete", name: "AnalysisIncomplete",
            shortDescription: "Some of the package's source files were too large to analyse.",
            fullDescription: "Source files over the analyser's caps (2 MiB per file, 64 MiB of source per package) were not analysed, so the detector's score judges the rest of the package only. A payload padded past the cap would otherwise pass unseen.",
            help: "Review the named files. After review, allowlist the package version in the policy with a reason.",
            defaultSeverity: .warn, securitySeverity: 3.0, tags: ["analysis"]),
        RuleDescriptor(
            id: "archive_corrupt", name: "ArchiveCorrupt",
            shortDescription: "Part of the package archive is damaged or cannot be read.",
            fullDescription: "The archive ends early, an entry fails its checksum, is encrypted, or uses a compression method lockgate does not read. What could be read was analysed; the rest was not.",
            help: "Compare the archive with the registry's copy. Registries serve intact archives; damage in a cached or mirrored copy, or an entry that hides its content, deserves a look.",
            defaultSeverity: .warn, securitySeverity: 5.0, tags: ["archive"]),
        RuleDescriptor(
            id: "archive_limit_exceeded", name: "ArchiveLimitExceeded",
            shortDescription: "The package archive exceeds a safety limit (entries, size, compression ratio, path depth).",
            fullDescription: "The archive has more entries, larger files, more uncompressed bytes, a higher compression ratio or deeper paths than the limits allow. It was analysed up to the limit. Decompression bombs and padded archives use this to hide payloads or to exhaust scanners.",
            help: "Check what the package ships. A legitimate large package can be allowlisted, or the limits raised in the policy.",
            defaultSeverity: .warn, securitySeverity: 5.0, tags: ["archive"]),
        RuleDescriptor(
            id: "archive_link", name: "ArchiveLink",
            shortDescription: "The package archive contains a link or device entry.",
            fullDescription: "Symbolic links, hard links, devices and FIFOs in a package archive can point outside the package when unpacked. lockgate never follows them.",
            help: "Check where the link points. npm strips links from published tarballs; a link in a Python sdist is unusual but can be legitimate.",
            defaultSeverity: .warn, securitySeverity: 5.0, tags: ["archive", "security"]),
        RuleDescriptor(
            id: "archive_unreadable", name: "ArchiveUnreadable",
            shortDescription: "The downloaded file is not a package archive lockgate can read.",
            fullDescription: "The bytes are empty, not gzip, tar or zip, or broken before the first entry, so nothing in the package could be analysed.",
            help: "Check the registry's answer for this package; a proxy error page or an unsupported archive format ends here.",
            defaultSeverity: .block, securitySeverity: 6.0, tags: ["archive"]),
        RuleDescriptor(
            id: "archive_unsafe_path", name: "ArchiveUnsafePath",
            shortDescription: "The package archive contains an absolute or `..` path.",
            fullDescription: "An entry whose path is absolute or climbs out with `..` would be written outside the package folder by a careless extractor (path traversal). Package managers never produce such entries.",
            help: "Treat the package as hostile until shown otherwise; do not unpack it by hand.",
            defaultSeverity: .block, securitySeverity: 8.0, tags: ["archive", "security"]),
        RuleDescriptor(
            id: "denylisted", name: "DenylistedPackage",
            shortDescription: "The policy denies this package.",
            fullDescription: "The package (by name or name@version) is on the policy's denylist, which always blocks.",
            help: "Remove the dependency or replace it. The denylist entry's reason says why it is denied.",
            defaultSeverity: .block, securitySeverity: 9.0, tags: ["policy", "security"]),
        RuleDescriptor(
            id: "detector_score", name: "DetectorScore",
            shortDescription: "The detector scored the package as likely malicious.",
            fullDescription: "lockgate's bilingual model read what the package's code would do, in execution order, and gave it a calibrated probability of malice at or above the policy's warn or block threshold. The behaviour findings of the same package name what drove the score, with their evidence.",
            help: "Read the evidence of the package's behaviour findings (`lockgate explain ARCHIVE` prints the whole sequence). If the package is legitimate, allowlist it by name@version with a reason; thresholds are in the policy file.",
            defaultSeverity: .warn, securitySeverity: 8.5, tags: ["security", "malware"]),
        RuleDescriptor(
            id: "fetch_failed", name: "FetchFailed",
            shortDescription: "The package could not be downloaded, so it was not checked.",
            fullDescription: "The registry was unreachable, answered with an error, timed out, or sent a truncated body, after retries. A package that was not checked is never reported as passed: the run ends in exit 3 unless the policy sets fetch.fail-open.",
            help: "Check the registry URL, credentials (.npmrc, pip.conf) and network, then run again. `--offline` uses only the cache.",
            defaultSeverity: .block, securitySeverity: 5.0, tags: ["fetch"]),
        RuleDescriptor(
            id: "integrity_mismatch", name: "IntegrityMismatch",
            shortDescription: "The downloaded archive does not match the hash the lockfile pins.",
            fullDescription: "The bytes the registry served hash to something other than the lockfile's integrity value. Either the lockfile or the registry was tampered with, or a mirror serves different bytes. The archive is neither analysed as the package nor cached as good.",
            help: "Do not install. Find out which side changed: compare the registry's published hash with the lockfile's, and check the commit that wrote the lockfile entry.",
            defaultSeverity: .block, securitySeverity: 9.0, tags: ["supply-chain", "integrity", "security"]),
        RuleDescriptor(
            id: "integrity_missing", name: "MissingIntegrityHash",
            shortDescription: "The lockfile pins no hash for this package.",
            fullDescription: "Without an integrity hash the archive that gets installed cannot be proven to be the one that was reviewed and locked; a compromised registry or mirror could serve different bytes.",
            help: "Regenerate the lockfile with hashes (npm and yarn add `integrity` by default; use `pip-compile --generate-hashes` or `uv pip compile --generate-hashes` for requirements files).",
            defaultSeverity: .warn, securitySeverity: 4.0, tags: ["supply-chain", "integrity"]),
        RuleDescriptor(
            id: "install_time_threat", name: "InstallTimeThreat",
            shortDescription: "The package's install step does what ordinary install code never does.",
            fullDescription: "Code that runs while the package installs (an npm lifecycle script and what it runs, setup.py and its commands, a .pth file) reads credential or browser stores, sends to a chat webhook, paste site, tunnel, out-of-band host, raw IP address or dynamic-DNS host, carries data in DNS names, looks up the public IP address, installs persistence, or runs packed, name-obfuscated or off-screen code. None of the benign packages of lockgate's corpus does any of this at install time. The rule applies whatever the detector score, so a small payload cannot hide in a large package.",
            help: "Read the evidence: each place is a line of the install step. Do not install the package. If it is legitimate (an internal installer that must contact a raw address, say), allowlist the package version with a reason, or lower this rule's severity in the policy.",
            defaultSeverity: .block, securitySeverity: 9.0, tags: ["security", "malware"]),
        RuleDescriptor(
            id: "integrity_unverified", name: "IntegrityUnverified",
            shortDescription: "The archive could only be checked against the registry's own hash.",
            fullDescription: "The lockfile pins no hash that applies to the downloaded archive (none at all, or yarn berry's checksum of its own cache zip), so the archive was checked against the hash the registry publishes, which proves transport integrity but not that it is what was locked.",
            help: "Regenerate the lockfile with integrity hashes for registry archives.",
            defaultSeverity: .info, securitySeverity: 2.0, tags: ["integrity"]),
        RuleDescriptor(
            id: "name_url_mismatch", name: "NameUrlMismatch",
            shortDescription: "The archive URL names a different package than the entry.",
            fullDescription: "The entry claims one package name but its tarball URL points at another package's archive. Lockfile injection attacks use this to install a different package under a trusted name.",
            help: "Check the lockfile change that introduced this entry. Regenerate the lockfile from the manifest and compare; a legitimate alias should use the package manager's alias syntax.",
            defaultSeverity: .block, securitySeverity: 8.0, tags: ["supply-chain", "security"]),
        RuleDescriptor(
            id: "not_analysed", name: "NotAnalysed",
            shortDescription: "The package's source has no archive lockgate downloads, so its code was not checked.",
            fullDescription: "Git repositories and local directories are not downloaded as archives, so nothing they contain was analysed. The package is never reported as passed.",
            help: "Prefer a published release. For a local directory, `lockgate scan DIR` analyses it.",
            defaultSeverity: .warn, securitySeverity: 3.0, tags: ["fetch"]),
        RuleDescriptor(
            id: "release_files_skipped", name: "ReleaseFilesSkipped",
            shortDescription: "Some files of a Python release were not checked.",
            fullDescription: "The release has more files (sdist and wheels) than the policy's fetch.max-files-per-release, so only the first ones (sdist first, then pure-Python wheels) were downloaded and analysed.",
            help: "Raise fetch.max-files-per-release in the policy to check every file.",
            defaultSeverity: .info, securitySeverity: 1.0, tags: ["fetch"]),
        RuleDescriptor(
            id: "requirement_unpinned", name: "UnpinnedRequirement",
            shortDescription: "A Python requirement is not pinned to one exact version.",
            fullDescription: "A requirement with a range, no version or a URL without a pinned version lets the installer pick whatever the index serves at install time, which is never what was reviewed. lockgate never resolves it silently.",
            help: "Pin the requirement with `==` (for example with `pip-compile` or `uv pip compile`), ideally with `--hash`.",
            defaultSeverity: .warn, securitySeverity: 4.0, tags: ["supply-chain"]),
        RuleDescriptor(
            id: "source_git", name: "GitSource",
            shortDescription: "The package is installed from a git repository.",
            fullDescription: "Git sources bypass the registry and its integrity hashes; what is installed is whatever the repository holds at that reference.",
            help: "Prefer a published release from the registry. If the git source is needed, pin a full commit hash and allow git sources in the policy (`sources.git: true`).",
            defaultSeverity: .warn, securitySeverity: 4.0, tags: ["supply-chain"]),
        RuleDescriptor(
            id: "source_insecure_http", name: "InsecureHttpSource",
            shortDescription: "The package is fetched over plain http.",
            fullDescription: "An archive fetched over plain http can be replaced in transit by anyone on the network path.",
            help: "Use the https URL of the same registry or archive.",
            defaultSeverity: .block, securitySeverity: 7.0, tags: ["supply-chain", "security"]),
        RuleDescriptor(
            id: "source_path", name: "PathSource",
            shortDescription: "The package is installed from a local path.",
            fullDescription: "A path source installs files from the working tree or the machine, outside any registry.",
            help: "Allow path sources in the policy (`sources.path: true`) if this is intended.",
            defaultSeverity: .info, securitySeverity: 2.0, tags: ["supply-chain"]),
        RuleDescriptor(
            id: "source_registry_not_allowed", name: "RegistryNotAllowed",
            shortDescription: "The package comes from a registry host the policy does not allow.",
            fullDescription: "The archive is served by a host that is not in the policy's allowed registries. Dependency-confusion and lockfile-injection attacks point entries at attacker-controlled hosts.",
            help: "If the host is a registry you trust (a private mirror), add it to `registries.allowed` in the policy file; otherwise regenerate the lockfile against your registry.",
            defaultSeverity: .warn, securitySeverity: 7.5, tags: ["supply-chain", "security"]),
        RuleDescriptor(
            id: "source_url", name: "UrlSource",
            shortDescription: "The package is installed from a direct archive URL.",
            fullDescription: "A direct URL bypasses the registry: the archive is whatever that server returns.",
            help: "Prefer a published release. If the URL is needed, pin a hash for it and allow URL sources in the policy (`sources.url: true`).",
            defaultSeverity: .warn, securitySeverity: 4.0, tags: ["supply-chain"]),
        RuleDescriptor(
            id: "typosquat_candidate", name: "TyposquatCandidate",
            shortDescription: "The name is one or two edits from a popular package.",
            fullDescription: "The package name is very close to one of the most popular names of its ecosystem (an edit, a separator swap, a doubled or dropped letter, an added or removed affix) and is not itself popular. Typosquats install malware under names people mistype.",
            help: "Check that you meant this package and not the popular one named in the message. If it is intended, allowlist it by name with a reason.",
            defaultSeverity: .warn, securitySeverity: 5.0, tags: ["supply-chain", "typosquat"]),
    ]

    /// Looks a rule up by id.
    /// - Parameter id: The rule id.
    /// - Returns: The descriptor, or nil for an unknown id.
    public static func rule(_ id: String) -> RuleDescriptor? {
        byID[id]
    }

    private static let byID: [String: RuleDescriptor] = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
}
