import Analysis
import Foundation
import LockgateCore

/// One labelled archive of the corpus.
struct CorpusArchive: Sendable {
    /// The archive file.
    var url: URL
    /// Its ecosystem.
    var ecosystem: Ecosystem
    /// `malicious` or `benign`.
    var label: String
}

/// Finds the labelled corpus: `../shared/corpus/labels.csv` beside the repository, plus the benign PyPI half in
/// `~/.cache/lockgate-corpus/pypi-benign` (or `$LOCKGATE_CORPUS_CACHE`) when it has been fetched.
enum Corpus {
    /// The default corpus folder: `../shared/corpus` from the working directory, else beside the repository this
    /// file belongs to.
    static func defaultFolder() -> URL {
        let fromWorkingDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            .deletingLastPathComponent().appendingPathComponent("shared/corpus")
        if FileManager.default.fileExists(atPath: fromWorkingDirectory.appendingPathComponent("labels.csv").path) {
            return fromWorkingDirectory
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus")
    }

    /// The benign PyPI download folder.
    static var benignPyPI: URL {
        URL(
            fileURLWithPath: ProcessInfo.processInfo.environment["LOCKGATE_CORPUS_CACHE"]
                ?? NSHomeDirectory() + "/.cache/lockgate-corpus/pypi-benign")
    }

    /// Every archive of `labels.csv`, then the fetched benign PyPI files; also how many of those are missing.
    static func archives(in folder: URL) throws -> (archives: [CorpusArchive], missingBenign: Int) {
        let labels = try String(contentsOf: folder.appendingPathComponent("labels.csv"), encoding: .utf8)
        var archives: [CorpusArchive] = []
        for line in labels.split(separator: "\n").dropFirst() {
            let columns = line.split(separator: ",", omittingEmptySubsequences: false)
            guard columns.count >= 3, let ecosystem = Ecosystem(rawValue: String(columns[1])) else { continue }
            archives.append(
                CorpusArchive(
                    url: folder.appendingPathComponent(String(columns[0])), ecosystem: ecosystem,
                    label: String(columns[2])))
        }
        var missing = 0
        let listing = folder.appendingPathComponent("pypi-benign.json")
        if let data = try? Data(contentsOf: listing),
            let rows = try JSONSerialization.jsonObject(with: data) as? [[String: Any]]
        {
            for name in rows.compactMap({ $0["filename"] as? String }) {
                let url = benignPyPI.appendingPathComponent(name)
                if FileManager.default.fileExists(atPath: url.path) {
                    archives.append(CorpusArchive(url: url, ecosystem: .pypi, label: "benign"))
                } else {
                    missing += 1
                }
            }
        }
        return (archives, missing)
    }

    /// The archives under a folder (or the given archive files), unlabelled, ecosystem detected from content.
    static func archives(at paths: [String]) -> [URL] {
        var result: [URL] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if !isDirectory.boolValue {
                result.append(URL(fileURLWithPath: path))
                continue
            }
            let enumerator = FileManager.default.enumerator(atPath: path)
            while let item = enumerator?.nextObject() as? String {
                let lower = item.lowercased()
                if [".tgz", ".tar.gz", ".whl", ".zip", ".tar"].contains(where: lower.hasSuffix) {
                    result.append(URL(fileURLWithPath: path).appendingPathComponent(item))
                }
            }
        }
        return result.sorted { $0.path < $1.path }
    }

    /// Runs `body` on every archive, on up to two workers with an analyser each, and returns the results in the
    /// archives' order.
    static func mapInParallel<T: Sendable>(
        _ archives: [CorpusArchive], _ body: @escaping @Sendable (CorpusArchive, PackageAnalyzer) -> T
    ) async -> [T] {
        let workers = max(1, min(2, ProcessInfo.processInfo.activeProcessorCount))
        return await withTaskGroup(of: [(Int, T)].self) { group in
            for worker in 0..<workers {
                group.addTask {
                    let analyzer = PackageAnalyzer()
                    return archives.indices.filter { $0 % workers == worker }.map { ($0, body(archives[$0], analyzer)) }
                }
            }
            var all: [(Int, T)] = []
            for await part in group { all += part }
            return all.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }
}
