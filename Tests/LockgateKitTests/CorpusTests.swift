import Fetch
import Foundation
import LockgateCore
import LockgateKit
import LockgateTestSupport
import Testing

/// `CorpusManifest`, `CorpusLoader` and `SequenceCache` on small corpus folders written by the tests (synthetic
/// archives only: never the real corpus).
@Suite struct CorpusTests {
    /// A corpus folder: labels.csv and the archives it lists, with their real sha256 unless overridden.
    final class Corpus: @unchecked Sendable {
        // @unchecked Sendable: immutable after init.
        let directory: TemporaryDirectory
        let folder: String
        let benignCache: String
        let cacheDirectory: String
        /// listed path → sha256 of the archive written.
        private(set) var digests: [String: String] = [:]

        init(name: String = "corpus") throws {
            directory = try TemporaryDirectory()
            folder = directory.path + "/" + name
            benignCache = directory.path + "/benign-cache"
            cacheDirectory = directory.path + "/cache"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: benignCache, withIntermediateDirectories: true)
        }

        /// Writes an archive into the corpus folder and returns its sha256.
        @discardableResult
        func archive(_ listed: String, _ kind: DetectorFixtures.Kind, variant: Int) throws -> String {
            let name = kind.isNPM ? "pkg-\(variant)" : "pkg\(variant)"
            let data = try DetectorFixtures.archive(kind, name: name, version: "1.0.\(variant)", variant: variant)
            try directory.write((folder as NSString).lastPathComponent + "/" + listed, data: data)
            digests[listed] = Digest.sha256(data)
            return Digest.sha256(data)
        }

        /// Writes labels.csv.
        func labels(_ rows: [String]) throws {
            let text = (["path,ecosystem,label,source,group,sha256"] + rows).joined(separator: "\n") + "\n"
            try directory.write((folder as NSString).lastPathComponent + "/labels.csv", text)
        }

        /// A labels.csv row for an archive written by `archive`.
        func row(_ listed: String, _ ecosystem: String, _ label: String, group: String = "", sha256: String? = nil)
            -> String
        {
            "\(listed),\(ecosystem),\(label),synthetic,\(group),\(sha256 ?? digests[listed] ?? "")"
        }

