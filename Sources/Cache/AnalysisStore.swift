import Foundation
import GRDB

/// What lockgate concluded about one archive before any policy: its findings at their rules' default severities and
/// the detector's score. Policies are applied afresh on every run, so changing the policy never needs a new download.
public struct CachedAnalysis: Sendable, Hashable, Codable {
    /// Findings as the analysis stages produced them (JSON-encoded Core `Finding`s).
    public var findingsJSON: Data
    /// The detector score, once a detector exists.
    public var score: Double?

    /// Creates a cached analysis.
    public init(findingsJSON: Data, score: Double?) {
        self.findingsJSON = findingsJSON
        self.score = score
    }
}

/// The verdict database: analyses keyed by archive sha256, analyser version and model version, and the lockfile
/// identities (ecosystem, name, version, pinned hashes) that lead to those archives, so an unchanged lockfile is
/// judged again without a single network request. SQLite through GRDB, in WAL mode.
public struct AnalysisStore: Sendable {
    private let database: DatabasePool
    /// The database file.
    public let path: String

    /// Opens (creating and migrating if needed) the database under a cache directory.
    /// - Parameter cacheDirectory: The cache directory.
    /// - Throws: `CacheError` when the database cannot be opened or migrated.
    public init(cacheDirectory: String) throws(CacheError) {
        path = (cacheDirectory as NSString).appendingPathComponent("verdicts.sqlite")
        do {
            try FileManager.default.createDirectory(atPath: cacheDirectory, withIntermediateDirectories: true)
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            database = try DatabasePool(path: path, configuration: configuration)
            try AnalysisStore.migrator.migrate(database)
        } catch {
            throw CacheError(path: path, message: "cannot open the verdict database: \(error)")
        }
    }

    /// The analysis of an archive by these analyser and model versions, if stored.
    /// - Parameters:
    ///   - sha256: The archive's sha256.
    ///   - analyserVersion: The analyser version.
    ///   - modelVersion: The model version.
    /// - Returns: The analysis, or nil.
    public func analysis(sha256: String, analyserVersion: String, modelVersion: String) -> CachedAnalysis? {
        try? database.read { db in
            guard let row = try Row.fetchOne(
                db,
                sql: "SELECT findings, score FROM analyses WHERE sha256 = ? AND analyser = ? AND model = ?",
                arguments: [sha256, analyserVersion, modelVersion])
            else { return nil }
            let findings: Data = row["findings"]
            let score: Double? = row["score"]
            return CachedAnalysis(findingsJSON: findings, score: score)
        }
    }

