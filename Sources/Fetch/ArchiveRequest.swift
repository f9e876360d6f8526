import LockgateCore

/// One archive to fetch for a package, and what it must hash to.
public struct ArchiveRequest: Sendable, Hashable {
    /// How the archive's bytes are checked.
    public enum Expectation: Sendable, Hashable {
        /// Every listed hash must match (npm: the entry's SRI hashes all describe this one tarball).
        case all([Integrity])
        /// One of the listed hashes must match (PyPI: the lockfile lists one hash per file of the release).
        case anyOf([Integrity])
        /// The lockfile pins nothing; a registry-provided hash, if any, is checked instead.
        case registry([Integrity])
        /// Nothing to check against.
        case none
    }

    /// Where the bytes come from: an http(s) URL, or a local file path (for `file:` archives).
    public var location: String
    /// The file name (for reports and archive-format hints).
    public var fileName: String
    /// What the bytes must hash to.
    public var expectation: Expectation

    /// Creates a request.
    public init(location: String, fileName: String, expectation: Expectation) {
        self.location = location
        self.fileName = fileName
        self.expectation = expectation
    }

    /// Whether the location is a local file rather than a URL.
    public var isLocal: Bool { !location.hasPrefix("http://") && !location.hasPrefix("https://") }
}

/// The archives chosen for one package, with notes on what was left out.
public struct PackageArchives: Sendable, Hashable {
    /// Archives to fetch.
    public var requests: [ArchiveRequest]
    /// Files of the release that exist but were not chosen (over the policy's per-release count).
    public var skippedFiles: [String]

    /// Creates a selection.
    public init(requests: [ArchiveRequest], skippedFiles: [String] = []) {
        self.requests = requests
        self.skippedFiles = skippedFiles
    }
}
