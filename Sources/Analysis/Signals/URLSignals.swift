import LockgateCore

/// URL kinds: finds each `scheme://host` in a lowercased string and names the most specific kind of its host.
enum URLSignals {
    /// The kind of each URL in a lowercased string, in order of appearance; bare special hosts count when the string
    /// holds nothing else.
    static func kinds(in lower: String) -> [BehaviourKind] {
        kinds(inLowered: ByteSearch.lowered(lower))
    }

    /// The kind of each URL in ASCII-lowercased bytes.
    static func kinds(inLowered bytes: [UInt8]) -> [BehaviourKind] {
        var kinds: [BehaviourKind] = []
        var index = 0
        while index + 2 < bytes.count {
            guard bytes[index] == 0x3A, bytes[index + 1] == 0x2F, bytes[index + 2] == 0x2F else {
                index += 1
                continue
            }
            var schemeStart = index
            while schemeStart > 0 && isSchemeByte(bytes[schemeStart - 1]) { schemeStart -= 1 }
            let scheme = String(decoding: bytes[schemeStart..<index], as: UTF8.self)
            var end = index + 3
            while end < bytes.count && !isURLEnd(bytes[end]) { end += 1 }
            if webSchemes.contains(scheme) {
                let url = String(decoding: bytes[schemeStart..<min(end, schemeStart + 400)], as: UTF8.self)
                let host = Self.host(ofAuthorityIn: bytes[(index + 3)..<end])
                if !host.isEmpty { kinds.append(kind(ofHost: host, url: url)) }
            }
            index = max(end, index + 3)
        }
        if kinds.isEmpty, let bare = bareHostKind(bytes) { kinds.append(bare) }
        return kinds
    }

    /// The most specific kind of a host; `url` names the whole URL for path-based kinds (webhooks, file drops).
    static func kind(ofHost host: String, url: String) -> BehaviourKind {
        let lowered = ByteSearch.lowered(url)
        if ByteSearch.containsAny(lowered, HostLists.webhookMarkers) { return .urlWebhook }
        if ByteSearch.containsAny(lowered, HostLists.fileDropMarkers) { return .urlPaste }
        if let listed = HostLists.kind(ofHost: host) { return listed }
        if isRawIP(host) && !isLoopbackOrUnspecified(host) { return .urlRawIP }
        return .url
    }

    // MARK: - Private

    private static let webSchemes: Set<String> = ["http", "https", "ws", "wss", "ftp", "ftps", "sftp", "tcp", "udp"]

    private static func isSchemeByte(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x2B || byte == 0x2D || byte == 0x2E
    }

    /// Bytes that end a URL inside a longer string: whitespace, quotes, brackets, `<>`, backslash, backquote.
    private static func isURLEnd(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0D, 0x22, 0x27, 0x60, 0x3C, 0x3E, 0x5C, 0x29, 0x7B, 0x7D, 0x7C, 0x5E: true
        default: false
        }
    }

    /// The host of `user:pass@host:port/path?query`: after the last `@` of the authority, before the port.
    private static func host(ofAuthorityIn bytes: ArraySlice<UInt8>) -> String {
        var authorityEnd = bytes.startIndex
        while authorityEnd < bytes.endIndex && ![0x2F, 0x3F, 0x23].contains(bytes[authorityEnd]) { authorityEnd += 1 }
        var authority = bytes[bytes.startIndex..<authorityEnd]
        if let at = authority.lastIndex(of: 0x40) { authority = authority[(at + 1)...] }
        if authority.first == 0x5B, let close = authority.firstIndex(of: 0x5D) {
            return String(decoding: authority[authority.startIndex...close], as: UTF8.self)
        }
        if let colon = authority.firstIndex(of: 0x3A) { authority = authority[..<colon] }
        var host = String(decoding: authority, as: UTF8.self)
        while host.hasSuffix(".") { host.removeLast() }
        return host
    }

    /// Dotted-quad IPv4, bracketed IPv6, or an IPv4 written as one decimal or hexadecimal number (`2130706433`).
    private static func isRawIP(_ host: String) -> Bool {
        // Read on the UTF-8 bytes: a part or host of ASCII digits has as many characters as bytes, and one with any
        // other byte is no number for either reading.
        let utf8 = host.utf8
        if isDottedQuad(utf8) { return true }
        if host.hasPrefix("[") && host.contains(":") { return true }
        if utf8.count >= 8 && utf8.count <= 10 && utf8.allSatisfy(isDigit) { return UInt32(host) != nil }
        if host.hasPrefix("0x") && host.count == 10 { return UInt32(host.dropFirst(2), radix: 16) != nil }
        return false
    }

    /// Whether the bytes are four `.`-separated parts of one to three ASCII digits, each at most 255.
    private static func isDottedQuad(_ utf8: String.UTF8View) -> Bool {
        var parts = 0
        var digits = 0
        var value = 0
        for byte in utf8 {
            if byte == 0x2E {
                guard digits > 0, value <= 255 else { return false }
                parts += 1
                (digits, value) = (0, 0)
            } else {
                guard isDigit(byte), digits < 3 else { return false }
                digits += 1
                value = value * 10 + Int(byte - 0x30)
            }
        }
        return parts == 3 && digits > 0 && value <= 255
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// A dotted-quad IPv4 address that is not loopback or unspecified (`45.9.1.2`), as a bare host.
    static func isRemoteIPv4(_ host: String) -> Bool {
        host.split(separator: ".", omittingEmptySubsequences: false).count == 4 && isRawIP(host)
            && !isLoopbackOrUnspecified(host)
    }

    private static func isLoopbackOrUnspecified(_ host: String) -> Bool {
        host.hasPrefix("127.") || host == "0.0.0.0" || host == "[::1]" || host == "[::]" || host == "2130706433"
            || host == "0x7f000001"
    }

    /// A host written without a scheme (`xyz.oast.fun`, `abc.ngrok.io/x`, `45.9.1.2:4444`) as the whole string.
    private static func bareHostKind(_ bytes: [UInt8]) -> BehaviourKind? {
        guard bytes.count <= 253 else { return nil }
        let authorityEnd = bytes.firstIndex(of: 0x2F) ?? bytes.count
        let hostEnd = bytes[..<authorityEnd].firstIndex(of: 0x3A) ?? authorityEnd
        let host = bytes[..<hostEnd]
        guard host.contains(0x2E), host.first != 0x2E,
            host.allSatisfy({
                (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2E || $0 == 0x2D
            })
        else { return nil }
        let hostText = String(decoding: host, as: UTF8.self)
        if let listed = HostLists.kind(ofHost: hostText) {
            return ByteSearch.containsAny(bytes, HostLists.webhookMarkers) ? .urlWebhook : listed
        }
        if ByteSearch.containsAny(bytes, HostLists.webhookMarkers) { return .urlWebhook }
        if ByteSearch.containsAny(bytes, HostLists.fileDropMarkers) { return .urlPaste }
        guard isRawIP(hostText), !isLoopbackOrUnspecified(hostText), hostEnd < authorityEnd else { return nil }
        let port = String(decoding: bytes[(hostEnd + 1)..<authorityEnd], as: UTF8.self)
        return UInt16(port) != nil ? .urlRawIP : nil
    }
}

extension Character {
    /// `0`-`9`.
    var isASCIIDigit: Bool { isASCII && isNumber }
    /// ASCII letter or digit.
    var isASCIILetterOrDigit: Bool { isASCII && (isLetter || isNumber) }
}
