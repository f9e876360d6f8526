import LockgateCore

extension Policy {
    /// Detector score thresholds in [0, 1]: a score at or above `block` blocks, at or above `warn` warns.
    public struct Thresholds: Sendable, Hashable {
        /// The score at or above which a package is blocked.
        public var block: Double
        /// The score at or above which a package is reported as a warning; never above `block`.
        public var warn: Double

        /// Creates thresholds.
        /// - Parameters:
        ///   - block: The block threshold.
        ///   - warn: The warn threshold.
        public init(block: Double, warn: Double) {
            self.block = block
            self.warn = warn
        }
    }

    /// Thresholds where each value may be missing, as an ecosystem override gives them.
    public struct ThresholdOverride: Sendable, Hashable {
        /// The block threshold, when overridden.
        public var block: Double?
        /// The warn threshold, when overridden.
        public var warn: Double?

        /// Creates an override.
        /// - Parameters:
        ///   - block: The block threshold, or nil to keep the top-level one.
        ///   - warn: The warn threshold, or nil to keep the top-level one.
        public init(block: Double? = nil, warn: Double? = nil) {
            self.block = block
            self.warn = warn
        }
    }

    /// What one ecosystem overrides (`ecosystems.npm: ...`).
    public struct EcosystemOverride: Sendable, Hashable {
        /// Threshold overrides.
        public var thresholds: ThresholdOverride

        /// Creates an ecosystem override.
        /// - Parameter thresholds: Threshold overrides.
        public init(thresholds: ThresholdOverride) {
            self.thresholds = thresholds
        }
    }

    /// The registry hosts packages may come from (`registries.allowed`).
    public struct Registries: Sendable, Hashable {
        /// Host patterns, lowercased: `registry.npmjs.org`, `*.corp.example` (any subdomain), `host:8443`
        /// (that port only), or `*` (any host).
        public var allowed: [String]
        /// The npm registry to fetch from instead of `.npmrc`'s (`registries.npm`), if set.
        public var npm: String?
        /// The Python index (simple API) to fetch from instead of pip's configuration (`registries.pypi`), if set.
        public var pypi: String?

        /// Creates a registry list.
        /// - Parameters:
        ///   - allowed: Host patterns.
        ///   - npm: The npm registry URL, if the policy sets one.
        ///   - pypi: The Python index URL, if the policy sets one.
        public init(allowed: [String], npm: String? = nil, pypi: String? = nil) {
            self.allowed = allowed
            self.npm = npm
            self.pypi = pypi
        }

        /// Whether a registry host is allowed.
        /// - Parameters:
        ///   - host: The host name, lowercased, without a port.
        ///   - port: The port written in the URL, if any.
        /// - Returns: True when some pattern matches.
        public func allows(host: String, port: String? = nil) -> Bool {
            let host = host.lowercased()
            return allowed.contains { HostPattern.matches($0, host: host, port: port) }
        }
    }

    /// Which kinds of source are allowed (`true`: no finding) — `sources:` in the file.
    public struct Sources: Sendable, Hashable {
        /// Plain `http://` URLs (`http`).
        public var http: Bool
        /// Git repositories (`git`).
        public var git: Bool
        /// Direct archive URLs (`url`).
        public var url: Bool
        /// Local paths and `file:` archives (`path`).
        public var path: Bool
        /// Packages without an integrity hash (`missing-integrity`).
        public var missingIntegrity: Bool
        /// Python requirements not pinned to one version (`unpinned`).
        public var unpinned: Bool

        /// Creates source permissions.
        /// - Parameters:
        ///   - http: Allow plain http.
        ///   - git: Allow git sources.
        ///   - url: Allow direct archive URLs.
        ///   - path: Allow path sources.
        ///   - missingIntegrity: Allow packages without hashes.
        ///   - unpinned: Allow unpinned requirements.
        public init(http: Bool, git: Bool, url: Bool, path: Bool, missingIntegrity: Bool, unpinned: Bool) {
            self.http = http
            self.git = git
            self.url = url
            self.path = path
            self.missingIntegrity = missingIntegrity
            self.unpinned = unpinned
        }
    }

    /// Options for the fetch stage (`fetch:`).
    public struct Fetch: Sendable, Hashable {
        /// When true, a package that cannot be fetched is reported as a warning instead of ending the run in exit 3.
        public var failOpen: Bool
        /// The most files of one PyPI release (sdist and wheels) downloaded and analysed.
        public var maxFilesPerRelease: Int

        /// Creates fetch options.
        /// - Parameters:
        ///   - failOpen: Whether fetch errors become warnings.
        ///   - maxFilesPerRelease: The most files of one PyPI release to check.
        public init(failOpen: Bool, maxFilesPerRelease: Int = 8) {
            self.failOpen = failOpen
            self.maxFilesPerRelease = maxFilesPerRelease
        }
    }

    /// Safety limits on reading package archives (`archives:`); an archive over a limit is a finding and is
    /// analysed up to the limit.
    public struct Archives: Sendable, Hashable {
        /// The most entries read from one archive.
        public var maxEntries: Int
        /// The largest single file read, in bytes.
        public var maxEntryBytes: Int
        /// The most uncompressed bytes read from one archive.
        public var maxTotalBytes: Int
        /// The highest compression ratio accepted (uncompressed : compressed).
        public var maxCompressionRatio: Int
        /// The deepest path accepted, in components.
        public var maxPathDepth: Int

        /// Creates archive limits.
        public init(maxEntries: Int, maxEntryBytes: Int, maxTotalBytes: Int, maxCompressionRatio: Int, maxPathDepth: Int) {
            self.maxEntries = maxEntries
            self.maxEntryBytes = maxEntryBytes
            self.maxTotalBytes = maxTotalBytes
            self.maxCompressionRatio = maxCompressionRatio
            self.maxPathDepth = maxPathDepth
        }
    }
}
