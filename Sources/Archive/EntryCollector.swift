import Foundation

/// Gathers entries and issues for one archive, applying the count, path and duplicate rules both formats share.
struct EntryCollector {
    /// The limits in force.
    let limits: ArchiveLimits
    /// The entries kept so far.
    private(set) var entries: [ArchiveEntry] = []
    /// The issues found so far.
    private(set) var issues: [ArchiveIssue] = []
    /// Entry headers met so far (kept or dropped).
    private(set) var headerCount = 0
    /// The kind of the first entry at each path, to spot duplicates.
    private var seen: [String: ArchiveEntryKind] = [:]

    /// Creates an empty collector.
    init(limits: ArchiveLimits) { self.limits = limits }

    /// Records an issue.
    mutating func report(_ kind: ArchiveIssueKind, path: String?, _ message: String) {
        issues.append(ArchiveIssue(kind: kind, path: path, message: message))
    }

    /// Counts one more entry header; at the one past the limit, reports `entryCountLimit` and returns `false`.
    mutating func admitHeader(path: String) -> Bool {
        guard headerCount < limits.maxEntries else {
            report(.entryCountLimit, path: path, "more than \(limits.maxEntries) entries; reading stopped here")
            return false
        }
        headerCount += 1
        return true
    }

    /// Checks a written path and returns its normalised form, or `nil` (with an issue) when the entry must be
    /// dropped: absolute, `..`, too deep, too long, or empty for a non-directory. A directory entry for the archive
    /// root itself (`/`, `.`, `./`) is dropped without an issue.
    mutating func checkedPath(_ raw: String, isDirectory: Bool, backslashSeparates: Bool) -> EntryPath? {
        guard raw.utf8.count <= limits.maxPathLength * 4 else {
            report(.pathLengthLimit, path: String(raw.prefix(limits.maxPathLength)) + "…",
                   "path of \(raw.utf8.count) bytes is longer than \(limits.maxPathLength); entry dropped")
            return nil
        }
        let path = EntryPath(raw, backslashSeparates: backslashSeparates)
        if path.normalised.isEmpty && isDirectory && !path.hasParentComponent {
            return nil  // the archive root (`/`, `./`): nothing to keep, nothing an extractor writes
        } else if path.isAbsolute {
            report(.absolutePath, path: raw, "absolute path; entry dropped")
        } else if path.hasParentComponent {
            report(.parentTraversal, path: raw, "path contains '..'; entry dropped")
        } else if path.depth > limits.maxPathDepth {
            report(.pathDepthLimit, path: raw, "path has \(path.depth) components, more than \(limits.maxPathDepth); "
                + "entry dropped")
        } else if path.normalised.utf8.count > limits.maxPathLength {
            report(.pathLengthLimit, path: raw, "path of \(path.normalised.utf8.count) bytes is longer than "
                + "\(limits.maxPathLength); entry dropped")
        } else if path.normalised.isEmpty {
            report(.corrupt, path: raw, "entry has an empty path; dropped")
        } else {
            return path
        }
        return nil
    }

    /// Checks a link target's length; reports `pathLengthLimit` and returns `false` when it is too long.
    mutating func admitLinkTarget(_ target: String, path: String) -> Bool {
        guard target.utf8.count > limits.maxPathLength else { return true }
        report(.pathLengthLimit, path: path, "link target of \(target.utf8.count) bytes is longer than "
            + "\(limits.maxPathLength); entry dropped")
        return false
    }

    /// Keeps an entry, reporting links, devices and duplicates.
    mutating func add(_ entry: ArchiveEntry, rawPath: String) {
        let target = entry.linkTarget ?? ""
        switch entry.kind {
        case .symlink:
            let base = entry.path.split(separator: "/").count - 1
            report(.symlink, path: rawPath, "symbolic link to '\(target)'\(Self.escapeNote(target, base: base)); "
                + "not followed")
        case .hardlink:
            report(.hardlink, path: rawPath, "hard link to '\(target)'\(Self.escapeNote(target, base: 0)); "
                + "not followed")
        case .file, .directory, .other:
            break
        }
        if let earlier = seen[entry.path] {
            if earlier != .directory || entry.kind != .directory {
                report(.duplicatePath, path: rawPath, "a second entry at '\(entry.path)' (\(earlier.rawValue), then "
                    + "\(entry.kind.rawValue)); an extractor keeps the later one")
            }
        } else {
            seen[entry.path] = entry.kind
        }
        entries.append(entry)
    }

    // MARK: - Private

    /// " (points outside the archive)" when `target`, resolved from a directory `base` levels below the archive
    /// root, is absolute or climbs above the root.
    private static func escapeNote(_ target: String, base: Int) -> String {
        let outside = " (points outside the archive)"
        if EntryPath(target, backslashSeparates: false).isAbsolute { return outside }
        var depth = base
        for component in target.utf8.split(whereSeparator: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") }) {
            if component.elementsEqual("..".utf8) {
                depth -= 1
                if depth < 0 { return outside }
            } else if !component.elementsEqual(".".utf8) {
                depth += 1
            }
        }
        return ""
    }
}
