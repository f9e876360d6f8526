import LockgateCore

/// Which package an allowlist or denylist entry means: a name, a name and version, or an archive digest.
public enum PackageSelector: Sendable, Hashable, CustomStringConvertible {
    /// Every version of a package.
    case name(String)
    /// One version of a package.
    case nameVersion(name: String, version: String)
    /// The archive with this sha256 (lowercase hex).
    case sha256(String)

    /// Parses `name` or `name@version`; a leading `@` belongs to a scoped npm name (`@scope/x@1.0.0`).
    /// - Parameter text: The `package:` value.
    /// - Returns: The selector, or nil when the name or the version is empty or contains whitespace.
    public static func package(_ text: String) -> PackageSelector? {
        guard !text.isEmpty, !text.contains(where: \.isWhitespace) else { return nil }
        let searchStart = text.index(after: text.startIndex)
        guard let at = text[searchStart...].lastIndex(of: "@") else {
            return text == "@" ? nil : .name(text)
        }
        let name = String(text[..<at])
        let version = String(text[text.index(after: at)...])
        guard !version.isEmpty, name != "@", !name.dropFirst().contains("@") else { return nil }
        return .nameVersion(name: name, version: version)
    }

    /// Whether a package matches the selector.
    /// - Parameters:
    ///   - ecosystem: The package's ecosystem; names compare the way it compares names (PEP 503 for PyPI).
    ///   - name: The package name.
    ///   - version: The package version.
    ///   - sha256: The archive digest, when known.
    /// - Returns: True on a match.
    public func matches(ecosystem: Ecosystem, name: String, version: String, sha256: String?) -> Bool {
        switch self {
        case .name(let wanted):
            return Self.sameName(wanted, name, in: ecosystem)
        case .nameVersion(let wanted, let wantedVersion):
            return wantedVersion == version && Self.sameName(wanted, name, in: ecosystem)
        case .sha256(let digest):
            guard let sha256 else { return false }
            return sha256.lowercased() == digest
        }
    }

    /// The entry as the policy file writes it: `package: name@version` or `sha256: <hex>`.
    public var description: String {
        switch self {
        case .name(let name): "package: \(name)"
        case .nameVersion(let name, let version): "package: \(name)@\(version)"
        case .sha256(let digest): "sha256: \(digest)"
        }
    }

    // MARK: - Private

    private static func sameName(_ lhs: String, _ rhs: String, in ecosystem: Ecosystem) -> Bool {
        PackageName.normalised(lhs, in: ecosystem) == PackageName.normalised(rhs, in: ecosystem)
    }
}
