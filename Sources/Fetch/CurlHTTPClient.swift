import CCurl
import Foundation

/// The one type that owns libcurl handles: a multi handle driven by a dedicated thread, running many transfers at
/// once (HTTP/2 multiplexed where the server offers it, keep-alive otherwise) without blocking Swift's cooperative
/// threads. Redirects and retries are the caller's (`RegistryHTTP`), so credentials never follow a redirect.
public final class CurlHTTPClient: Sendable {
    private let driver: CurlDriver

    /// Starts a client.
    /// - Parameter configuration: Timeouts, concurrency, TLS trust and User-Agent.
    public init(configuration: HTTPClientConfiguration = HTTPClientConfiguration()) {
        driver = CurlDriver(configuration: configuration)
    }

    deinit {
        driver.stop()
    }

    /// Performs one GET without following redirects.
    /// - Parameter request: The request.
    /// - Returns: The response, whatever its status.
    /// - Throws: `FetchError` for transport failures (unreachable, timeout, truncated body, too large, TLS, bad URL).
    public func get(_ request: HTTPRequest) async throws(FetchError) -> HTTPResponse {
        do {
            return try await withCheckedThrowingContinuation { continuation in
                driver.submit(CurlTransfer(request: request, continuation: continuation))
            }
        } catch let error as FetchError {
            throw error
        } catch {
            throw FetchError(code: .transfer, message: "GET \(request.url) failed", url: request.url, cause: "\(error)")
        }
    }
}

/// Runs the multi handle on its own thread.
final class CurlDriver: @unchecked Sendable {
    // @unchecked Sendable: `pending` and `stopping` are only read or written under `lock`; the multi handle, the easy
    // handles and every CurlTransfer after submission are only touched by the driver thread.
    private let lock = NSLock()
    private var pending: [CurlTransfer] = []
    private var stopping = false
    private let multi: UnsafeMutableRawPointer?
    private let configuration: HTTPClientConfiguration

