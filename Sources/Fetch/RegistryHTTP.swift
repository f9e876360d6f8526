import Foundation

/// GETs from registries the careful way: retries with backoff on 429, 5xx, timeouts and resets; follows at most five
/// redirects itself, never from https down to http; and sends a credential only to the host (and path) it belongs
/// to, so a redirect to another host never carries a token.
public struct RegistryHTTP: Sendable {
    private let client: CurlHTTPClient
    private let credentials: [Credential]
    private let retry: RetryPolicy

    /// Creates a registry HTTP layer.
    /// - Parameters:
    ///   - client: The curl client.
    ///   - credentials: Registry credentials, each scoped to its host.
    ///   - retry: The retry policy.
    public init(client: CurlHTTPClient, credentials: [Credential] = [], retry: RetryPolicy = RetryPolicy()) {
        self.client = client
        self.credentials = credentials
        self.retry = retry
    }

    /// GETs a URL and returns a 2xx response.
    /// - Parameters:
    ///   - url: The absolute URL.
    ///   - accept: An `Accept` header value.
    ///   - maxBodyBytes: The largest body accepted.
    /// - Returns: The successful response (its `url` is where it was finally served from).
    /// - Throws: `FetchError`: `httpStatus` for a non-2xx answer after retries, `redirect`, transport errors.
    public func get(_ url: String, accept: String? = nil, maxBodyBytes: Int = 256 << 20) async throws(FetchError)
        -> HTTPResponse
    {
        var current = url
        for _ in 0...5 {
            guard let parts = URLParts(current) else {
                throw FetchError(code: .badURL, message: "cannot fetch '\(current)': not an absolute http(s) URL", url: current)
            }
            var headers: [HTTPHeader] = []
            if let accept { headers.append(HTTPHeader("Accept", accept)) }
            if let credential = credentials.first(where: { $0.applies(to: parts) }) {
                headers.append(HTTPHeader("Authorization", credential.authorization))
            }
            let response = try await getWithRetries(HTTPRequest(url: current, headers: headers, maxBodyBytes: maxBodyBytes))
            switch response.status {
            case 200..<300:
                return response
            case 301, 302, 303, 307, 308:
                guard let location = response.headers["location"], let next = URLParts.resolve(location, against: current),
                    let nextParts = URLParts(next)
                else {
                    throw FetchError(
                        code: .redirect, message: "\(current) redirected (HTTP \(response.status)) without a usable Location",
                        url: current, status: response.status)
                }
                if parts.scheme == "https" && nextParts.scheme == "http" && !nextParts.isLoopback {
                    throw FetchError(
                        code: .redirect, message: "\(current) redirected from https down to plain http (\(next)); refused",
                        url: current, status: response.status)
                }
                current = next
            default:
                throw FetchError(
                    code: .httpStatus, message: "GET \(current) answered HTTP \(response.status)", url: current,
                    status: response.status)
            }
        }
        throw FetchError(code: .redirect, message: "more than 5 redirects starting at \(url)", url: url)
    }

    // MARK: - Private

    private func getWithRetries(_ request: HTTPRequest) async throws(FetchError) -> HTTPResponse {
        var attempt = 1
        while true {
            let wait: Double
            do {
                let response = try await client.get(request)
                let retryable = response.status == 429 || response.status >= 500
                if !retryable || attempt >= retry.attempts { return response }
                wait = retry.delay(after: attempt, retryAfter: response.headers["retry-after"])
            } catch {
                if !error.isRetryable || attempt >= retry.attempts { throw error }
                wait = retry.delay(after: attempt, retryAfter: nil)
            }
            try? await Task.sleep(nanoseconds: UInt64(wait * 1_000_000_000))
            attempt += 1
        }
    }
}
