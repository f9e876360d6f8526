import LockgateCore

/// The key under which the cache remembers which archives a lockfile entry led to: ecosystem, name, version and the
/// hashes the lockfile pins (or, with none, the source URL). An unchanged lockfile entry finds its archives — and
/// their analyses — without a network request.
enum LockfileIdentity {
    /// The identity key of a locked package.
    static func key(_ package: LockedPackage) -> String {
        let hashes = package.integrity.map(\.description).sorted().joined(separator: ",")
        let source = hashes.isEmpty ? (package.source.url ?? "registry") : ""
        return [package.ecosystem.rawValue, package.name, package.version, package.source.kind.rawValue, hashes, source]
            .joined(separator: "\u{1F}")
    }
}
