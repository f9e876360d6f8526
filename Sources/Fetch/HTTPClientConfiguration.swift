import LockgateCore

/// How the HTTP client connects: timeouts, concurrency, TLS trust, identity.
public struct HTTPClientConfiguration: Sendable, Hashable {
    /// Seconds allowed to connect (DNS, TCP and TLS).
    public var connectTimeout: Double
    /// Seconds allowed for a whole transfer.
    public var totalTimeout: Double
    /// A transfer slower than `lowSpeedBytes` per second for `lowSpeedSeconds` is aborted as a timeout.
    public var lowSpeedBytes: Int
    /// See `lowSpeedBytes`.
    public var lowSpeedSeconds: Int
    /// Transfers in flight at once (`--jobs`).
    public var maxConcurrentTransfers: Int
    /// Connections kept per host (HTTP/2 multiplexes many transfers over one).
    public var maxConnectionsPerHost: Int
    /// A CA bundle file to trust instead of the system's (`--ca-bundle`).
    public var caBundle: String?
    /// The User-Agent header.
    public var userAgent: String

    /// Creates a configuration; the defaults suit public registries.
    public init(
        connectTimeout: Double = 15, totalTimeout: Double = 120, lowSpeedBytes: Int = 1, lowSpeedSeconds: Int = 30,
        maxConcurrentTransfers: Int = 16, maxConnectionsPerHost: Int = 8, caBundle: String? = nil,
        userAgent: String = "lockgate/\(LockgateVersion.current)"
    ) {
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.lowSpeedBytes = lowSpeedBytes
        self.lowSpeedSeconds = lowSpeedSeconds
        self.maxConcurrentTransfers = maxConcurrentTransfers
        self.maxConnectionsPerHost = maxConnectionsPerHost
        self.caBundle = caBundle
        self.userAgent = userAgent
    }
}
