import Foundation
import LockgateCore

/// The outcome of checking an archive against the hashes a lockfile pins.
public struct IntegrityCheck: Sendable, Hashable {
    /// Hashes that matched.
    public var matched: [Integrity]
    /// Hashes that did not: any one of these means the archive is not the one the lockfile pinned.
    public var mismatched: [Integrity]
    /// Hashes that cannot be checked against this archive (yarn berry's cache-zip checksum).
    public var uncheckable: [Integrity]

    /// Whether the archive is proven to be the pinned one: at least one hash matched and none mismatched.
    public var verified: Bool { !matched.isEmpty && mismatched.isEmpty }

    /// Checks bytes against every hash that applies to a single archive (npm: every SRI hash the entry carries).
    /// - Parameters:
    ///   - data: The archive bytes.
    ///   - hashes: The lockfile's hashes for this archive.
    /// - Returns: Which matched, which did not, which cannot be checked.
    public static func all(_ data: Data, against hashes: [Integrity]) -> IntegrityCheck {
        var check = IntegrityCheck(matched: [], mismatched: [], uncheckable: [])
        for hash in hashes {
            guard let actual = Digest.hex(hash.algorithm, of: data) else {
                check.uncheckable.append(hash)
                continue
            }
            if actual == hash.hex { check.matched.append(hash) } else { check.mismatched.append(hash) }
        }
        return check
    }

    /// Checks one file of a release against a set of allowed hashes (PyPI: the lockfile lists one hash per file of
    /// the release, and a downloaded file must match one of them).
    /// - Parameters:
    ///   - data: The file bytes.
    ///   - hashes: Every hash the lockfile lists for the release.
    /// - Returns: `matched` holds the hash it matched; otherwise `mismatched` holds every checkable hash.
    public static func any(_ data: Data, among hashes: [Integrity]) -> IntegrityCheck {
        var check = IntegrityCheck(matched: [], mismatched: [], uncheckable: [])
        var digests: [DigestAlgorithm: String] = [:]
        for hash in hashes {
            if digests[hash.algorithm] == nil { digests[hash.algorithm] = Digest.hex(hash.algorithm, of: data) }
            guard let actual = digests[hash.algorithm] else {
                check.uncheckable.append(hash)
                continue
            }
            if actual == hash.hex {
                check.matched = [hash]
                check.mismatched = []
                return check
            }
            check.mismatched.append(hash)
        }
        return check
    }
}
