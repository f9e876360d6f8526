import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A real HTTP/1.1 server on 127.0.0.1 for tests that fetch: it serves whatever its handler answers, can misbehave on
/// purpose (delays, truncated bodies, dropped connections) and records every request it saw. Its accept thread keeps
/// it alive until `stop()`.
public final class LoopbackHTTPServer: @unchecked Sendable {
    // @unchecked Sendable: `requests` and `running` are guarded by `lock`; the socket descriptor is immutable after
    // init, and the handler is a @Sendable closure.

    /// A request as the server received it.
    public struct Request: Sendable {
        /// The method.
        public var method: String
        /// The path with its query.
        public var path: String
        /// Headers, names lowercased.
        public var headers: [String: String]
    }

    /// How the server answers one request.
    public struct Response: Sendable {
        /// The status code.
        public var status: Int
        /// Headers to send (Content-Length and Connection are added).
        public var headers: [String: String]
        /// The body.
        public var body: Data
        /// Seconds to wait before sending anything.
        public var delay: Double = 0
        /// Send the headers, then wait this long before the body (a body slower than the client's timeout).
        public var bodyDelay: Double = 0
        /// Declare the full Content-Length but send only this many body bytes, then close (a truncated body).
        public var truncateAfter: Int?
        /// Close the connection without answering (a reset).
        public var dropConnection = false

        /// Creates a response.
        public init(status: Int = 200, headers: [String: String] = [:], body: Data = Data()) {
            self.status = status
            self.headers = headers
            self.body = body
        }

        /// A 200 response with a body.
        public static func ok(_ body: Data, contentType: String = "application/octet-stream") -> Response {
            Response(status: 200, headers: ["Content-Type": contentType], body: body)
        }

        /// A 200 JSON response.
        public static func json(_ text: String, contentType: String = "application/json") -> Response {
            Response(status: 200, headers: ["Content-Type": contentType], body: Data(text.utf8))
        }

        /// An empty response with a status.
        public static func status(_ code: Int) -> Response {
            Response(status: code, headers: [:], body: Data("status \(code)\n".utf8))
        }

        /// A redirect.
        public static func redirect(to location: String, status: Int = 302) -> Response {
            Response(status: status, headers: ["Location": location], body: Data())
        }
    }

    /// The port the server listens on.
    public let port: Int
    private let socket: Int32
    private let handler: @Sendable (Request) -> Response
    private let lock = NSLock()
    private var recorded: [Request] = []
    private var running = true

    /// Starts a server on 127.0.0.1 with an ephemeral port.
    /// - Parameter handler: Answers each request (called on the server's threads).
    /// - Throws: When the socket cannot be bound.
    public init(handler: @escaping @Sendable (Request) -> Response) throws {
        self.handler = handler
        let descriptor = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EIO) }
        var reuse: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(descriptor, 128) == 0 else {
            close(descriptor)
            throw POSIXError(.EADDRINUSE)
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        port = Int(UInt16(bigEndian: actual.sin_port))
        socket = descriptor
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// The server's base URL, `http://127.0.0.1:PORT`.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Every request received so far, in order.
    public var requests: [Request] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    /// Stops accepting connections.
    public func stop() {
        lock.lock()
        let wasRunning = running
        running = false
        lock.unlock()
        if wasRunning {
            shutdown(socket, Int32(SHUT_RDWR))
            close(socket)
        }
    }

    // MARK: - Private

    private var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        return running
    }

    private func acceptLoop() {
        while isRunning {
            let client = accept(socket, nil, nil)
            if client < 0 {
                if isRunning { continue }
                return
            }
            let thread = Thread { [self] in serve(client) }
            thread.start()
        }
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard let request = readRequest(client) else { return }
        lock.lock()
        recorded.append(request)
        lock.unlock()
        let response = handler(request)
        if response.delay > 0 { Thread.sleep(forTimeInterval: response.delay) }
        if response.dropConnection { return }
        var head = "HTTP/1.1 \(response.status) \(reason(response.status))\r\n"
        for (name, value) in response.headers.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(response.body.count)\r\nConnection: close\r\n\r\n"
        guard send(client, Data(head.utf8)) else { return }
        if response.bodyDelay > 0 { Thread.sleep(forTimeInterval: response.bodyDelay) }
        let body = response.truncateAfter.map { response.body.prefix($0) } ?? response.body
        _ = send(client, Data(body))
    }

    private func readRequest(_ client: Int32) -> Request? {
        var buffer = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 4096)
        while buffer.count < 65536 {
            let count = recv(client, &chunk, chunk.count, 0)
            if count <= 0 { return nil }
            buffer.append(contentsOf: chunk[0..<count])
            if let end = buffer.firstRange(of: [13, 10, 13, 10]) {
                let text = String(decoding: buffer[..<end.lowerBound], as: UTF8.self)
                var lines = text.components(separatedBy: "\r\n")
                let requestLine = lines.removeFirst().split(separator: " ")
                guard requestLine.count >= 2 else { return nil }
                var headers: [String: String] = [:]
                for line in lines {
                    guard let colon = line.firstIndex(of: ":") else { continue }
                    headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                }
                return Request(method: String(requestLine[0]), path: String(requestLine[1]), headers: headers)
            }
        }
        return nil
    }

    private func send(_ client: Int32, _ data: Data) -> Bool {
        data.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let sent = Glibc.send(client, raw.baseAddress.map { $0 + offset }, raw.count - offset, Int32(MSG_NOSIGNAL))
                if sent <= 0 { return false }
                offset += sent
            }
            return true
        }
    }

    private func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 404: "Not Found"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }
}
