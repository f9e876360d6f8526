/// The parts of a lockfile source URL the policy looks at: scheme, host and port.
struct SourceURL: Sendable, Hashable {
    /// The scheme, lowercased (`https`, `git+ssh`, `file`), or nil when the text has none (a relative path).
    let scheme: String?
    /// The host, lowercased, without user info, port or trailing dot; nil when there is no `//` authority.
    let host: String?
    /// The port as written, if any.
    let port: String?

    /// Splits a URL as written in a lockfile. Never fails: what it cannot read stays nil.
    /// - Parameter text: The URL or path.
    init(_ text: String) {
        let scheme = Self.scheme(of: text)
        self.scheme = scheme
        guard let scheme, text.count > scheme.count + 3 else {
            host = nil
            port = nil
            return
        }
        let rest = text.dropFirst(scheme.count + 1)
        guard rest.hasPrefix("//") else {
            host = nil
            port = nil
            return
        }
        var authority = rest.dropFirst(2).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        var hostPart = authority
        var portPart: Substring?
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            hostPart = authority[authority.startIndex...close]
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") { portPart = after.dropFirst() }
        } else if let colon = authority.lastIndex(of: ":") {
            hostPart = authority[..<colon]
            portPart = authority[authority.index(after: colon)...]
        }
        while hostPart.hasSuffix(".") { hostPart = hostPart.dropLast() }
        host = hostPart.isEmpty ? nil : hostPart.lowercased()
        port = portPart.flatMap { $0.isEmpty ? nil : String($0) }
    }

    /// True for `http:` and `<vcs>+http:` URLs: fetched without TLS.
    var isPlainHTTP: Bool {
        guard let scheme else { return false }
        return scheme == "http" || scheme.hasSuffix("+http")
    }

    /// True for a local archive: a `file:` URL or text without a scheme (a relative or absolute path).
    var isLocal: Bool { scheme == nil || scheme == "file" }

    // MARK: - Private

    /// An RFC 3986 scheme (a letter, then letters, digits, `+`, `-`, `.`) followed by `:`. One letter is taken for a
    /// Windows drive (`C:\x.tgz`), not a scheme.
    private static func scheme(of text: String) -> String? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let candidate = text[..<colon]
        guard candidate.count > 1, let first = candidate.first, first.isASCII, first.isLetter else { return nil }
        let valid = candidate.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
        return valid ? candidate.lowercased() : nil
    }
}
