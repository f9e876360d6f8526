import Foundation
import LockgateCore

/// Decides which archives to fetch for a locked package, and from where.
///
/// npm: the entry's resolved URL — moved to the configured registry when it points at the public one (npm's
/// replace-registry-host) — or, when the lockfile has no URL, the registry's packument. PyPI: the lockfile's URL when
/// it has one, else the index's project page, choosing the files whose hashes the lockfile lists (or, with no hashes,
/// the sdist and every wheel of the version), up to `maxFilesPerRelease`.
public struct PackageLocator: Sendable {
    /// Hosts that serve the public npm registry.
    public static let publicNPMHosts: Set<String> = ["registry.npmjs.org", "registry.yarnpkg.com", "registry.npmjs.com"]

    private let http: RegistryHTTP
    private let settings: RegistrySettings
    private let maxFilesPerRelease: Int

    /// Creates a locator.
    /// - Parameters:
    ///   - http: The registry HTTP layer (for packuments and index pages).
    ///   - settings: Registries and credentials.
    ///   - maxFilesPerRelease: The most files of one PyPI release to fetch.
    public init(http: RegistryHTTP, settings: RegistrySettings, maxFilesPerRelease: Int = 8) {
        self.http = http
        self.settings = settings
        self.maxFilesPerRelease = max(1, maxFilesPerRelease)
    }

    /// The archives to fetch for a package.
    /// - Parameters:
    ///   - package: The locked package.
    ///   - lockfileDirectory: The directory holding its lockfile (resolves `file:` archives).
    /// - Returns: The archives, or an empty selection for sources that have no archive (git, directories).
    /// - Throws: `FetchError` when a packument or index page cannot be fetched or does not list the version.
    public func locate(_ package: LockedPackage, lockfileDirectory: String) async throws(FetchError) -> PackageArchives {
        switch package.source.kind {
        case .git:
            return PackageArchives(requests: [])
        case .path:
            guard let url = package.source.url, let local = localArchive(url, in: lockfileDirectory) else {
                return PackageArchives(requests: [])
            }
            return PackageArchives(requests: [request(local, package)])
        case .tarball:
            guard let url = package.source.url else { return PackageArchives(requests: []) }
            if let local = localArchive(url, in: lockfileDirectory) { return PackageArchives(requests: [request(local, package)]) }
            return PackageArchives(requests: [request(url, package)])
        case .registry:
            switch package.ecosystem {
            case .npm: return try await locateNPM(package)
            case .pypi: return try await locatePyPI(package)
            }
        }
    }

    /// Moves a public-registry tarball URL to the configured registry, keeping its path.
    /// - Parameters:
    ///   - url: The lockfile's resolved URL (absolute, or registry-relative as pnpm 5 writes it).
    ///   - name: The package name (for scope registries).
    /// - Returns: The URL to fetch.
    public func npmTarballURL(_ url: String, name: String) -> String {
        let registry = settings.npmRegistry(for: name)
        guard let parts = URLParts(url) else {
            return URLParts.resolve(url, against: registry) ?? url
        }
        guard Self.publicNPMHosts.contains(parts.host), let registryParts = URLParts(registry),
            !Self.publicNPMHosts.contains(registryParts.host)
        else { return url }
        let path = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
        return registry + path
    }

    // MARK: - Private

    private func request(_ location: String, _ package: LockedPackage) -> ArchiveRequest {
        let fileName = location.split(separator: "/").last.map { String($0.split(separator: "?").first ?? $0) } ?? location
        let expectation: ArchiveRequest.Expectation = switch package.ecosystem {
        case .npm: package.integrity.isEmpty ? .none : .all(package.integrity)
        case .pypi: package.integrity.isEmpty ? .none : .anyOf(package.integrity)
        }
        return ArchiveRequest(location: location, fileName: fileName, expectation: expectation)
    }

    private func localArchive(_ url: String, in directory: String) -> String? {
        guard url.hasPrefix("file:") || url.hasPrefix("./") || url.hasPrefix("../") || url.hasPrefix("/") else { return nil }
        var path = url.hasPrefix("file:") ? String(url.dropFirst(5)) : url
        if path.hasPrefix("//") { path = String(path.dropFirst(2)) }
        let lower = path.lowercased()
        guard [".tgz", ".tar.gz", ".zip", ".whl"].contains(where: { lower.hasSuffix($0) }) else { return nil }
        return path.hasPrefix("/") ? path : (directory as NSString).appendingPathComponent(path)
    }

