import ArgumentParser
import Cache
import Foundation
import LockgateCore

extension Lockgate {
    /// `lockgate cache`: manage the archive and verdict cache.
    struct CacheCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cache",
            abstract: "Manage lockgate's cache of archives and verdicts.",
            subcommands: [Prune.self, Path.self])

        /// `lockgate cache prune`.
        struct Prune: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Remove cached archives and verdicts older than a number of days (or everything with --all).")

            @Option(help: "Remove entries not used for this many days.")
            var olderThanDays: Int = 30

            @Flag(help: "Remove everything.")
            var all = false

            @Option(help: "The cache directory (default: $XDG_CACHE_HOME/lockgate, else ~/.cache/lockgate).")
            var cacheDir: String?

            func validate() throws {
                guard olderThanDays >= 0 else { throw ValidationError("--older-than-days must be 0 or more") }
            }

            func run() async throws {
                let directory = CacheLocation.directory(explicit: cacheDir, environment: ProcessInfo.processInfo.environment)
                let age: TimeInterval? = all ? nil : TimeInterval(olderThanDays) * 86_400
                do {
                    let archives = try ArchiveStore(cacheDirectory: directory, sha256: { _ in "" })
                    let removed = archives.prune(olderThan: age ?? -1)
                    let rows = try AnalysisStore(cacheDirectory: directory).prune(olderThan: age)
                    print("lockgate: removed \(removed.files) archives (\(removed.bytes / 1024) KB) and \(rows) cached verdicts from \(directory)")
                } catch {
                    printError("lockgate: \(error)")
                    throw ExitCode(ExitStatus.incomplete.rawValue)
                }
            }
        }

        /// `lockgate cache path`.
        struct Path: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Print the cache directory.")

            @Option(help: "The cache directory (default: $XDG_CACHE_HOME/lockgate, else ~/.cache/lockgate).")
            var cacheDir: String?

            func run() async throws {
                print(CacheLocation.directory(explicit: cacheDir, environment: ProcessInfo.processInfo.environment))
            }
        }
    }
}
