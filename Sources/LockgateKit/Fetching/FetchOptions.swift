import Foundation

/// How a run downloads packages.
public struct FetchOptions: Sendable {
    /// False for `--lockfile-only`: check the lockfiles alone, download nothing (packages are then reported as not
    /// analysed, never as passed).
    public var enabled: Bool
    /// `--offline`: use only the cache; a package not in it is an error (exit 3).
    public var offline: Bool
    /// Downloads in flight at once (`--jobs`).
    public var jobs: Int
    /// The cache directory (`--cache-dir`, else `$XDG_CACHE_HOME/lockgate`).
    public var cacheDirectory: String
    /// A CA bundle to trust (`--ca-bundle`).
    public var caBundle: String?
    /// Seconds allowed per transfer.
    public var timeout: Double
    /// The environment registries and proxies are read from (`npm_config_registry`, `PIP_INDEX_URL`, `HOME`, ...).
    public var environment: [String: String]

    /// Creates fetch options.
    public init(
        enabled: Bool = true, offline: Bool = false, jobs: Int = 16, cacheDirectory: String, caBundle: String? = nil,
        timeout: Double = 120, environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.enabled = enabled
        self.offline = offline
        self.jobs = max(1, jobs)
        self.cacheDirectory = cacheDirectory
        self.caBundle = caBundle
        self.timeout = timeout
        self.environment = environment
    }
}

/// What a run reports while it downloads: packages done out of the total, and bytes downloaded.
public struct FetchProgress: Sendable {
    /// Packages finished.
    public var done: Int
    /// Packages in all.
    public var total: Int
    /// Bytes downloaded so far.
    public var bytes: Int
    /// The package just finished (`name@version`).
    public var current: String
}
