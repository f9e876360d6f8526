/// Why a fetch failed: a code to branch on, a message naming the URL, and the underlying cause.
public struct FetchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure.
    public enum Code: String, Sendable, Hashable {
        /// The host could not be resolved or connected to.
        case unreachable
        /// The connection or the whole transfer took longer than allowed.
        case timeout
        /// The body ended before its declared length, or the connection was reset mid-transfer.
        case truncated
        /// The server answered with an error status (after retries, for retryable ones).
        case httpStatus
        /// The body was larger than allowed.
        case tooLarge
        /// Too many redirects, or a redirect without a usable Location.
        case redirect
        /// TLS or certificate failure.
        case tls
        /// The URL is malformed or uses a scheme lockgate does not fetch.
        case badURL
        /// `--offline` and the cache has no copy.
        case offlineMiss
        /// Any other transfer failure.
        case transfer
    }

    /// The kind of failure.
    public var code: Code
    /// What happened, naming the URL.
    public var message: String
    /// The URL concerned.
    public var url: String
    /// The HTTP status, for `httpStatus`.
    public var status: Int?
    /// The libcurl error text, when libcurl reported one.
    public var cause: String?

    /// Creates an error.
    public init(code: Code, message: String, url: String, status: Int? = nil, cause: String? = nil) {
        self.code = code
        self.message = message
        self.url = url
        self.status = status
        self.cause = cause
    }

    /// Whether trying again may succeed (timeouts, resets, 429 and 5xx).
    public var isRetryable: Bool {
        switch code {
        case .timeout, .truncated, .unreachable, .transfer: true
        case .httpStatus: status == 429 || (status ?? 0) >= 500
        case .tooLarge, .redirect, .tls, .badURL, .offlineMiss: false
        }
    }

    public var description: String {
        if let cause, !cause.isEmpty { "\(message) (\(cause))" } else { message }
    }
}
