import Foundation

/// One HTTP GET lockgate makes.
public struct HTTPRequest: Sendable, Hashable {
    /// The absolute URL.
    public var url: String
    /// Extra request headers, in order (name, value).
    public var headers: [HTTPHeader]
    /// The largest body accepted; a longer body aborts the transfer with `FetchError.Code.tooLarge`.
    public var maxBodyBytes: Int

    /// Creates a request.
    /// - Parameters:
    ///   - url: The absolute URL.
    ///   - headers: Extra headers.
    ///   - maxBodyBytes: The largest body accepted (default 256 MiB).
    public init(url: String, headers: [HTTPHeader] = [], maxBodyBytes: Int = 256 << 20) {
        self.url = url
        self.headers = headers
        self.maxBodyBytes = maxBodyBytes
    }
}

/// A request or response header.
public struct HTTPHeader: Sendable, Hashable {
    /// The name (case-insensitive).
    public var name: String
    /// The value.
    public var value: String

    /// Creates a header.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// What a server answered.
public struct HTTPResponse: Sendable, Hashable {
    /// The URL that answered.
    public var url: String
    /// The HTTP status code.
    public var status: Int
    /// Response headers, names lowercased (the last value of a repeated header wins).
    public var headers: [String: String]
    /// The body.
    public var body: Data
    /// The HTTP version used: 1 (1.0/1.1), 2 or 3.
    public var httpVersion: Int

    /// Creates a response.
    public init(url: String, status: Int, headers: [String: String], body: Data, httpVersion: Int) {
        self.url = url
        self.status = status
        self.headers = headers
        self.body = body
        self.httpVersion = httpVersion
    }
}
