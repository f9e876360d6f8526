import Archive
import LockgateCore

/// Turns what the archive reader reported into findings: one per rule and archive, naming the entries concerned.
enum ArchiveFindings {
    /// Findings for an archive that was read (at least in part).
    /// - Parameters:
    ///   - contents: What the reader returned.
    ///   - fileName: The archive's file name (evidence paths are `fileName!/entry`).
    /// - Returns: Findings at their rules' default severities.
    static func findings(for contents: ArchiveContents, fileName: String) -> [Finding] {
        var byRule: [String: [ArchiveIssue]] = [:]
        for issue in contents.issues {
            byRule[rule(for: issue.kind), default: []].append(issue)
        }
        return byRule.keys.sorted().compactMap { rule in
            guard let issues = byRule[rule], let first = issues.first else { return nil }
            let more = issues.count > 1 ? " (and \(issues.count - 1) more)" : ""
            let evidence = issues.prefix(5).map {
                Evidence(path: "\(fileName)!/\($0.path ?? "")", snippet: $0.message)
            }
            return finding(rule, message: "\(fileName): \(first.message)\(more)", evidence: evidence)
        }
    }

    /// The finding for bytes that are not a readable archive at all.
    static func unreadable(_ error: ArchiveError, fileName: String) -> Finding {
        finding("archive_unreadable", message: "\(fileName) is not a readable package archive: \(error.message)",
                evidence: [Evidence(path: fileName, snippet: error.description)])
    }

    /// A finding with its rule's default severity.
    static func finding(_ rule: String, message: String, evidence: [Evidence] = []) -> Finding {
        Finding(rule: rule, severity: RuleCatalog.rule(rule)?.defaultSeverity ?? .warn, message: message, evidence: evidence)
    }

    // MARK: - Private

    private static func rule(for kind: ArchiveIssueKind) -> String {
        switch kind {
        case .entryCountLimit, .entrySizeLimit, .totalSizeLimit, .compressionRatioLimit, .pathDepthLimit, .pathLengthLimit:
            "archive_limit_exceeded"
        case .absolutePath, .parentTraversal:
            "archive_unsafe_path"
        case .symlink, .hardlink, .deviceOrFifo:
            "archive_link"
        case .unsupportedEntryType, .duplicatePath, .truncated, .corrupt, .overlappingEntries, .encrypted,
            .unsupportedCompression:
            "archive_corrupt"
        }
    }
}
