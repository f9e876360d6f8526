import Fetch
import Foundation
import LockgateCore

/// A corpus folder's manifest: labels.csv (`path,ecosystem,label,source,group,sha256`, archives relative to the
/// folder) and, when present, pypi-benign.json (the benign PyPI half, whose files `fetch-pypi-benign` keeps in a
/// cache folder outside the corpus).
public struct CorpusManifest: Sendable {
    /// The folder.
    public var folder: String
    /// Every labelled archive.
    public var entries: [CorpusEntry]
    /// SHA-256 over the folder's labels.csv and pypi-benign.json bytes (what the model records).
    public var digest: String
    /// Notes for the user (for example: the benign PyPI files are not fetched).
    public var notes: [String]

    /// The default folder of the benign PyPI files: `$LOCKGATE_CORPUS_CACHE`, else
    /// `~/.cache/lockgate-corpus/pypi-benign` (as `fetch-pypi-benign` lays them out).
    /// - Parameter environment: The process environment.
    /// - Returns: The folder.
    public static func defaultBenignCache(environment: [String: String]) -> String {
        if let explicit = environment["LOCKGATE_CORPUS_CACHE"], !explicit.isEmpty { return explicit }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return (home as NSString).appendingPathComponent(".cache/lockgate-corpus/pypi-benign")
    }

    /// Reads a corpus folder's manifest.
    /// - Parameters:
    ///   - folder: The corpus folder.
    ///   - benignCache: Where pypi-benign.json's files are.
    /// - Returns: The manifest.
    /// - Throws: `CorpusError` when labels.csv is missing or malformed.
    public static func read(folder: String, benignCache: String) throws(CorpusError) -> CorpusManifest {
        let labelsPath = (folder as NSString).appendingPathComponent("labels.csv")
        guard let labels = FileManager.default.contents(atPath: labelsPath) else { throw .missing(path: labelsPath) }
        var entries = try parseLabels(labels, path: labelsPath, folder: folder)
        var digestInput = "labels.csv:\(Digest.sha256(labels))\n"
        var notes: [String] = []
        let benignPath = (folder as NSString).appendingPathComponent("pypi-benign.json")
        if let benign = FileManager.default.contents(atPath: benignPath) {
            let listed = try parseBenign(benign, path: benignPath, cache: benignCache)
            digestInput += "pypi-benign.json:\(Digest.sha256(benign))\n"
            let present = listed.filter { FileManager.default.fileExists(atPath: $0.archivePath) }
            if present.count < listed.count {
                notes.append(
                    "\(listed.count - present.count) of \(listed.count) files of \(benignPath) are not in "
                        + "\(benignCache); "
                        + "run \((folder as NSString).appendingPathComponent("fetch-pypi-benign")) to fetch them")
            }
            entries += listed
        }
        return CorpusManifest(
            folder: folder, entries: entries, digest: Digest.sha256(Data(digestInput.utf8)), notes: notes)
    }

    // MARK: - Private

    /// The columns labels.csv must have.
    private static let columns = ["path", "ecosystem", "label", "source", "group", "sha256"]

    /// Parses labels.csv.
    private static func parseLabels(_ data: Data, path: String, folder: String) throws(CorpusError) -> [CorpusEntry] {
        guard let text = String(data: data, encoding: .utf8) else {
            throw .malformed(path: path, line: 1, column: 1, expected: "UTF-8 text")
        }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        guard let headerLine = lines.first else {
            throw .malformed(path: path, line: 1, column: 1, expected: "the header \(columns.joined(separator: ","))")
        }
        let header = headerLine.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        var position: [String: Int] = [:]
        for column in columns {
            guard let index = header.firstIndex(of: column) else {
                throw .malformed(path: path, line: 1, column: 1, expected: "a `\(column)` column in the header")
            }
            position[column] = index
        }
        var entries: [CorpusEntry] = []
        for (offset, line) in lines.enumerated().dropFirst() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let lineNumber = offset + 1
            func field(_ name: String) throws(CorpusError) -> (String, Int) {
                let index = position[name] ?? 0
                guard index < fields.count else {
                    throw .malformed(
                        path: path, line: lineNumber, column: line.count + 1, expected: "a `\(name)` field")
                }
                let column = fields[..<index].reduce(1) { $0 + $1.count + 1 }
                return (fields[index].trimmingCharacters(in: .whitespaces), column)
            }
            let (listed, _) = try field("path")
            let (ecosystemText, ecosystemColumn) = try field("ecosystem")
            let (label, labelColumn) = try field("label")
            let (source, _) = try field("source")
            let (group, _) = try field("group")
            let (sha256, shaColumn) = try field("sha256")
            guard let ecosystem = Ecosystem(rawValue: ecosystemText) else {
                throw .malformed(path: path, line: lineNumber, column: ecosystemColumn, expected: "npm or pypi")
            }
            guard label == "malicious" || label == "benign" else {
                throw .malformed(path: path, line: lineNumber, column: labelColumn, expected: "malicious or benign")
            }
            guard isSHA256(sha256) else {
                throw .malformed(path: path, line: lineNumber, column: shaColumn, expected: "64 hexadecimal digits")
            }
            guard !listed.isEmpty, !listed.hasPrefix("/"), !listed.split(separator: "/").contains("..") else {
                throw .malformed(path: path, line: lineNumber, column: 1, expected: "a relative path inside the corpus")
            }
            entries.append(
                CorpusEntry(
                    archivePath: (folder as NSString).appendingPathComponent(listed), listedPath: listed,
                    ecosystem: ecosystem, isMalicious: label == "malicious", source: source,
                    group: group.isEmpty ? listed : group, sha256: sha256.lowercased()))
        }
        return entries
    }

    /// One pypi-benign.json entry.
    private struct BenignEntry: Decodable {
        var filename: String
        var sha256: String
        var group: String?
        var kind: String?
        var name: String
    }

    /// Parses pypi-benign.json.
    private static func parseBenign(_ data: Data, path: String, cache: String) throws(CorpusError) -> [CorpusEntry] {
        let listed: [BenignEntry]
        do {
            listed = try JSONDecoder().decode([BenignEntry].self, from: data)
        } catch {
            throw .malformed(
                path: path, line: 1, column: 1,
                expected: "a JSON array of objects with name, filename, sha256, group and kind (\(error))")
        }
        var entries: [CorpusEntry] = []
        for entry in listed {
            let name = (entry.filename as NSString).lastPathComponent
            guard isSHA256(entry.sha256), !name.isEmpty, name != "..", name == entry.filename else {
                throw .malformed(
                    path: path, line: 1, column: 1,
                    expected: "a plain file name and a 64-digit sha256 in the entry of \(entry.filename)")
            }
            entries.append(
                CorpusEntry(
                    archivePath: (cache as NSString).appendingPathComponent(name), listedPath: name, ecosystem: .pypi,
                    isMalicious: false, source: "pypi-\(entry.kind ?? "benign")",
                    group: entry.group ?? "pypi:\(PackageName.pep503(entry.name))", sha256: entry.sha256.lowercased()))
        }
        return entries
    }

    /// Whether a string is 64 hex digits.
    private static func isSHA256(_ text: String) -> Bool {
        text.utf8.count == 64
            && text.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 | 0x20 >= 97 && $0 | 0x20 <= 102) }
    }
}