    /// Stores an archive's analysis.
    /// - Parameters:
    ///   - analysis: The analysis.
    ///   - sha256: The archive's sha256.
    ///   - analyserVersion: The analyser version.
    ///   - modelVersion: The model version.
    /// - Throws: `CacheError` when it cannot be written.
    public func store(_ analysis: CachedAnalysis, sha256: String, analyserVersion: String, modelVersion: String)
        throws(CacheError)
    {
        do {
            try database.write { db in
                try db.execute(
                    sql: """
                        INSERT OR REPLACE INTO analyses (sha256, analyser, model, findings, score, createdAt)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [sha256, analyserVersion, modelVersion, analysis.findingsJSON, analysis.score, Date()])
            }
        } catch {
            throw CacheError(path: path, message: "cannot store the analysis of \(sha256): \(error)")
        }
    }

    /// The archives a lockfile identity led to last time, if known.
    /// - Parameter identity: The identity key (see `LockfileIdentity`).
    /// - Returns: The archives' sha256s and file names, in order.
    public func archives(for identity: String) -> [IdentityArchive]? {
        try? database.read { db in
            guard let data = try Data.fetchOne(db, sql: "SELECT archives FROM identities WHERE identity = ?", arguments: [identity])
            else { return nil }
            return try? JSONDecoder().decode([IdentityArchive].self, from: data)
        }
    }

    /// Records which archives a lockfile identity led to (only verified archives are recorded).
    /// - Parameters:
    ///   - archives: The archives.
    ///   - identity: The identity key.
    /// - Throws: `CacheError` when it cannot be written.
    public func record(_ archives: [IdentityArchive], for identity: String) throws(CacheError) {
        do {
            let data = try JSONEncoder().encode(archives)
            try database.write { db in
                try db.execute(
                    sql: "INSERT OR REPLACE INTO identities (identity, archives, createdAt) VALUES (?, ?, ?)",
                    arguments: [identity, data, Date()])
            }
        } catch {
            throw CacheError(path: path, message: "cannot record the archives of \(identity): \(error)")
        }
    }

    /// For many lockfile identities at once (one read transaction), the archives each led to and those archives'
    /// stored analyses — only identities whose every archive has an analysis by these versions.
    /// - Parameters:
    ///   - identities: Identity keys.
    ///   - analyserVersion: The analyser version.
    ///   - modelVersion: The model version.
    /// - Returns: For each fully cached identity, its archives with their analyses, in order.
    public func cachedAnalyses(for identities: [String], analyserVersion: String, modelVersion: String)
        -> [String: [(archive: IdentityArchive, analysis: CachedAnalysis)]]
    {
        let decoder = JSONDecoder()
        let result = try? database.read { db -> [String: [(archive: IdentityArchive, analysis: CachedAnalysis)]] in
            let lookup = try db.makeStatement(sql: "SELECT archives FROM identities WHERE identity = ?")
            let analysis = try db.makeStatement(
                sql: "SELECT findings, score FROM analyses WHERE sha256 = ? AND analyser = ? AND model = ?")
            var found: [String: [(archive: IdentityArchive, analysis: CachedAnalysis)]] = [:]
            for identity in identities {
                guard let data = try Data.fetchOne(lookup, arguments: [identity]),
                    let archives = try? decoder.decode([IdentityArchive].self, from: data), !archives.isEmpty
                else { continue }
                var entries: [(archive: IdentityArchive, analysis: CachedAnalysis)] = []
                for archive in archives {
                    guard let row = try Row.fetchOne(analysis, arguments: [archive.sha256, analyserVersion, modelVersion])
                    else { break }
                    entries.append((archive, CachedAnalysis(findingsJSON: row["findings"], score: row["score"])))
                }
                if entries.count == archives.count { found[identity] = entries }
            }
            return found
        }
        return result ?? [:]
    }

    /// Deletes rows older than a given age, or everything.
    /// - Parameter age: Seconds; nil deletes every row.
    /// - Returns: Rows deleted.
    /// - Throws: `CacheError` when the database cannot be written.
    @discardableResult
    public func prune(olderThan age: TimeInterval?) throws(CacheError) -> Int {
        do {
            return try database.write { db in
                let cutoff = age.map { Date().addingTimeInterval(-$0) } ?? Date.distantFuture
                try db.execute(sql: "DELETE FROM analyses WHERE createdAt < ?", arguments: [cutoff])
                var deleted = db.changesCount
                try db.execute(sql: "DELETE FROM identities WHERE createdAt < ?", arguments: [cutoff])
                deleted += db.changesCount
                return deleted
            }
        } catch {
            throw CacheError(path: path, message: "cannot prune: \(error)")
        }
    }

    // MARK: - Private

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE analyses (
                    sha256 TEXT NOT NULL, analyser TEXT NOT NULL, model TEXT NOT NULL,
                    findings BLOB NOT NULL, score DOUBLE, createdAt DATETIME NOT NULL,
                    PRIMARY KEY (sha256, analyser, model));
                CREATE TABLE identities (
                    identity TEXT PRIMARY KEY NOT NULL, archives BLOB NOT NULL, createdAt DATETIME NOT NULL);
                """)
        }
        return migrator
    }
}

/// One archive a lockfile identity resolved to.
public struct IdentityArchive: Sendable, Hashable, Codable {
    /// The archive's sha256.
    public var sha256: String
    /// Its file name.
    public var fileName: String

    /// Creates a record.
    public init(sha256: String, fileName: String) {
        self.sha256 = sha256
        self.fileName = fileName
    }
}
