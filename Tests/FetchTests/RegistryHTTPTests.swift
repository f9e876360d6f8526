import Fetch
import Foundation
import LockgateTestSupport
import Testing

/// The HTTP layer against a real server on 127.0.0.1: statuses, retries, timeouts, truncation, redirects and
/// credential scoping.
@Suite struct RegistryHTTPTests {
    static let quickRetry = RetryPolicy(attempts: 3, initialBackoff: 0.05, maxBackoff: 0.2)

    static func http(
        _ configuration: HTTPClientConfiguration = HTTPClientConfiguration(), credentials: [Credential] = []
    ) -> RegistryHTTP {
        RegistryHTTP(client: CurlHTTPClient(configuration: configuration), credentials: credentials, retry: quickRetry)
    }

    @Test func successReturnsBodyAndSendsUserAgent() async throws {
        let server = try LoopbackHTTPServer { _ in .ok(Data("hello".utf8)) }
        let response = try await Self.http().get(server.baseURL + "/a")
        #expect(response.status == 200)
        #expect(response.body == Data("hello".utf8))
        #expect(server.requests.first?.headers["user-agent"]?.hasPrefix("lockgate/") == true)
    }

    @Test func notFoundIsAnHTTPStatusErrorWithoutRetries() async throws {
        let server = try LoopbackHTTPServer { _ in .status(404) }
        await #expect {
            _ = try await Self.http().get(server.baseURL + "/missing.tgz")
        } throws: { error in
            let error = error as? FetchError
            return error?.code == .httpStatus && error?.status == 404 && error?.message.contains("/missing.tgz") == true
        }
        #expect(server.requests.count == 1)
    }

    @Test func serverErrorThenSuccessIsRetried() async throws {
        let counter = Counter()
        let server = try LoopbackHTTPServer { _ in counter.next() == 1 ? .status(500) : .ok(Data("ok".utf8)) }
        let response = try await Self.http().get(server.baseURL + "/flaky")
        #expect(response.body == Data("ok".utf8))
        #expect(server.requests.count == 2)
    }

    @Test func persistentServerErrorGivesUpAfterTheRetryBudget() async throws {
        let server = try LoopbackHTTPServer { _ in .status(503) }
        await #expect(throws: FetchError.self) { _ = try await Self.http().get(server.baseURL + "/down") }
        #expect(server.requests.count == 3)
    }

    @Test func bodySlowerThanTheTimeoutTimesOut() async throws {
        let server = try LoopbackHTTPServer { _ in
            var response = LoopbackHTTPServer.Response.ok(Data(repeating: 1, count: 100))
            response.bodyDelay = 3
            return response
        }
        let http = RegistryHTTP(
            client: CurlHTTPClient(configuration: HTTPClientConfiguration(totalTimeout: 0.5)),
            retry: RetryPolicy(attempts: 1))
        await #expect {
            _ = try await http.get(server.baseURL + "/slow")
        } throws: { ($0 as? FetchError)?.code == .timeout }
    }

    @Test func truncatedBodyIsAnError() async throws {
        let server = try LoopbackHTTPServer { _ in
            var response = LoopbackHTTPServer.Response.ok(Data(repeating: 7, count: 10_000))
            response.truncateAfter = 1_000
            return response
        }
        await #expect {
            _ = try await Self.http().get(server.baseURL + "/cut.tgz")
        } throws: { ($0 as? FetchError)?.code == .truncated }
        #expect(server.requests.count == 3)
    }

    @Test func droppedConnectionIsRetriedThenReported() async throws {
        let server = try LoopbackHTTPServer { _ in
            var response = LoopbackHTTPServer.Response.ok(Data())
            response.dropConnection = true
            return response
        }
        await #expect(throws: FetchError.self) { _ = try await Self.http().get(server.baseURL + "/reset") }
        #expect(server.requests.count == 3)
    }

    @Test func unreachableHostIsReported() async throws {
        // Bind and close a server to get a loopback port with nothing listening.
        let closed = try LoopbackHTTPServer { _ in .status(200) }
        closed.stop()
        let port = closed.port
        await #expect {
            _ = try await RegistryHTTP(client: CurlHTTPClient(), retry: RetryPolicy(attempts: 1))
                .get("http://127.0.0.1:\(port)/x")
        } throws: { ($0 as? FetchError)?.code == .unreachable }
    }

    @Test func redirectsAreFollowedAndRelativeLocationsResolved() async throws {
        let server = try LoopbackHTTPServer { request in
            switch request.path {
            case "/old/pkg.tgz": .redirect(to: "../new/pkg.tgz")
            case "/new/pkg.tgz": .ok(Data("moved".utf8))
            default: .status(404)
            }
        }
        let response = try await Self.http().get(server.baseURL + "/old/pkg.tgz")
        #expect(response.body == Data("moved".utf8))
        #expect(response.url.hasSuffix("/new/pkg.tgz"))
    }

    @Test func redirectLoopsStop() async throws {
        let server = try LoopbackHTTPServer { _ in .redirect(to: "/loop") }
        await #expect {
            _ = try await Self.http().get(server.baseURL + "/loop")
        } throws: { ($0 as? FetchError)?.code == .redirect }
    }

    @Test func credentialIsSentOnlyToItsOwnHost() async throws {
        let other = try LoopbackHTTPServer { _ in .ok(Data("elsewhere".utf8)) }
        let registry = try LoopbackHTTPServer { request in
            request.path == "/private/x.tgz" ? .redirect(to: other.baseURL + "/x.tgz") : .ok(Data("direct".utf8))
        }
        let credential = Credential(host: "127.0.0.1:\(registry.port)", authorization: "Bearer s3cret")
        let http = Self.http(credentials: [credential])
        _ = try await http.get(registry.baseURL + "/direct.tgz")
        let redirected = try await http.get(registry.baseURL + "/private/x.tgz")
        #expect(redirected.body == Data("elsewhere".utf8))
        #expect(registry.requests.allSatisfy { $0.headers["authorization"] == "Bearer s3cret" })
        #expect(other.requests.count == 1)
        #expect(other.requests.allSatisfy { $0.headers["authorization"] == nil })
    }

    @Test func oversizedBodyIsRefused() async throws {
        let server = try LoopbackHTTPServer { _ in .ok(Data(repeating: 0, count: 200_000)) }
        await #expect {
            _ = try await Self.http().get(server.baseURL + "/big", maxBodyBytes: 10_000)
        } throws: { ($0 as? FetchError)?.code == .tooLarge }
    }

    @Test func manyConcurrentTransfersAllComplete() async throws {
        let server = try LoopbackHTTPServer { request in .ok(Data(request.path.utf8)) }
        let http = Self.http()
        let bodies = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<64 {
                group.addTask { String(decoding: try await http.get(server.baseURL + "/p\(index)").body, as: UTF8.self) }
            }
            var collected: [String] = []
            for try await body in group { collected.append(body) }
            return collected
        }
        #expect(Set(bodies) == Set((0..<64).map { "/p\($0)" }))
    }
}

/// A thread-safe counter for handlers that answer differently on each call.
final class Counter: @unchecked Sendable {
    // @unchecked Sendable: `value` is only touched under `lock`.
    private let lock = NSLock()
    private var value = 0

    /// Increments and returns the new value (1 on the first call).
    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
