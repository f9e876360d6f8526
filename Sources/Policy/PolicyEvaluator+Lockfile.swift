import LockgateCore

extension PolicyEvaluator {
    /// The longest lockfile excerpt kept as evidence; minified lockfiles can have one very long line.
    static let snippetLimit = 200

    /// The lockfile checks the policy governs, for one locked package.
    ///
    /// `source_insecure_http` (an `http://` URL), `source_registry_not_allowed` (a registry URL whose host is not in
    /// `registries.allowed`; a registry source without a URL is the configured registry and passes), `source_git`,
    /// `source_url` (a remote archive URL), `source_path` (a path source, or a `file:` or relative archive),
    /// `integrity_missing` (no hash, unless bundled in its parent's archive or a path source) and
    /// `requirement_unpinned` (a PyPI requirement not pinned to one version). A source kind allowed in `sources`, or
    /// a rule set to `off`, gives no finding.
    /// - Parameters:
    ///   - package: The locked package.
    ///   - lockfilePath: The lockfile's path as reports show it.
    ///   - line: The lockfile's text of the package's line, for the evidence snippet, if known.
    /// - Returns: Findings at the policy's severities, each with one evidence at the package's line, sorted.
    public func lockfileFindings(for package: LockedPackage, lockfilePath: String, line: String?) -> [Finding] {
        let evidence = [Evidence(path: lockfilePath, line: package.location.line, column: package.location.column,
                                 snippet: Self.snippet(line))]
        var findings: [Finding] = []
        func add(_ rule: String, _ message: String) {
            if let finding = finding(rule, message, evidence) { findings.append(finding) }
        }
        let sources = policy.sources
        let written = package.source.url
        let url = written.map(SourceURL.init)
        let id = package.id
        if let written, let url, url.isPlainHTTP, !sources.http {
            add("source_insecure_http", "\(id) is fetched over plain http, without TLS: \(written)")
        }
        var isPathSource = false
        switch package.source.kind {
        case .registry:
            if let written, let host = url?.host, !policy.registries.allows(host: host, port: url?.port) {
                let message = "\(id) comes from registry host \(host), which the policy does not allow: \(written)"
                add("source_registry_not_allowed", message)
            }
        case .git:
            if !sources.git { add("source_git", "\(id) is installed from a git repository: \(written ?? "(no URL)")") }
        case .tarball:
            if let written, url?.isLocal == true {
                isPathSource = true
                if !sources.path { add("source_path", "\(id) is installed from a local archive: \(written)") }
            } else if !sources.url {
                let target = written ?? "(the lockfile gives no URL)"
                add("source_url", "\(id) is installed from a direct archive URL: \(target)")
            }
        case .path:
            isPathSource = true
            if !sources.path { add("source_path", "\(id) is installed from a local path: \(written ?? "(no path)")") }
        }
        if package.integrity.isEmpty && !package.bundled && !isPathSource && !sources.missingIntegrity {
            add("integrity_missing", "\(id) has no integrity hash in the lockfile")
        }
        if package.ecosystem == .pypi && !package.pinned && !sources.unpinned {
            let specifier = package.version.isEmpty ? "no version" : package.version
            add("requirement_unpinned", "\(package.name) is not pinned to one exact version (\(specifier))")
        }
        return Self.sorted(findings)
    }

    // MARK: - Private

    /// The line trimmed of surrounding whitespace and shortened to `snippetLimit` characters; nil when empty.
    private static func snippet(_ line: String?) -> String? {
        guard let line else { return nil }
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        guard trimmed.count > snippetLimit else { return trimmed }
        return String(trimmed.prefix(snippetLimit)) + "…"
    }
}