        /// A loader with a sequence cache under the test's folder.
        func loader(refresh: Bool = false, cache: Bool = true) -> CorpusLoader {
            CorpusLoader(
                cache: cache ? SequenceCache(cacheDirectory: cacheDirectory, analyserVersion: "test-1") : nil,
                benignCache: benignCache, refresh: refresh, concurrency: 2)
        }
    }

    /// A corpus of four archives, one per fixture kind.
    static func standard() throws -> Corpus {
        let corpus = try Corpus()
        try corpus.archive("npm/bad.tgz", .npmStealer, variant: 1)
        try corpus.archive("npm/good.tgz", .npmPlain, variant: 2)
        try corpus.archive("pypi/bad.tar.gz", .pypiStealer, variant: 3)
        try corpus.archive("pypi/good.tar.gz", .pypiPlain, variant: 4)
        try corpus.labels([
            corpus.row("npm/bad.tgz", "npm", "malicious", group: "family-a"),
            corpus.row("npm/good.tgz", "npm", "benign"),
            corpus.row("pypi/bad.tar.gz", "pypi", "malicious", group: "family-b"),
            corpus.row("pypi/good.tar.gz", "pypi", "benign"),
        ])
        return corpus
    }

    @Test func aCorpusFolderLoadsIntoLabelledSequences() async throws {
        let corpus = try Self.standard()
        let loaded = try await corpus.loader().load([corpus.folder])
        #expect(loaded.problems.isEmpty)
        #expect(loaded.notes.isEmpty)
        #expect(loaded.folders == [corpus.folder])
        #expect(loaded.digest.count == 64)
        #expect(
            loaded.samples.map(\.identifier) == ["npm/bad.tgz", "npm/good.tgz", "pypi/bad.tar.gz", "pypi/good.tar.gz"])
        #expect(loaded.samples.map(\.isMalicious) == [true, false, true, false])
        #expect(loaded.samples.map(\.ecosystem) == [.npm, .npm, .pypi, .pypi])
        // An empty group falls back to the listed path.
        #expect(loaded.samples.map(\.group) == ["family-a", "npm/good.tgz", "family-b", "pypi/good.tar.gz"])
        let stealer = try #require(loaded.samples.first)
        #expect(
            stealer.sequence.behaviours.contains { $0.kind == .readEnvironmentAll }, "\(stealer.sequence.tokenStrings)")
        #expect(stealer.sequence.features.hasInstallHook)
    }

    @Test func theManifestDigestFollowsTheLabels() throws {
        let corpus = try Self.standard()
        let first = try CorpusManifest.read(folder: corpus.folder, benignCache: corpus.benignCache)
        #expect(try CorpusManifest.read(folder: corpus.folder, benignCache: corpus.benignCache).digest == first.digest)
        try corpus.labels([corpus.row("npm/bad.tgz", "npm", "malicious")])
        let changed = try CorpusManifest.read(folder: corpus.folder, benignCache: corpus.benignCache)
        #expect(changed.digest != first.digest)
        #expect(changed.entries.count == 1)
        #expect(changed.entries.first?.archivePath == corpus.folder + "/npm/bad.tgz")
    }

    @Test func aMissingArchiveAndABadHashAreLeftOutWithTheirReasons() async throws {
        let corpus = try Self.standard()
        let wrong = String(repeating: "0", count: 64)
        try corpus.labels([
            corpus.row("npm/bad.tgz", "npm", "malicious"),
            corpus.row("npm/gone.tgz", "npm", "benign", sha256: String(repeating: "a", count: 64)),
            corpus.row("pypi/good.tar.gz", "pypi", "benign", sha256: wrong),
        ])
        let loaded = try await corpus.loader().load([corpus.folder])
        #expect(loaded.samples.map(\.identifier) == ["npm/bad.tgz"])
        #expect(loaded.problems.count == 2)
        #expect(loaded.problems.contains { $0.hasPrefix("npm/gone.tgz: the archive ") && $0.hasSuffix(" is missing") })
        let actual = try #require(corpus.digests["pypi/good.tar.gz"])
        #expect(loaded.problems.contains("pypi/good.tar.gz: sha256 is \(actual), the manifest says \(wrong)"))
    }

    @Test func nothingReadableIsAnError() async throws {
        let corpus = try Corpus()
        try corpus.labels([corpus.row("npm/none.tgz", "npm", "benign", sha256: String(repeating: "b", count: 64))])
        await #expect(throws: CorpusError.empty("no archive of \(corpus.folder) could be read")) {
            try await corpus.loader().load([corpus.folder])
        }
    }

    @Test func aMissingFolderOrLabelsFileIsNamed() async throws {
        let corpus = try Corpus()
        let labels = corpus.folder + "/labels.csv"
        #expect(throws: CorpusError.missing(path: labels)) {
            try CorpusManifest.read(folder: corpus.folder, benignCache: corpus.benignCache)
        }
        #expect(CorpusError.missing(path: labels).description.hasPrefix("\(labels): not found"))
        await #expect(throws: CorpusError.self) { try await corpus.loader().load([corpus.directory.path + "/nope"]) }
    }

    /// Malformed rows of labels.csv: the error names the line, the column and what was expected.
    @Test(arguments: [
        ("npm/a.tgz,npm,evil,s,g,\(String(repeating: "c", count: 64))", 2, 15, "malicious or benign"),
        ("npm/a.tgz,cargo,benign,s,g,\(String(repeating: "c", count: 64))", 2, 11, "npm or pypi"),
        ("npm/a.tgz,npm,benign,s,g,xyz", 2, 26, "64 hexadecimal digits"),
        ("../a.tgz,npm,benign,s,g,\(String(repeating: "c", count: 64))", 2, 1, "a relative path inside the corpus"),
        ("/abs/a.tgz,npm,benign,s,g,\(String(repeating: "c", count: 64))", 2, 1, "a relative path inside the corpus"),
        ("npm/a.tgz,npm", 2, 14, "a `label` field"),
    ])
    func malformedRowsAreErrorsWithTheirPlace(row: String, line: Int, column: Int, expected: String) throws {
        let corpus = try Corpus()
        try corpus.labels([row])
        let labels = corpus.folder + "/labels.csv"
        #expect(throws: CorpusError.malformed(path: labels, line: line, column: column, expected: expected)) {
            try CorpusManifest.read(folder: corpus.folder, benignCache: corpus.benignCache)
        }
    }

    @Test func aHeaderWithoutAColumnIsAnError() throws {
        let corpus = try Corpus()
        try corpus.directory.write("corpus/labels.csv", "path,ecosystem,label,group,sha256\n")
        #expect(throws: CorpusError.malformed(
            path: corpus.folder + "/labels.csv", line: 1, column: 1, expected: "a `source` column in the header"))
        {
            try CorpusManifest.read(folder: corpus.folder, benignCache: corpus.benignCache)
        }
        let error = CorpusError.malformed(path: "x/labels.csv", line: 3, column: 7, expected: "npm or pypi")
        #expect(error.description == "x/labels.csv:3:7: expected npm or pypi")
    }

    @Test func theBenignPyPIManifestNotesMissingFilesAndLoadsThePresentOnes() async throws {
        let corpus = try Corpus()
        try corpus.archive("npm/bad.tgz", .npmStealer, variant: 5)
        try corpus.labels([corpus.row("npm/bad.tgz", "npm", "malicious")])
        let present = try DetectorFixtures.archive(.pypiPlain, name: "Some_Lib", version: "2.0", variant: 6)
        try present.write(to: URL(fileURLWithPath: corpus.benignCache + "/Some_Lib-2.0.tar.gz"))
        let missingSHA = String(repeating: "d", count: 64)
        try corpus.directory.write("corpus/pypi-benign.json", """
            [{"name": "Some_Lib", "filename": "Some_Lib-2.0.tar.gz", "sha256": "\(Digest.sha256(present))",
              "kind": "top"},
             {"name": "other", "filename": "other-1.0.tar.gz", "sha256": "\(missingSHA)", "group": "g-other"}]
            """)
        let manifest = try CorpusManifest.read(folder: corpus.folder, benignCache: corpus.benignCache)
        #expect(manifest.entries.count == 3)
        #expect(manifest.notes.count == 1)
        let note = try #require(manifest.notes.first)
        #expect(note.hasPrefix("1 of 2 files of \(corpus.folder)/pypi-benign.json are not in \(corpus.benignCache)"))
        #expect(note.contains("fetch-pypi-benign"))

        let loaded = try await corpus.loader().load([corpus.folder])
        #expect(loaded.notes == manifest.notes)
        #expect(loaded.problems.count == 1)
        #expect(loaded.problems.first?.hasPrefix("other-1.0.tar.gz: the archive ") == true)
        let benign = try #require(loaded.samples.first { $0.identifier == "Some_Lib-2.0.tar.gz" })
        #expect(!benign.isMalicious)
        #expect(benign.ecosystem == .pypi)
        #expect(benign.source == "pypi-top")
        #expect(benign.group == "pypi:some-lib")
        #expect(manifest.entries.first { $0.listedPath == "other-1.0.tar.gz" }?.group == "g-other")
    }

    @Test(arguments: [
        #"{"name": "x"}"#,
        #"[{"name": "x", "filename": "../x.tar.gz", "sha256": "\#(String(repeating: "e", count: 64))"}]"#,
        #"[{"name": "x", "filename": "x.tar.gz", "sha256": "short"}]"#,
    ])
    func aMalformedBenignManifestIsAnError(text: String) throws {
        let corpus = try Corpus()
        try corpus.labels([])
        try corpus.directory.write("corpus/pypi-benign.json", text)
        do {
            _ = try CorpusManifest.read(folder: corpus.folder, benignCache: corpus.benignCache)
            Issue.record("expected an error for \(text)")
        } catch {
            guard case .malformed(let path, let line, _, let expected) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(path == corpus.folder + "/pypi-benign.json")
            #expect(line == 1)
            #expect(!expected.isEmpty)
        }
    }

    @Test func anArchiveListedInTwoFoldersIsReadOnce() async throws {
        let first = try Self.standard()
        let second = try Corpus(name: "second")
        let data = try Data(contentsOf: URL(fileURLWithPath: first.folder + "/npm/bad.tgz"))
        try second.directory.write("second/copy.tgz", data: data)
        try second.labels(["copy.tgz,npm,malicious,other,,\(Digest.sha256(data))"])
        let loaded = try await first.loader().load([first.folder, second.folder])
        #expect(loaded.samples.count == 4)
        #expect(loaded.notes == ["1 archives listed twice were read once"])
        let alone = try await first.loader().load([first.folder])
        #expect(loaded.digest != alone.digest, "the digest covers every folder's manifest")
    }

    @Test func aSecondLoadUsesTheSequenceCache() async throws {
        let corpus = try Self.standard()
        let first = try await corpus.loader().load([corpus.folder])
        #expect(first.problems.isEmpty)
        // The archives are gone: only the cache can answer now.
        try FileManager.default.removeItem(atPath: corpus.folder + "/npm")
        try FileManager.default.removeItem(atPath: corpus.folder + "/pypi")
        let second = try await corpus.loader().load([corpus.folder])
        #expect(second.problems.isEmpty)
        #expect(second.samples.map(\.identifier) == first.samples.map(\.identifier))
        #expect(second.samples.map(\.sequence.tokenStrings) == first.samples.map(\.sequence.tokenStrings))
        #expect(second.samples.map(\.sequence.features) == first.samples.map(\.sequence.features))
        // --refresh ignores the cache, and finds every archive missing.
        await #expect(throws: CorpusError.empty("no archive of \(corpus.folder) could be read")) {
            try await corpus.loader(refresh: true).load([corpus.folder])
        }
        // So does a loader without a cache.
        await #expect(throws: CorpusError.self) { try await corpus.loader(cache: false).load([corpus.folder]) }
    }

    @Test func theSequenceCacheKeepsNoEvidenceTextAndIsKeyedByAnalyserVersion() async throws {
        let corpus = try Self.standard()
        _ = try await corpus.loader().load([corpus.folder])
        let cache = SequenceCache(cacheDirectory: corpus.cacheDirectory, analyserVersion: "test-1")
        let sha256 = try #require(corpus.digests["npm/bad.tgz"])
        let cached = try #require(cache.sequence(sha256: sha256))
        #expect(!cached.behaviours.isEmpty)
        #expect(cached.behaviours.allSatisfy { $0.path.hasPrefix("file") && $0.snippet.isEmpty })
        #expect(cached.behaviours.allSatisfy { $0.line >= 1 })
        #expect(FileManager.default.fileExists(atPath: cache.folder + "/\(sha256.prefix(2))/\(sha256).json"))
        let other = SequenceCache(cacheDirectory: corpus.cacheDirectory, analyserVersion: "test-2")
        #expect(other.sequence(sha256: sha256) == nil)
        let odd = SequenceCache(cacheDirectory: "/c", analyserVersion: "a/b c..")
        #expect(odd.folder == "/c/corpus-sequences/a_b_c..")
        // A corrupt cache file is ignored, not trusted.
        try Data("not json".utf8).write(to: URL(fileURLWithPath: cache.folder + "/\(sha256.prefix(2))/\(sha256).json"))
        #expect(cache.sequence(sha256: sha256) == nil)
    }

    @Test func theSequenceCacheKeepsWhichBehavioursShareAFile() throws {
        // The model pairs kinds found in one file (`with:` features): a cached sequence must group its behaviours by
        // file exactly as the analysed one did, though the paths themselves are not kept.
        let paths = ["package/a.js", "package/b.js", "package/a.js", "package/lib/c.js", "package/b.js"]
        let behaviours = paths.enumerated().map { index, path in
            Behaviour(
                kind: index % 2 == 0 ? .readEnvironmentAll : .useNetwork, path: path, line: index + 1, column: 1,
                snippet: "evidence \(index)", language: .javascript, context: .runtime)
        }
        let sequence = BehaviourSequence(
            ecosystem: .npm, behaviours: behaviours, tokens: behaviours.indices.map { .behaviour($0) },
            features: PackageFeatures(fileCount: 3, totalBytes: 100, javascriptFiles: 3, sourceBytes: 90))
        let directory = NSTemporaryDirectory() + "lockgate-cache-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let cache = SequenceCache(cacheDirectory: directory, analyserVersion: "test-1")
        cache.store(sequence, sha256: String(repeating: "ab", count: 32))
        let cached = try #require(cache.sequence(sha256: String(repeating: "ab", count: 32)))
        #expect(cached.behaviours.map(\.path) == ["file0", "file1", "file0", "file2", "file1"])
        #expect(cached.behaviours.map(\.kind) == sequence.behaviours.map(\.kind))
        #expect(cached.behaviours.allSatisfy { $0.snippet.isEmpty })
    }

    @Test func aCachedSequenceOfTheWrongEcosystemIsNotUsed() async throws {
        let corpus = try Self.standard()
        let sha256 = try #require(corpus.digests["npm/bad.tgz"])
        let cache = SequenceCache(cacheDirectory: corpus.cacheDirectory, analyserVersion: "test-1")
        let planted = BehaviourSequence(ecosystem: .pypi, behaviours: [], tokens: [], features: PackageFeatures())
        cache.store(planted, sha256: sha256)
        let loaded = try await corpus.loader().load([corpus.folder])
        let sample = try #require(loaded.samples.first { $0.identifier == "npm/bad.tgz" })
        #expect(sample.ecosystem == .npm)
        #expect(!sample.sequence.behaviours.isEmpty)
    }
}
