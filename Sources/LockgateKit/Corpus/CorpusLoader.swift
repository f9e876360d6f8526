import Analysis
import Archive
import Classifier
import Fetch
import Foundation
import LockgateCore

/// Reads labelled corpora into behaviour sequences: each archive is read in memory (never unpacked), checked
/// against its sha256, and analysed; sequences are cached by archive sha256.
public struct CorpusLoader: Sendable {
    /// The sequence cache, or nil to analyse every archive.
    public var cache: SequenceCache?
    /// Where pypi-benign.json's files are.
    public var benignCache: String
    /// Analyse again even when a cached sequence exists (and refresh the cache).
    public var refresh: Bool
    /// Archives analysed at once.
    public var concurrency: Int

    /// Creates a loader.
    /// - Parameters:
    ///   - cache: The sequence cache, or nil.
    ///   - benignCache: Where pypi-benign.json's files are.
    ///   - refresh: Whether to ignore cached sequences.
    ///   - concurrency: Archives analysed at once.
    public init(cache: SequenceCache?, benignCache: String, refresh: Bool = false, concurrency: Int = 2) {
        self.cache = cache
        self.benignCache = benignCache
        self.refresh = refresh
        self.concurrency = concurrency
    }

    /// Loads corpus folders.
    /// - Parameters:
    ///   - folders: The corpus folders.
    ///   - progress: Called now and then with a status line.
    /// - Returns: The labelled sequences, the corpora's digest, and what was left out.
    /// - Throws: `CorpusError` when a manifest is missing or malformed, or nothing could be read.
    public func load(_ folders: [String], progress: (@Sendable (String) -> Void)? = nil) async throws(CorpusError)
        -> LoadedCorpus
    {
        var entries: [CorpusEntry] = []
        var digests = ""
        var notes: [String] = []
        var seen: Set<String> = []
        var duplicates = 0
        for folder in folders {
            let manifest = try CorpusManifest.read(folder: folder, benignCache: benignCache)
            digests += manifest.digest + "\n"
            notes += manifest.notes
            for entry in manifest.entries {
                if seen.insert(entry.sha256).inserted { entries.append(entry) } else { duplicates += 1 }
            }
        }
        if duplicates > 0 { notes.append("\(duplicates) archives listed twice were read once") }
        let results = await analyse(entries, progress: progress)
        var samples: [LabelledSequence] = []
        var problems: [String] = []
        for (entry, result) in zip(entries, results) {
            switch result {
            case .success(let sequence):
                samples.append(
                    LabelledSequence(
                        sequence: sequence, isMalicious: entry.isMalicious, source: entry.source, group: entry.group,
                        identifier: entry.listedPath))
            case .failure(let problem):
                problems.append("\(entry.listedPath): \(problem.message)")
            }
        }
        guard !samples.isEmpty else { throw .empty("no archive of \(folders.joined(separator: ", ")) could be read") }
        return LoadedCorpus(
            samples: samples, digest: Digest.sha256(Data(digests.utf8)), folders: folders, problems: problems,
            notes: notes)
    }

    /// Why one archive was left out.
    struct Problem: Error, Sendable {
        var message: String
    }

    // MARK: - Private

    /// Analyses the entries, `concurrency` at a time, results in entry order.
    private func analyse(_ entries: [CorpusEntry], progress: (@Sendable (String) -> Void)?) async
        -> [Result<BehaviourSequence, Problem>]
    {
        let loader = self
        var results = [Result<BehaviourSequence, Problem>](
            repeating: .failure(Problem(message: "not read")), count: entries.count)
        await withTaskGroup(of: (Int, Result<BehaviourSequence, Problem>).self) { group in
            var next = 0
            var done = 0
            while next < min(max(concurrency, 1), entries.count) {
                let index = next
                group.addTask { (index, loader.sequence(for: entries[index])) }
                next += 1
            }
            while let (index, result) = await group.next() {
                results[index] = result
                done += 1
                if done % 500 == 0 || done == entries.count {
                    progress?("analysed \(done) of \(entries.count) archives")
                }
                if next < entries.count {
                    let index = next
                    group.addTask { (index, loader.sequence(for: entries[index])) }
                    next += 1
                }
            }
        }
        return results
    }

    /// One archive's sequence, from the cache or by analysis.
    private func sequence(for entry: CorpusEntry) -> Result<BehaviourSequence, Problem> {
        if !refresh, let cached = cache?.sequence(sha256: entry.sha256), cached.ecosystem == entry.ecosystem {
            return .success(cached)
        }
        guard let data = FileManager.default.contents(atPath: entry.archivePath) else {
            return .failure(Problem(message: "the archive \(entry.archivePath) is missing"))
        }
        let actual = Digest.sha256(data)
        guard actual == entry.sha256 else {
            return .failure(Problem(message: "sha256 is \(actual), the manifest says \(entry.sha256)"))
        }
        let contents: ArchiveContents
        do {
            contents = try ArchiveReader.read(data, name: entry.listedPath)
        } catch {
            return .failure(Problem(message: "unreadable archive: \(error)"))
        }
        let files = contents.files.map { PackageFile(path: $0.path, data: $0.data, isExecutable: $0.isExecutable) }
        let sequence = PackageAnalyzer().analyse(files: files, ecosystem: entry.ecosystem).sequence
        cache?.store(sequence, sha256: entry.sha256)
        return .success(sequence)
    }
}
