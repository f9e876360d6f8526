import Cache
import Fetch
import Foundation
import LockgateTestSupport
import Testing

/// The archive store and the SQLite verdict database, on real files in a temporary folder.
@Suite struct CacheTests {
    @Test func archivesRoundTripByContentAndCorruptEntriesAreDropped() throws {
        let directory = try TemporaryDirectory()
        let store = try ArchiveStore(cacheDirectory: directory.path, sha256: Digest.sha256)
        let data = Data("package bytes".utf8)
        let sha = Digest.sha256(data)
        try store.put(data, sha256: sha)
        #expect(store.get(sha) == data)
        // Nothing temporary is left beside the entry.
        let folder = directory.url.appendingPathComponent("archives/\(sha.prefix(2))")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [sha])
        // A corrupted entry is not served, and is removed.
        try Data("tampered".utf8).write(to: folder.appendingPathComponent(sha))
        #expect(store.get(sha) == nil)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(sha).path))
    }

    @Test func analysesAreKeyedByArchiveAnalyserAndModel() throws {
        let directory = try TemporaryDirectory()
        let store = try AnalysisStore(cacheDirectory: directory.path)
        let analysis = CachedAnalysis(findingsJSON: Data("[]".utf8), score: 0.25)
        try store.store(analysis, sha256: "ab", analyserVersion: "1", modelVersion: "m1")
        #expect(store.analysis(sha256: "ab", analyserVersion: "1", modelVersion: "m1") == analysis)
        #expect(store.analysis(sha256: "ab", analyserVersion: "2", modelVersion: "m1") == nil)
        #expect(store.analysis(sha256: "ab", analyserVersion: "1", modelVersion: "m2") == nil)
        // A second connection (a later run) sees the same rows: the database is a real file.
        let reopened = try AnalysisStore(cacheDirectory: directory.path)
        #expect(reopened.analysis(sha256: "ab", analyserVersion: "1", modelVersion: "m1")?.score == 0.25)
        #expect(FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("verdicts.sqlite").path))
    }

    @Test func identitiesLeadBackToTheirArchives() throws {
        let directory = try TemporaryDirectory()
        let store = try AnalysisStore(cacheDirectory: directory.path)
        let archives = [IdentityArchive(sha256: "aa", fileName: "x-1.0.tar.gz"), IdentityArchive(sha256: "bb", fileName: "x-1.0-py3-none-any.whl")]
        try store.record(archives, for: "pypi x 1.0 sha256:aa")
        #expect(store.archives(for: "pypi x 1.0 sha256:aa") == archives)
        #expect(store.archives(for: "pypi x 1.1") == nil)
        #expect(try store.prune(olderThan: nil) == 1)
        #expect(store.archives(for: "pypi x 1.0 sha256:aa") == nil)
    }

    @Test func unwritableCacheIsAClearError() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("not-a-folder", "x")
        #expect(throws: CacheError.self) { _ = try AnalysisStore(cacheDirectory: file + "/cache") }
    }

    @Test func cacheLocationFollowsXDG() {
        #expect(CacheLocation.directory(explicit: "/x", environment: [:]) == "/x")
        #expect(CacheLocation.directory(explicit: nil, environment: ["XDG_CACHE_HOME": "/c", "HOME": "/h"]) == "/c/lockgate")
        #expect(CacheLocation.directory(explicit: nil, environment: ["HOME": "/h"]) == "/h/.cache/lockgate")
    }
}
