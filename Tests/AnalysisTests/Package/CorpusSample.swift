import Archive
import Foundation
import LockgateCore

@testable import Analysis

/// A sample of the labelled corpus at `../shared/corpus` beside the repository, read in memory only.
enum CorpusSample {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/corpus")

    /// Whether `labels.csv` is there.
    static var isPresent: Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("labels.csv").path)
    }

    /// Every n-th archive of labels.csv with its ecosystem.
    static func archives(every step: Int) throws -> [(URL, Ecosystem)] {
        let labels = try String(contentsOf: folder.appendingPathComponent("labels.csv"), encoding: .utf8)
        return labels.split(separator: "\n").dropFirst().enumerated().compactMap { offset, line in
            let columns = line.split(separator: ",")
            guard offset % step == 0, columns.count > 2, let ecosystem = Ecosystem(rawValue: String(columns[1])) else {
                return nil
            }
            return (folder.appendingPathComponent(String(columns[0])), ecosystem)
        }
    }

    /// The files of an archive, or `nil` when it cannot be read.
    static func files(_ url: URL) -> [PackageFile]? {
        guard let data = try? Data(contentsOf: url), let contents = try? ArchiveReader.read(data) else { return nil }
        return contents.entries.filter { $0.kind == .file }.map {
            PackageFile(path: $0.path, data: $0.data, isExecutable: $0.isExecutable)
        }
    }
}