    private func locateNPM(_ package: LockedPackage) async throws(FetchError) -> PackageArchives {
        if let url = package.source.url {
            return PackageArchives(requests: [request(npmTarballURL(url, name: package.name), package)])
        }
        let registry = settings.npmRegistry(for: package.name)
        let escaped = package.name.replacingOccurrences(of: "/", with: "%2f")
        let packumentURL = registry + escaped
        let response = try await http.get(packumentURL, accept: "application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8")
        guard let document = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any],
            let versions = document["versions"] as? [String: Any],
            let entry = versions[package.version] as? [String: Any], let dist = entry["dist"] as? [String: Any],
            let tarball = dist["tarball"] as? String
        else {
            throw FetchError(
                code: .httpStatus, message: "the packument \(packumentURL) does not list version \(package.version)",
                url: packumentURL, status: 404)
        }
        var registryHashes = (dist["integrity"] as? String).map(Integrity.sriList) ?? []
        if registryHashes.isEmpty, let shasum = dist["shasum"] as? String, Integrity.isHex(Substring(shasum), byteCount: 20) {
            registryHashes = [Integrity(algorithm: .sha1, hex: shasum)]
        }
        let lockfileHashes = package.integrity.filter { $0.algorithm != .yarnBerry }
        let expectation: ArchiveRequest.Expectation =
            lockfileHashes.isEmpty ? (registryHashes.isEmpty ? .none : .registry(registryHashes)) : .all(lockfileHashes)
        let location = npmTarballURL(tarball, name: package.name)
        let fileName = location.split(separator: "/").last.map(String.init) ?? location
        return PackageArchives(requests: [ArchiveRequest(location: location, fileName: fileName, expectation: expectation)])
    }

    private func locatePyPI(_ package: LockedPackage) async throws(FetchError) -> PackageArchives {
        if let url = package.source.url, URLParts(url) != nil, PyPIIndex.version(of: url.split(separator: "/").last.map(String.init) ?? "", project: package.name) != nil {
            return PackageArchives(requests: [request(url, package)])
        }
        let project = PackageName.pep503(package.name)
        let pageURL = settings.pypiIndex + project + "/"
        let response = try await http.get(pageURL, accept: PyPIIndex.accept)
        let files = try PyPIIndex.files(in: response).filter {
            PyPIIndex.version(of: $0.fileName, project: project).map { Self.sameVersion($0, package.version) } ?? false
        }
        guard !files.isEmpty else {
            throw FetchError(
                code: .httpStatus, message: "the index \(pageURL) lists no file of \(project) \(package.version)",
                url: pageURL, status: 404)
        }
        let pinned = Set(package.integrity)
        let candidates = pinned.isEmpty ? files : files.filter { !Set($0.hashes).isDisjoint(with: pinned) }
        let ordered = candidates.sorted { Self.preference($0) < Self.preference($1) }
        let chosen = ordered.prefix(maxFilesPerRelease)
        let requests = chosen.map { file in
            ArchiveRequest(
                location: file.url, fileName: file.fileName,
                expectation: pinned.isEmpty ? (file.hashes.isEmpty ? .none : .registry(file.hashes)) : .anyOf(package.integrity))
        }
        if requests.isEmpty {
            // The lockfile pins hashes, and no file the index offers has one of them: whatever would be installed is
            // not what was locked. Fetch the preferred file anyway so the mismatch is proven on real bytes.
            let fallback = files.sorted { Self.preference($0) < Self.preference($1) }[0]
            return PackageArchives(requests: [
                ArchiveRequest(location: fallback.url, fileName: fallback.fileName, expectation: .anyOf(package.integrity))
            ])
        }
        return PackageArchives(requests: requests, skippedFiles: ordered.dropFirst(maxFilesPerRelease).map(\.fileName))
    }

    /// sdists first (they carry setup.py), then pure-Python wheels, then the rest by name.
    private static func preference(_ file: PyPIIndex.File) -> (Int, String) {
        if !file.isWheel { return (0, file.fileName) }
        if file.fileName.hasSuffix("-none-any.whl") { return (1, file.fileName) }
        return (2, file.fileName)
    }

    private static func sameVersion(_ a: String, _ b: String) -> Bool {
        a == b || a.lowercased().replacingOccurrences(of: "_", with: "-") == b.lowercased().replacingOccurrences(of: "_", with: "-")
    }
}
