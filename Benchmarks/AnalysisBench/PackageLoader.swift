import Analysis
import Archive
import Foundation

/// Reads an archive in memory (never extracted) into the files the analyser takes.
enum PackageLoader {
    /// The regular files of an archive.
    /// - Parameter data: The archive bytes.
    /// - Returns: Its files.
    /// - Throws: `ArchiveError` when the archive cannot be read at all.
    static func files(of data: Data) throws -> [PackageFile] {
        let contents = try ArchiveReader.read(data)
        return contents.entries.filter { $0.kind == .file }.map {
            PackageFile(path: $0.path, data: $0.data, isExecutable: $0.isExecutable)
        }
    }
}
