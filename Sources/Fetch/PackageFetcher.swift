import Foundation

/// Fetches one archive's bytes. `CurlFetcher` is the real one; tests may pass another.
public protocol PackageFetcher: Sendable {
    /// The archive's bytes.
    /// - Parameter request: What to fetch.
    /// - Returns: The bytes, exactly as served.
    /// - Throws: `FetchError` when they cannot be had.
    func fetch(_ request: ArchiveRequest) async throws(FetchError) -> Data
}

/// Fetches archives over libcurl (through `RegistryHTTP`, so retries, redirects and credential scoping apply), and
/// reads `file:` archives from disk.
public struct CurlFetcher: PackageFetcher {
    private let http: RegistryHTTP
    private let maxArchiveBytes: Int

    /// Creates a fetcher.
    /// - Parameters:
    ///   - http: The registry HTTP layer.
    ///   - maxArchiveBytes: The largest archive accepted (compressed).
    public init(http: RegistryHTTP, maxArchiveBytes: Int = 256 << 20) {
        self.http = http
        self.maxArchiveBytes = maxArchiveBytes
    }

    public func fetch(_ request: ArchiveRequest) async throws(FetchError) -> Data {
        if request.isLocal {
            guard let data = FileManager.default.contents(atPath: request.location) else {
                throw FetchError(code: .unreachable, message: "cannot read the local archive \(request.location)", url: request.location)
            }
            return data
        }
        return try await http.get(request.location, maxBodyBytes: maxArchiveBytes).body
    }
}
