import Foundation
import LockgateCore
import Yams

extension PolicyDecoder {
    /// Reads `allowlist:`.
    /// - Parameter field: The `allowlist` field.
    /// - Returns: The entries in file order (empty for an empty value).
    /// - Throws: `PolicyError` for the first bad entry.
    func allowlist(_ field: Field) throws(PolicyError) -> [Policy.AllowlistEntry] {
        var result: [Policy.AllowlistEntry] = []
        for (index, item) in (try list(field) ?? []).enumerated() {
            let keyPath = "\(field.keyPath)[\(index)]"
            let common = try entry(item, keyPath: keyPath, allowed: PolicyKeys.allowlistEntry, why: "trusted")
            var expires: String?
            if let child = common.fields.first(where: { $0.name == "expires" }) {
                expires = try date(child)
            }
            result.append(Policy.AllowlistEntry(
                selector: common.selector, ecosystem: common.ecosystem, reason: common.reason, expires: expires,
                location: Self.location(of: item)))
        }
        return result
    }

    /// Reads `denylist:`.
    /// - Parameter field: The `denylist` field.
    /// - Returns: The entries in file order (empty for an empty value).
    /// - Throws: `PolicyError` for the first bad entry.
    func denylist(_ field: Field) throws(PolicyError) -> [Policy.DenylistEntry] {
        var result: [Policy.DenylistEntry] = []
        for (index, item) in (try list(field) ?? []).enumerated() {
            let keyPath = "\(field.keyPath)[\(index)]"
            let common = try entry(item, keyPath: keyPath, allowed: PolicyKeys.denylistEntry, why: "denied")
            result.append(Policy.DenylistEntry(
                selector: common.selector, ecosystem: common.ecosystem, reason: common.reason,
                location: Self.location(of: item)))
        }
        return result
    }

    /// Whether `text` is a real calendar date written `YYYY-MM-DD`.
    /// - Parameter text: The candidate.
    /// - Returns: True for a valid date such as `2027-01-31`.
    static func isCalendarDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), year >= 1 else {
            return false
        }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...12).contains(month) && (1...days[month - 1]).contains(day)
    }

    // MARK: - Private

    /// What allowlist and denylist entries share.
    private struct CommonEntry {
        let selector: PackageSelector
        let ecosystem: Ecosystem?
        let reason: String
        let fields: [Field]
    }

    private func entry(
        _ item: Node, keyPath: String, allowed: [String], why: String
    ) throws(PolicyError) -> CommonEntry {
        let shape = "a mapping with `package` (or `sha256`) and `reason`"
        guard case .mapping = item, let fields = try fields(item, at: keyPath, allowed: allowed) else {
            throw error(.wrongType, item, keyPath, "expected \(shape); \(Self.found(item))")
        }
        let package = fields.first { $0.name == "package" }
        let sha256 = fields.first { $0.name == "sha256" }
        let selector: PackageSelector
        switch (package, sha256) {
        case (let package?, nil):
            let text = try string(package, expected: "a package name or name@version")
            guard let parsed = PackageSelector.package(text) else {
                let message = "expected a package name or name@version (such as left-pad or @scope/x@1.0.0); "
                throw error(.invalidValue, package.value, package.keyPath, message + "found '\(text)'")
            }
            selector = parsed
        case (nil, let sha256?):
            let text = try string(sha256, expected: "a sha256 digest").lowercased()
            guard Integrity.isHex(Substring(text), byteCount: 32) else {
                let message = "expected a sha256 digest of 64 hexadecimal digits; \(Self.found(sha256.value))"
                throw error(.invalidValue, sha256.value, sha256.keyPath, message)
            }
            selector = .sha256(text)
        case (.some, .some):
            throw error(.invalidValue, item, keyPath, "expected exactly one of 'package' or 'sha256', found both")
        case (nil, nil):
            let message = "expected exactly one of 'package' (name or name@version) or 'sha256' (archive digest)"
            throw error(.missingKey, item, keyPath, message)
        }
        var ecosystem: Ecosystem?
        if let child = fields.first(where: { $0.name == "ecosystem" }) {
            let text = try string(child, expected: "an ecosystem")
            guard let value = Ecosystem(rawValue: text) else {
                let names = Ecosystem.allCases.map(\.rawValue).joined(separator: ", ")
                throw error(.invalidValue, child.value, child.keyPath, "unknown ecosystem '\(text)'; expected \(names)")
            }
            ecosystem = value
        }
        guard let reasonField = fields.first(where: { $0.name == "reason" }) else {
            let message = "missing required key 'reason': say why this package is \(why)"
            throw error(.missingKey, item, Self.join(keyPath, "reason"), message)
        }
        let reason = try string(reasonField, expected: "a reason").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else {
            throw error(.invalidValue, reasonField.value, reasonField.keyPath, "expected a non-empty reason")
        }
        return CommonEntry(selector: selector, ecosystem: ecosystem, reason: reason, fields: fields)
    }

    private func date(_ field: Field) throws(PolicyError) -> String {
        let expected = "expected a date written YYYY-MM-DD (such as 2027-01-31)"
        let text = try string(field, expected: "a date written YYYY-MM-DD")
        guard Self.isCalendarDate(text) else {
            throw error(.invalidValue, field.value, field.keyPath, "\(expected); found '\(text)'")
        }
        return text
    }
}
