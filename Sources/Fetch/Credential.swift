/// A secret that authorises requests to one registry host, and only to it.
public struct Credential: Sendable, Hashable, CustomStringConvertible {
    /// The host (and port, when not the scheme's default) the secret belongs to, lowercased.
    public var host: String
    /// The path prefix the credential is scoped to (npm scopes tokens by registry URL path), "/" for the whole host.
    public var pathPrefix: String
    /// The `Authorization` header value (`Bearer TOKEN` or `Basic ...`).
    public var authorization: String

    /// Creates a credential.
    public init(host: String, pathPrefix: String = "/", authorization: String) {
        self.host = host.lowercased()
        self.pathPrefix = pathPrefix.hasSuffix("/") ? pathPrefix : pathPrefix + "/"
        self.authorization = authorization
    }

    /// Whether this credential may be sent to a URL: same host (and port), path under the prefix, and https unless
    /// the host is loopback.
    /// - Parameter url: The request URL.
    /// - Returns: True when the secret may go there.
    public func applies(to url: URLParts) -> Bool {
        guard url.hostAndPort == host else { return false }
        guard url.scheme == "https" || url.isLoopback else { return false }
        return (url.path.hasSuffix("/") ? url.path : url.path + "/").hasPrefix(pathPrefix)
    }

    /// Never prints the secret.
    public var description: String { "credential for \(host)\(pathPrefix)" }
}