    init(configuration: HTTPClientConfiguration) {
        CurlDriver.globalInit
        self.configuration = configuration
        multi = curl_multi_init()
        if let multi {
            _ = lockgate_multi_setopt_long(multi, CURLMOPT_PIPELINING, Int(CURLPIPE_MULTIPLEX))
            _ = lockgate_multi_setopt_long(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, max(1, configuration.maxConcurrentTransfers))
            _ = lockgate_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, max(1, configuration.maxConnectionsPerHost))
        }
        let thread = Thread { [self] in run() }
        thread.name = "lockgate.curl"
        thread.start()
    }

    /// libcurl's global initialisation, run once before the first handle.
    private static let globalInit: Void = { _ = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

    func submit(_ transfer: CurlTransfer) {
        lock.lock()
        let refused = stopping
        if !refused { pending.append(transfer) }
        lock.unlock()
        if refused {
            transfer.continuation.resume(throwing: FetchError(
                code: .transfer, message: "GET \(transfer.request.url): the HTTP client was shut down", url: transfer.request.url))
            return
        }
        if let multi { _ = curl_multi_wakeup(multi) }
    }

    func stop() {
        lock.lock()
        stopping = true
        lock.unlock()
        if let multi { _ = curl_multi_wakeup(multi) }
    }

    // MARK: - Private

    private func run() {
        guard let multi else {
            failPending(message: "libcurl could not create a multi handle")
            return
        }
        var active: [UnsafeMutableRawPointer: Unmanaged<CurlTransfer>] = [:]
        while true {
            lock.lock()
            let incoming = pending
            pending.removeAll()
            let isStopping = stopping
            lock.unlock()
            for transfer in incoming {
                if isStopping {
                    transfer.continuation.resume(throwing: FetchError(
                        code: .transfer, message: "GET \(transfer.request.url): the HTTP client was shut down",
                        url: transfer.request.url))
                } else if let easy = makeEasy(for: transfer) {
                    active[easy] = Unmanaged.passRetained(transfer)
                    _ = curl_multi_add_handle(multi, easy)
                }
            }
            if isStopping {
                for (easy, transfer) in active {
                    _ = curl_multi_remove_handle(multi, easy)
                    curl_easy_cleanup(easy)
                    let value = transfer.takeRetainedValue()
                    value.continuation.resume(throwing: FetchError(
                        code: .transfer, message: "GET \(value.request.url): cancelled", url: value.request.url))
                }
                curl_multi_cleanup(multi)
                return
            }
            var running: Int32 = 0
            _ = curl_multi_perform(multi, &running)
            var queued: Int32 = 0
            while let message = curl_multi_info_read(multi, &queued) {
                guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle,
                    let transfer = active.removeValue(forKey: easy)
                else { continue }
                let result = message.pointee.data.result
                _ = curl_multi_remove_handle(multi, easy)
                finish(transfer.takeRetainedValue(), easy: easy, result: result)
                curl_easy_cleanup(easy)
            }
            _ = curl_multi_poll(multi, nil, 0, 1000, nil)
        }
    }

    private func failPending(message: String) {
        lock.lock()
        let failed = pending
        pending.removeAll()
        stopping = true
        lock.unlock()
        for transfer in failed {
            transfer.continuation.resume(throwing: FetchError(code: .transfer, message: message, url: transfer.request.url))
        }
    }

    private func makeEasy(for transfer: CurlTransfer) -> UnsafeMutableRawPointer? {
        guard let easy = curl_easy_init() else {
            transfer.continuation.resume(throwing: FetchError(
                code: .transfer, message: "libcurl could not create a handle", url: transfer.request.url))
            return nil
        }
        let context = Unmanaged.passUnretained(transfer).toOpaque()
        _ = lockgate_easy_setopt_string(easy, CURLOPT_URL, transfer.request.url)
        _ = lockgate_easy_setopt_long(easy, CURLOPT_HTTPGET, 1)
        _ = lockgate_easy_setopt_long(easy, CURLOPT_FOLLOWLOCATION, 0)
        _ = lockgate_easy_setopt_long(easy, CURLOPT_NOSIGNAL, 1)
        _ = lockgate_easy_setopt_string(easy, CURLOPT_PROTOCOLS_STR, "http,https")
        _ = lockgate_easy_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, Int(configuration.connectTimeout * 1000))
        _ = lockgate_easy_setopt_long(easy, CURLOPT_TIMEOUT_MS, Int(configuration.totalTimeout * 1000))
        _ = lockgate_easy_setopt_long(easy, CURLOPT_LOW_SPEED_LIMIT, configuration.lowSpeedBytes)
        _ = lockgate_easy_setopt_long(easy, CURLOPT_LOW_SPEED_TIME, configuration.lowSpeedSeconds)
        _ = lockgate_easy_setopt_string(easy, CURLOPT_USERAGENT, configuration.userAgent)
        _ = lockgate_easy_setopt_string(easy, CURLOPT_ACCEPT_ENCODING, "")
        _ = lockgate_easy_setopt_long(easy, CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_2TLS))
        _ = lockgate_easy_setopt_long(easy, CURLOPT_PIPEWAIT, 1)
        _ = lockgate_easy_setopt_long(easy, CURLOPT_TCP_KEEPALIVE, 1)
        if let caBundle = configuration.caBundle {
            _ = lockgate_easy_setopt_string(easy, CURLOPT_CAINFO, caBundle)
        }
        var list: UnsafeMutablePointer<curl_slist>?
        for header in transfer.request.headers {
            list = curl_slist_append(list, "\(header.name): \(header.value)")
        }
        transfer.headerList = list
        if let list { _ = lockgate_easy_setopt_slist(easy, CURLOPT_HTTPHEADER, list) }
        _ = lockgate_easy_setopt_callback(easy, CURLOPT_WRITEFUNCTION, curlWriteCallback)
        _ = lockgate_easy_setopt_pointer(easy, CURLOPT_WRITEDATA, context)
        _ = lockgate_easy_setopt_callback(easy, CURLOPT_HEADERFUNCTION, curlHeaderCallback)
        _ = lockgate_easy_setopt_pointer(easy, CURLOPT_HEADERDATA, context)
        _ = lockgate_easy_setopt_pointer(easy, CURLOPT_ERRORBUFFER, transfer.errorBuffer)
        return easy
    }

    private func finish(_ transfer: CurlTransfer, easy: UnsafeMutableRawPointer, result: CURLcode) {
        let url = transfer.request.url
        guard result == CURLE_OK else {
            transfer.continuation.resume(throwing: CurlDriver.error(for: result, transfer: transfer))
            return
        }
        var status = 0
        _ = lockgate_easy_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status)
        var version = 0
        _ = lockgate_easy_getinfo_long(easy, CURLINFO_HTTP_VERSION, &version)
        var effective: UnsafeMutablePointer<CChar>?
        _ = lockgate_easy_getinfo_string(easy, CURLINFO_EFFECTIVE_URL, &effective)
        let httpVersion: Int = switch version {
        case Int(CURL_HTTP_VERSION_2_0): 2
        case Int(CURL_HTTP_VERSION_3): 3
        default: 1
        }
        transfer.continuation.resume(returning: HTTPResponse(
            url: effective.map { String(cString: $0) } ?? url, status: status, headers: transfer.headers,
            body: transfer.body, httpVersion: httpVersion))
    }

    private static func error(for result: CURLcode, transfer: CurlTransfer) -> FetchError {
        let url = transfer.request.url
        let cause = transfer.errorText.isEmpty ? String(cString: curl_easy_strerror(result)) : transfer.errorText
        let code: FetchError.Code
        let message: String
        switch result {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_PROXY:
            (code, message) = (.unreachable, "cannot connect to fetch \(url)")
        case CURLE_OPERATION_TIMEDOUT:
            (code, message) = (.timeout, "timed out fetching \(url)")
        case CURLE_PARTIAL_FILE, CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_GOT_NOTHING, CURLE_HTTP2, CURLE_HTTP2_STREAM:
            (code, message) = (.truncated, "the connection ended before the whole body of \(url) arrived")
        case CURLE_WRITE_ERROR where transfer.exceededLimit:
            (code, message) = (.tooLarge, "\(url) is larger than the \(transfer.request.maxBodyBytes)-byte limit")
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
            CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR:
            (code, message) = (.tls, "TLS failure fetching \(url)")
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL:
            (code, message) = (.badURL, "cannot fetch \(url): not an http(s) URL")
        default:
            (code, message) = (.transfer, "fetching \(url) failed")
        }
        return FetchError(code: code, message: message, url: url, cause: cause)
    }
}
