/// Turns paths as lockgate reports them into SARIF artifact locations.
enum SARIFURI {
    /// The base id GitHub code scanning resolves against the checkout root.
    static let sourceRoot = "%SRCROOT%"
    /// The base id of files inside a package archive (declared in `run.originalUriBaseIds`).
    static let packageRoot = "PACKAGEROOT"

    /// An artifact location for a path: relative paths become a relative URI (forward slashes, leading `./`
    /// dropped, percent-encoded) against `base`; absolute paths become `file://` URIs with no base.
    /// - Parameters:
    ///   - path: The path as reported.
    ///   - base: The `uriBaseId` for a relative path.
    /// - Returns: The artifact location.
    static func artifactLocation(_ path: String, base: String = sourceRoot) -> SARIFArtifactLocation {
        var normalised = path.replacingBackslashes()
        if isWindowsAbsolute(normalised) { normalised = "/" + normalised }
        if normalised.hasPrefix("/") {
            return SARIFArtifactLocation(uri: "file://" + percentEncoded(normalised), uriBaseId: nil)
        }
        while normalised.hasPrefix("./") { normalised.removeFirst(2) }
        return SARIFArtifactLocation(uri: percentEncoded(normalised.isEmpty ? "." : normalised), uriBaseId: base)
    }

    /// Percent-encodes everything but RFC 3986 unreserved characters, `/` and the sub-delimiters that are safe in
    /// a path; a drive letter's `:` after a leading `/` is kept.
    /// - Parameter path: A path with forward slashes.
    /// - Returns: The URI path.
    static func percentEncoded(_ path: String) -> String {
        let bytes = Array(path.utf8)
        var out = ""
        out.reserveCapacity(bytes.count)
        for (index, byte) in bytes.enumerated() {
            let keepColon = byte == UInt8(ascii: ":") && index == 2 && bytes.first == UInt8(ascii: "/")
            if isAllowed(byte) || keepColon {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + hexDigits[Int(byte >> 4)] + hexDigits[Int(byte & 0x0f)]
            }
        }
        return out
    }

    // MARK: - Private

    private static let hexDigits = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "A", "B", "C", "D", "E", "F"]

    private static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"),
            UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("),
            UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"),
            UInt8(ascii: "="), UInt8(ascii: "@"):
            true
        default:
            false
        }
    }

    /// `C:/...`: a Windows drive path.
    private static func isWindowsAbsolute(_ path: String) -> Bool {
        let bytes = Array(path.utf8.prefix(3))
        guard bytes.count == 3 else { return false }
        let isLetter = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[0] | 0x20)
        return isLetter && bytes[1] == UInt8(ascii: ":") && bytes[2] == UInt8(ascii: "/")
    }
}

extension String {
    /// The string with every `\` replaced by `/`.
    fileprivate func replacingBackslashes() -> String {
        String(unicodeScalars.map { $0 == "\\" ? "/" : Character($0) })
    }
}
