import Foundation
import LockgateCore

/// Reads a Python package index's project page: the PEP 691 JSON simple API, falling back to PEP 503 HTML. URLs in
/// either may be relative and are resolved against the URL that served the page.
public enum PyPIIndex {
    /// One file of a project listed by the index.
    public struct File: Sendable, Hashable {
        /// The file name.
        public var fileName: String
        /// The absolute download URL (without its `#hash` fragment).
        public var url: String
        /// The hashes the index states for it.
        public var hashes: [Integrity]
        /// Whether the file is a wheel.
        public var isWheel: Bool { fileName.hasSuffix(".whl") }
    }

    /// The media types asked for, best first (PEP 691 content negotiation).
    public static let accept =
        "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.01"

    /// Parses a project page.
    /// - Parameters:
    ///   - response: The index's answer (its `url` resolves relative links).
    /// - Returns: The files listed.
    /// - Throws: `FetchError` when the page is neither PEP 691 JSON nor HTML with links.
    public static func files(in response: HTTPResponse) throws(FetchError) -> [File] {
        let contentType = response.headers["content-type"]?.lowercased() ?? ""
        if contentType.contains("json") {
            return try jsonFiles(response)
        }
        return htmlFiles(response)
    }

    /// The version a distribution file name carries, given the project name (PEP 503-normalised).
    /// - Parameters:
    ///   - fileName: An sdist (`name-1.0.tar.gz`, `.zip`, `.tar.bz2`) or wheel (`name-1.0-py3-none-any.whl`).
    ///   - project: The normalised project name.
    /// - Returns: The version, or nil when the file is not of that project.
    public static func version(of fileName: String, project: String) -> String? {
        if fileName.hasSuffix(".whl") {
            let parts = fileName.dropLast(4).split(separator: "-")
            guard parts.count >= 5, PackageName.pep503(parts[0]) == project else { return nil }
            return String(parts[1])
        }
        for suffix in [".tar.gz", ".tar.bz2", ".tar.xz", ".zip", ".tgz", ".tar"] where fileName.lowercased().hasSuffix(suffix) {
            let stem = fileName.dropLast(suffix.count)
            guard let dash = stem.lastIndex(of: "-") else { return nil }
            guard PackageName.pep503(stem[..<dash]) == project else { return nil }
            return String(stem[stem.index(after: dash)...])
        }
        return nil
    }

    // MARK: - Private

    private struct Page: Decodable {
        struct Entry: Decodable {
            var filename: String
            var url: String
            var hashes: [String: String]?
        }
        var files: [Entry]
    }

    private static func jsonFiles(_ response: HTTPResponse) throws(FetchError) -> [File] {
        let page: Page
        do {
            page = try JSONDecoder().decode(Page.self, from: response.body)
        } catch {
            throw FetchError(
                code: .transfer, message: "the index page \(response.url) is not PEP 691 JSON", url: response.url,
                cause: "\(error)")
        }
        return page.files.compactMap { entry in
            guard let url = URLParts.resolve(entry.url, against: response.url) else { return nil }
            let hashes = (entry.hashes ?? [:]).sorted { $0.key < $1.key }.compactMap {
                Integrity.prefixedHex("\($0.key):\($0.value)")
            }
            return File(fileName: entry.filename, url: stripFragment(url), hashes: hashes)
        }
    }

    private static func htmlFiles(_ response: HTTPResponse) -> [File] {
        let html = String(decoding: response.body, as: UTF8.self)
        var files: [File] = []
        let pattern = #"<a\s[^>]*href\s*=\s*["']([^"']+)["'][^>]*>([^<]*)</a>"#
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { return [] }
        let range = NSRange(html.startIndex..., in: html)
        for match in regex.matches(in: html, range: range) {
            guard let hrefRange = Range(match.range(at: 1), in: html), let textRange = Range(match.range(at: 2), in: html)
            else { continue }
            let href = unescape(String(html[hrefRange]))
            guard let absolute = URLParts.resolve(href, against: response.url) else { continue }
            var hashes: [Integrity] = []
            if let hash = href.split(separator: "#", maxSplits: 1).dropFirst().first,
                let integrity = Integrity.prefixedHex(String(hash))
            {
                hashes.append(integrity)
            }
            let text = unescape(String(html[textRange])).trimmingCharacters(in: .whitespaces)
            let fileName = text.isEmpty ? (URL(string: absolute)?.lastPathComponent ?? absolute) : text
            files.append(File(fileName: fileName, url: stripFragment(absolute), hashes: hashes))
        }
        return files
    }

    private static func stripFragment(_ url: String) -> String {
        url.split(separator: "#", maxSplits: 1).first.map(String.init) ?? url
    }

    private static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&#61;", with: "=")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">")
    }
}
