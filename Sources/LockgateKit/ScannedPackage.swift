import Archive
import Fetch
import Foundation
import LockgateCore

/// A package read for `scan`: its files, identity and archive-level findings.
struct ScannedPackage: Sendable {
    var files: [ArchiveEntry]
    var findings: [Finding]
    var sha256: String?
    var unreadable: Bool

    /// Reads an archive in memory.
    static func archive(_ data: Data, fileName: String, limits: ArchiveLimits) -> ScannedPackage {
        let sha256 = Digest.sha256(data)
        do {
            let contents = try ArchiveReader.read(data, name: fileName, limits: limits)
            return ScannedPackage(
                files: contents.files, findings: ArchiveFindings.findings(for: contents, fileName: fileName),
                sha256: sha256, unreadable: false)
        } catch {
            return ScannedPackage(
                files: [], findings: [ArchiveFindings.unreadable(error, fileName: fileName)], sha256: sha256,
                unreadable: true)
        }
    }

    /// The ecosystem the files show: a root package.json for npm; setup.py, pyproject.toml, PKG-INFO or a
    /// .dist-info/METADATA for PyPI.
    var ecosystem: Ecosystem? {
        let paths = files.map { Self.strippedRoot($0.path) }
        if paths.contains("package.json") { return .npm }
        if paths.contains(where: { ["setup.py", "pyproject.toml", "PKG-INFO", "setup.cfg"].contains($0) })
            || files.contains(where: { $0.path.hasSuffix(".dist-info/METADATA") })
        {
            return .pypi
        }
        return nil
    }

    /// The name from package.json, PKG-INFO or METADATA.
    var name: String? { metadata.name }
    /// The version from package.json, PKG-INFO or METADATA.
    var version: String? { metadata.version }

    // MARK: - Private

    private var metadata: (name: String?, version: String?) {
        if let manifest = files.first(where: { Self.strippedRoot($0.path) == "package.json" }),
            let json = try? JSONSerialization.jsonObject(with: manifest.data) as? [String: Any]
        {
            return (json["name"] as? String, json["version"] as? String)
        }
        if let info = files.first(where: {
            Self.strippedRoot($0.path) == "PKG-INFO" || $0.path.hasSuffix(".dist-info/METADATA")
        }) {
            var name: String?
            var version: String?
            for line in String(decoding: info.data.prefix(65_536), as: UTF8.self).split(separator: "\n") {
                if line.hasPrefix("Name: "), name == nil { name = PackageName.pep503(line.dropFirst(6)) }
                if line.hasPrefix("Version: "), version == nil { version = String(line.dropFirst(9)) }
                if line.isEmpty { break }
            }
            return (name, version)
        }
        return (nil, nil)
    }

    /// A path without its first folder when the archive has one root folder (`package/`, `name-1.0/`).
    static func strippedRoot(_ path: String) -> String {
        let parts = path.split(separator: "/", maxSplits: 1)
        return parts.count == 2 ? String(parts[1]) : path
    }
}

/// Reads an unpacked package directory into archive-like entries, with the same limits.
enum PackageDirectory {
    /// Folders never read.
    static let skipped: Set<String> = ["node_modules", ".git", "__pycache__", ".venv", "venv", ".tox"]

    static func read(_ directory: String, limits: ArchiveLimits) -> ScannedPackage {
        var entries: [ArchiveEntry] = []
        var findings: [Finding] = []
        var total = 0
        var pending = [""]
        let manager = FileManager.default
        let root = (directory as NSString).lastPathComponent
        walk: while let relative = pending.popLast() {
            let folder = relative.isEmpty ? directory : (directory as NSString).appendingPathComponent(relative)
            guard let names = try? manager.contentsOfDirectory(atPath: folder) else { continue }
            for name in names.sorted() where !skipped.contains(name) {
                let path = relative.isEmpty ? name : "\(relative)/\(name)"
                let full = (directory as NSString).appendingPathComponent(path)
                let attributes = try? manager.attributesOfItem(atPath: full)
                let type = attributes?[.type] as? FileAttributeType
                if type == .typeSymbolicLink {
                    findings.append(ArchiveFindings.finding(
                        "archive_link", message: "\(path) is a symbolic link (not followed)",
                        evidence: [Evidence(path: "\(root)/\(path)")]))
                } else if type == .typeDirectory {
                    pending.append(path)
                } else if type == .typeRegular {
                    let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
                    if entries.count >= limits.maxEntries || total + size > limits.maxTotalBytes {
                        findings.append(ArchiveFindings.finding(
                            "archive_limit_exceeded",
                            message: "the directory holds more than the limits allow; read up to \(entries.count) files",
                            evidence: [Evidence(path: "\(root)/\(path)")]))
                        break walk
                    }
                    if size > limits.maxEntryBytes {
                        findings.append(ArchiveFindings.finding(
                            "archive_limit_exceeded", message: "\(path) is larger than the per-file limit; skipped",
                            evidence: [Evidence(path: "\(root)/\(path)")]))
                        continue
                    }
                    let data = manager.contents(atPath: full) ?? Data()
                    total += data.count
                    let mode = (attributes?[.posixPermissions] as? NSNumber)?.uint32Value
                    entries.append(ArchiveEntry(path: "\(root)/\(path)", kind: .file, data: data, mode: mode))
                }
            }
        }
        return ScannedPackage(files: entries, findings: findings, sha256: nil, unreadable: false)
    }
}
