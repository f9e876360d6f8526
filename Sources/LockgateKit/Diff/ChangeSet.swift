import LockgateCore

/// Which packages of each lockfile are new or changed since a baseline revision.
///
/// A package is unchanged when the same lockfile at BASE locks the same ecosystem, name and version with the same
/// pinned hashes (or, when it pins none, the same source): the identity the cache already trusts
/// (`LockfileIdentity`). A new version, new hashes or a new source make it new; a removed package is simply absent
/// from the audit; a lockfile absent (or unreadable) at BASE is wholly new.
struct ChangeSet: Sendable {
    /// The commit the lockfiles are compared with.
    let base: String
    /// The package identities each lockfile (by absolute path) locked at BASE; no entry means absent at BASE.
    private(set) var baseline: [String: Set<String>] = [:]

    /// Creates an empty change set (every lockfile wholly new until its baseline is recorded).
    /// - Parameter base: The resolved baseline commit.
    init(base: String) {
        self.base = base
    }

    /// Records what a lockfile locked at BASE.
    /// - Parameters:
    ///   - packages: The packages it locked.
    ///   - lockfile: The lockfile's absolute path.
    mutating func record(_ packages: [LockedPackage], lockfile: String) {
        baseline[lockfile] = Set(packages.map(LockfileIdentity.key))
    }

    /// Whether a package is new or changed since BASE.
    /// - Parameters:
    ///   - package: A package of the current lockfile.
    ///   - lockfile: That lockfile's absolute path.
    /// - Returns: False only when the same lockfile locked the identical package at BASE.
    func isNew(_ package: LockedPackage, lockfile: String) -> Bool {
        guard let known = baseline[lockfile] else { return true }
        return !known.contains(LockfileIdentity.key(package))
    }
}
