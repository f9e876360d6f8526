import Foundation
import Testing

@testable import Archive

/// Where the shared corpus is: `../shared/corpus` beside the repository, and the benign PyPI half in the cache that
/// `corpus/fetch-pypi-benign` fills.
private enum Corpus {
    /// The repository root, derived from this file's path.
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    /// `../shared/corpus`.
    static let folder = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    /// The benign PyPI download folder.
    static let benignPyPI = URL(fileURLWithPath: ProcessInfo.processInfo.environment["LOCKGATE_CORPUS_CACHE"]
        ?? NSHomeDirectory() + "/.cache/lockgate-corpus/pypi-benign")
    /// Whether `labels.csv` is there.
    static var isPresent: Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("labels.csv").path)
    }

    /// Every archive listed in `labels.csv`, then the benign PyPI files that have been fetched.
    static func archives() throws -> (files: [URL], missingBenign: Int) {
        let labels = try String(contentsOf: folder.appendingPathComponent("labels.csv"), encoding: .utf8)
        var files = labels.split(separator: "\n").dropFirst().compactMap { line in
            line.split(separator: ",").first.map { folder.appendingPathComponent(String($0)) }
        }
        let listing = try Data(contentsOf: folder.appendingPathComponent("pypi-benign.json"))
        let names = (try JSONSerialization.jsonObject(with: listing) as? [[String: Any]] ?? [])
            .compactMap { $0["filename"] as? String }
        let present = names.map { benignPyPI.appendingPathComponent($0) }
            .filter { FileManager.default.fileExists(atPath: $0.path) }
        files += present
        return (files, names.count - present.count)
    }
}

/// Reads every corpus archive as bytes through ``ArchiveReader`` (in memory only; nothing is extracted, run or
/// copied) and checks that none is rejected outright, not even as an unsupported format (one PyPI sdist is xz data
/// named `.tar.gz`, which pip cannot unpack; lockgate reads it by its bytes). All 6,276 archives take about 10 s in a
/// debug build on 2 cores, so nothing is sampled.
@Suite struct CorpusTests {
    @Test(.enabled(if: Corpus.isPresent, "../shared/corpus is absent (only the project's own machine has it)"))
    func everyCorpusArchiveReadsWithoutError() async throws {
        let (all, missingBenign) = try Corpus.archives()
        if missingBenign > 0 {
            print("corpus: \(missingBenign) benign PyPI files absent; run corpus/fetch-pypi-benign to include them")
        }
        let files = all
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let results = await withTaskGroup(of: [Outcome].self) { group in
            for worker in 0..<workers {
                let share = files.enumerated().filter { $0.offset % workers == worker }.map(\.element)
                group.addTask { share.map(Self.read) }
            }
            var all: [Outcome] = []
            for await part in group { all += part }
            return all
        }
        let unsupported = results.filter { $0.code == .unsupportedFormat }
        let failures = results.filter { $0.code != nil && $0.code != .unsupportedFormat }.compactMap(\.failure)
        var byKind: [ArchiveIssueKind: Int] = [:]
        for kind in results.flatMap(\.issueKinds) { byKind[kind, default: 0] += 1 }
        print("corpus: read \(results.count) archives, \(results.filter { !$0.issueKinds.isEmpty }.count) with issues, "
            + "\(unsupported.count) in an unsupported format, \(failures.count) other errors")
        for item in unsupported { print("corpus:   unsupported: \(item.failure ?? "")") }
        var byFormat: [String: Int] = [:]
        for outcome in results { byFormat[outcome.kind?.rawValue ?? "unread", default: 0] += 1 }
        print("corpus:   formats: " + byFormat.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            .joined(separator: ", "))
        for outcome in results where outcome.kind == .tarXz || outcome.kind == .tarBzip2 {
            print("corpus:   \(outcome.name): \(outcome.kind?.rawValue ?? ""), \(outcome.entryCount) entries, issues "
                + "\(outcome.issueKinds.map(\.rawValue).sorted())")
        }
        for kind in ArchiveIssueKind.allCases where byKind[kind] != nil {
            print("corpus:   \(kind.rawValue): \(byKind[kind] ?? 0) archives")
        }
        #expect(results.count == files.count)
        #expect(failures.isEmpty, "\(failures.prefix(10).joined(separator: "\n"))")
        #expect(unsupported.isEmpty, "\(unsupported.compactMap(\.failure).joined(separator: "\n"))")
    }

    /// What reading one archive gave.
    struct Outcome: Sendable {
        var name = ""
        var kind: ArchiveKind?
        var entryCount = 0
        var issueKinds: Set<ArchiveIssueKind> = []
        var code: ArchiveError.Code?
        var failure: String?
    }

    /// Reads one archive.
    static func read(_ url: URL) -> Outcome {
        guard let data = try? Data(contentsOf: url) else {
            return Outcome(code: .empty, failure: "\(url.lastPathComponent): cannot be opened")
        }
        do throws(ArchiveError) {
            let contents = try ArchiveReader.read(data, name: url.lastPathComponent)
            return Outcome(name: url.lastPathComponent, kind: contents.kind, entryCount: contents.entries.count,
                           issueKinds: Set(contents.issues.map(\.kind)))
        } catch {
            return Outcome(code: error.code, failure: "\(url.lastPathComponent): \(error)")
        }
    }
}
