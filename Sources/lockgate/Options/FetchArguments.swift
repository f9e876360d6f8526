import ArgumentParser
import Cache
import Foundation
import LockgateKit

/// Options of the commands that download packages.
struct FetchArguments: ParsableArguments {
    @Flag(help: "Check the lockfiles alone: download nothing (packages are then not analysed).")
    var lockfileOnly = false

    @Flag(help: "Use only the cache; a package not in it ends the run with exit 3.")
    var offline = false

    @Option(help: "Downloads in flight at once.")
    var jobs: Int = 16

    @Option(help: "The cache directory (default: $XDG_CACHE_HOME/lockgate, else ~/.cache/lockgate).")
    var cacheDir: String?

    @Option(help: "A CA bundle (PEM) to trust instead of the system's, for private registries.")
    var caBundle: String?

    @Option(help: "Seconds allowed for each download.")
    var timeout: Double = 120

    func validate() throws {
        guard jobs >= 1 && jobs <= 256 else { throw ValidationError("--jobs must be between 1 and 256, got \(jobs)") }
        guard timeout > 0 else { throw ValidationError("--timeout must be positive, got \(timeout)") }
        if lockfileOnly && offline { throw ValidationError("--lockfile-only and --offline cannot be used together") }
        if let caBundle, !FileManager.default.fileExists(atPath: caBundle) {
            throw ValidationError("--ca-bundle \(caBundle): no such file")
        }
    }

    /// The fetch options, or nil for `--lockfile-only`.
    var options: FetchOptions? {
        guard !lockfileOnly else { return nil }
        let environment = ProcessInfo.processInfo.environment
        return FetchOptions(
            offline: offline, jobs: jobs,
            cacheDirectory: CacheLocation.directory(explicit: cacheDir, environment: environment),
            caBundle: caBundle, timeout: timeout, environment: environment)
    }
}
