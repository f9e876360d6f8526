/// Registry host patterns as `registries.allowed` writes them: `host`, `*.domain`, `host:port`, or `*`.
package enum HostPattern {
    /// Whether `pattern` is a valid host pattern.
    /// - Parameter pattern: The pattern, lowercased.
    /// - Returns: Nil when valid, else what was expected.
    package static func problem(in pattern: String) -> String? {
        if pattern == "*" { return nil }
        if pattern.contains("://") || pattern.contains("/") {
            return "expected a host name such as registry.npmjs.org, not a URL or path"
        }
        var host = Substring(pattern)
        if let colon = host.lastIndex(of: ":") {
            let port = host[host.index(after: colon)...]
            guard !port.isEmpty, port.allSatisfy(\.isASCIIDigit) else {
                return "expected a host name with an optional :port (digits only)"
            }
            host = host[..<colon]
        }
        if host.hasPrefix("*.") { host = host.dropFirst(2) }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        let valid = !host.isEmpty && labels.allSatisfy { label in
            !label.isEmpty && label.allSatisfy { $0.isASCIIHostCharacter }
        }
        return valid ? nil : "expected a host name such as registry.npmjs.org or *.corp.example"
    }

    /// Whether a host (and port) matches a pattern.
    /// - Parameters:
    ///   - pattern: The pattern, lowercased.
    ///   - host: The host, lowercased.
    ///   - port: The port written in the URL, if any.
    /// - Returns: True on a match. A pattern without a port matches every port.
    package static func matches(_ pattern: String, host: String, port: String?) -> Bool {
        if pattern == "*" { return true }
        var hostPattern = Substring(pattern)
        if let colon = hostPattern.lastIndex(of: ":") {
            guard hostPattern[hostPattern.index(after: colon)...] == port ?? "" else { return false }
            hostPattern = hostPattern[..<colon]
        }
        if hostPattern.hasPrefix("*.") {
            let suffix = hostPattern.dropFirst(1)
            return host.count > suffix.count && host.hasSuffix(suffix)
        }
        return host == hostPattern
    }
}

extension Character {
    /// An ASCII digit.
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }

    /// A character allowed in a host label: ASCII letter, digit, `-` or `_`.
    fileprivate var isASCIIHostCharacter: Bool { isASCII && (isLetter || isNumber || self == "-" || self == "_") }
}
