import Fetch
import Foundation

/// A loopback registry for end-to-end tests: npm packuments and tarballs, and a PEP 691 / PEP 503 Python index whose
/// links are relative. It is a real HTTP server on 127.0.0.1 (`LoopbackHTTPServer`).
public final class FakeRegistry: @unchecked Sendable {
    // @unchecked Sendable: the mutable tables are only touched under `lock`.

    /// How the Python index answers project pages.
    public enum IndexStyle: Sendable {
        case json
        case html
    }

    private let lock = NSLock()
    private var tarballs: [String: Data] = [:]
    private var packuments: [String: [String: (url: String, integrity: String)]] = [:]
    private var pythonFiles: [String: [(fileName: String, data: Data)]] = [:]
    private var overrides: [String: LoopbackHTTPServer.Response] = [:]
    private var style: IndexStyle = .json
    private var server: LoopbackHTTPServer?

    /// Starts the registry.
    /// - Throws: When the server cannot start.
    public init() throws {
        server = try LoopbackHTTPServer { [weak self] request in
            self?.answer(request) ?? .status(503)
        }
    }

    /// `http://127.0.0.1:PORT/`.
    public var baseURL: String { (server?.baseURL ?? "") + "/" }
    /// The Python index's simple API root.
    public var simpleURL: String { baseURL + "simple/" }
    /// Every request received.
    public var requests: [LoopbackHTTPServer.Request] { server?.requests ?? [] }

    /// Stops the server.
    public func stop() { server?.stop() }

    /// Publishes an npm package version; returns its SRI integrity.
    @discardableResult
    public func publishNPM(name: String, version: String, tarball: Data) -> String {
        let base = name.split(separator: "/").last.map(String.init) ?? name
        let path = "/\(name)/-/\(base)-\(version).tgz"
        let integrity = PackageFixtures.sri512(tarball)
        lock.lock()
        tarballs[path] = tarball
        packuments[name, default: [:]][version] = (baseURL.dropLast() + path, integrity)
        lock.unlock()
        return integrity
    }

    /// Publishes a Python distribution file; returns its sha256.
    @discardableResult
    public func publishPython(project: String, fileName: String, data: Data) -> String {
        lock.lock()
        pythonFiles[project, default: []].append((fileName, data))
        lock.unlock()
        return Digest.sha256(data)
    }

    /// Answers a path with a fixed response instead (a 404, a tampered body, a redirect...).
    public func override(_ path: String, with response: LoopbackHTTPServer.Response?) {
        lock.lock()
        overrides[path] = response
        lock.unlock()
    }

    /// Switches the Python index between PEP 691 JSON and PEP 503 HTML.
    public func setIndexStyle(_ newStyle: IndexStyle) {
        lock.lock()
        style = newStyle
        lock.unlock()
    }

    // MARK: - Private

    private func answer(_ request: LoopbackHTTPServer.Request) -> LoopbackHTTPServer.Response {
        lock.lock()
        defer { lock.unlock() }
        let path = request.path.split(separator: "?").first.map(String.init) ?? request.path
        if let response = overrides[path] { return response }
        if let tarball = tarballs[path] { return .ok(tarball) }
        if path.hasPrefix("/simple/") {
            let project = path.dropFirst("/simple/".count).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            guard let files = pythonFiles[project] else { return .status(404) }
            return style == .json ? jsonPage(files) : htmlPage(files)
        }
        if path.hasPrefix("/files/") {
            let fileName = String(path.dropFirst("/files/".count))
            for files in pythonFiles.values {
                if let file = files.first(where: { $0.fileName == fileName }) { return .ok(file.data) }
            }
            return .status(404)
        }
        let name = String(path.dropFirst()).replacingOccurrences(of: "%2f", with: "/").replacingOccurrences(of: "%2F", with: "/")
        if let versions = packuments[name] {
            let body = versions.map { version, entry in
                "\"\(version)\": {\"name\": \"\(name)\", \"version\": \"\(version)\", \"dist\": {\"tarball\": \"\(entry.url)\", \"integrity\": \"\(entry.integrity)\"}}"
            }.joined(separator: ", ")
            return .json("{\"name\": \"\(name)\", \"versions\": {\(body)}}")
        }
        return .status(404)
    }

    /// PEP 691 JSON with URLs relative to the page (`../../files/NAME`).
    private func jsonPage(_ files: [(fileName: String, data: Data)]) -> LoopbackHTTPServer.Response {
        let entries = files.map {
            "{\"filename\": \"\($0.fileName)\", \"url\": \"../../files/\($0.fileName)\", \"hashes\": {\"sha256\": \"\(Digest.sha256($0.data))\"}}"
        }.joined(separator: ", ")
        return .json("{\"meta\": {\"api-version\": \"1.0\"}, \"name\": \"x\", \"files\": [\(entries)]}",
                     contentType: "application/vnd.pypi.simple.v1+json")
    }

    /// PEP 503 HTML with host-relative links and `#sha256=` fragments.
    private func htmlPage(_ files: [(fileName: String, data: Data)]) -> LoopbackHTTPServer.Response {
        let links = files.map {
            "<a href=\"/files/\($0.fileName)#sha256=\(Digest.sha256($0.data))\">\($0.fileName)</a><br/>"
        }.joined(separator: "\n")
        return LoopbackHTTPServer.Response(
            status: 200, headers: ["Content-Type": "text/html"],
            body: Data("<!DOCTYPE html><html><body>\n\(links)\n</body></html>\n".utf8))
    }
}
