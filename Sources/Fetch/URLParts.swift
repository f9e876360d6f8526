import Foundation

/// The parts of an http(s) URL lockgate cares about, and resolution of relative references against a base.
public struct URLParts: Sendable, Hashable {
    /// `http` or `https`, lowercased.
    public var scheme: String
    /// The host, lowercased, without brackets for IPv6.
    public var host: String
    /// The port, when given explicitly.
    public var port: Int?
    /// The path (percent-encoded as written), "/" when empty.
    public var path: String

    /// Parses an absolute http(s) URL.
    /// - Parameter string: The URL.
    /// - Returns: Its parts, or nil when it is not an absolute http(s) URL with a host.
    public init?(_ string: String) {
        guard let components = URLComponents(string: string), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty
        else { return nil }
        self.scheme = scheme
        self.host = host.lowercased()
        port = components.port
        path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
    }

    /// `host` or `host:port` when the port is not the scheme's default.
    public var hostAndPort: String {
        guard let port, !(scheme == "https" && port == 443), !(scheme == "http" && port == 80) else { return host }
        return "\(host):\(port)"
    }

    /// Whether the host is a loopback address (tests and local mirrors may use plain http there).
    public var isLoopback: Bool {
        host == "localhost" || host.hasPrefix("127.") || host == "::1"
    }

    /// Resolves a reference (absolute, scheme-relative, host-relative or path-relative) against a base URL, as
    /// RFC 3986 says; index pages and redirects use all of these.
    /// - Parameters:
    ///   - reference: The reference as written.
    ///   - base: The absolute URL it appeared in.
    /// - Returns: The absolute URL, or nil when it cannot be resolved.
    public static func resolve(_ reference: String, against base: String) -> String? {
        guard let baseURL = URL(string: base), let resolved = URL(string: reference, relativeTo: baseURL) else { return nil }
        return resolved.absoluteURL.absoluteString
    }
}
