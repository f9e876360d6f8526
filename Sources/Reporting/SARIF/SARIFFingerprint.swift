/// A stable, dependency-free 128-bit hash for SARIF `partialFingerprints`.
///
/// Two FNV-1a-64 hashes with different offset bases over the same UTF-8 bytes, written as 32 lowercase hex digits.
/// Not cryptographic; it only has to be the same on every platform and in every run.
enum SARIFFingerprint {
    /// The `partialFingerprints` key lockgate writes.
    static let key = "lockgateFingerprint/v1"

    /// The fingerprint of a finding: its rule and the package it is about, not its wording or line, so an alert
    /// survives edits elsewhere in the lockfile and message rewording.
    /// - Parameters:
    ///   - rule: The rule id.
    ///   - ecosystem: The ecosystem's raw value.
    ///   - name: The package name.
    ///   - version: The version.
    ///   - path: The lockfile path (or input path) as reported.
    /// - Returns: 32 lowercase hex digits.
    static func fingerprint(rule: String, ecosystem: String, name: String, version: String, path: String) -> String {
        let text = [rule, ecosystem, name, version, path].joined(separator: "\u{0}")
        return hex(fnv1a64(text, basis: primaryBasis)) + hex(fnv1a64(text, basis: secondaryBasis))
    }

    /// FNV-1a, 64-bit.
    /// - Parameters:
    ///   - text: The text, hashed as UTF-8.
    ///   - basis: The offset basis.
    /// - Returns: The hash.
    static func fnv1a64(_ text: String, basis: UInt64) -> UInt64 {
        var hash = basis
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* prime
        }
        return hash
    }

    /// The standard FNV-1a-64 offset basis.
    static let primaryBasis: UInt64 = 0xcbf2_9ce4_8422_2325

    // MARK: - Private

    private static let prime: UInt64 = 0x0000_0100_0000_01b3
    /// A second basis: the standard basis hashed with the string "lockgate".
    private static let secondaryBasis: UInt64 = fnv1a64("lockgate", basis: primaryBasis)

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
