import Archive
import Cache
import Fetch
import Foundation
import LockgateCore

/// Fetches a locked package's archives, proves each is the one the lockfile pinned, reads it in memory and
/// analyses it — or finds all of that in the cache, without a network request, when the lockfile entry is unchanged.
struct PackageInspector: Sendable {
    let locator: PackageLocator
    let fetcher: any PackageFetcher
    let archives: ArchiveStore?
    let analyses: AnalysisStore?
    let offline: Bool
    let limits: ArchiveLimits
    let detector: Detector

    /// Inspects one package.
    /// - Parameters:
    ///   - package: The locked package.
    ///   - lockfileDirectory: Its lockfile's directory (for `file:` archives).
    ///   - lockfileEvidence: The package's lockfile line, for integrity findings.
    /// - Returns: Findings (at default severities), the archive digest, and whether it failed.
    func inspect(_ package: LockedPackage, lockfileDirectory: String, lockfileEvidence: Evidence) async -> Inspection {
        let identity = LockfileIdentity.key(package)
        if let known = analyses?.archives(for: identity), !known.isEmpty {
            if let cached = cachedInspection(known) { return cached }
            // Analysed before by another model or analyser version: judge the stored archives (verified when they
            // were stored) again, without a download.
            if let stored = storedInspection(known, ecosystem: package.ecosystem) { return stored }
        }
        return await inspectUncached(package, identity: identity, lockfileDirectory: lockfileDirectory, lockfileEvidence: lockfileEvidence)
    }

    /// Every package whose lockfile identity leads to archives that are all analysed already, found in one read of
    /// the verdict database (the warm path: no network, no per-package queries).
    func cachedInspections(_ packages: [LockedPackage]) -> [String: Inspection] {
        guard let analyses else { return [:] }
        let identities = packages.map(LockfileIdentity.key)
        let found = analyses.cachedAnalyses(
            for: identities, analyserVersion: AnalyserVersions.analyser, modelVersion: detector.modelVersion)
        let decoder = JSONDecoder()
        var result: [String: Inspection] = [:]
        for (identity, entries) in found {
            var inspection = Inspection(
                sha256: entries.first?.archive.sha256, findings: [], failed: false, downloadedBytes: 0, score: nil)
            var complete = true
            for entry in entries {
                guard let findings = try? decoder.decode([Finding].self, from: entry.analysis.findingsJSON) else {
                    complete = false
                    break
                }
                inspection.findings += findings
                if let score = entry.analysis.score { inspection.score = max(inspection.score ?? 0, score) }
            }
            if complete { result[identity] = inspection }
        }
        return result
    }

    private func inspectUncached(
        _ package: LockedPackage, identity: String, lockfileDirectory: String, lockfileEvidence: Evidence
    ) async -> Inspection {
        if offline {
            if let known = analyses?.archives(for: identity), !known.isEmpty,
                let stored = storedInspection(known, ecosystem: package.ecosystem)
            {
                return stored
            }
            return .failure(ArchiveFindings.finding(
                "fetch_failed", message: "\(package.id) is not in the cache and --offline forbids downloading it",
                evidence: [lockfileEvidence]))
        }
        let selection: PackageArchives
        do {
            selection = try await locator.locate(package, lockfileDirectory: lockfileDirectory)
        } catch {
            return .failure(fetchFailed(package, error, lockfileEvidence))
        }
        guard !selection.requests.isEmpty else {
            let what = package.source.kind == .git ? "a git repository" : "a local directory"
            return Inspection(
                sha256: nil,
                findings: [ArchiveFindings.finding(
                    "not_analysed", message: "\(package.id) comes from \(what), which lockgate does not download; its code was not checked",
                    evidence: [lockfileEvidence])],
                failed: false, downloadedBytes: 0, score: nil)
        }
        var result = Inspection(sha256: nil, findings: [], failed: false, downloadedBytes: 0, score: nil)
        var verified: [IdentityArchive] = []
        var tampered = false
        for request in selection.requests {
            let data: Data
            do {
                data = try await fetcher.fetch(request)
            } catch {
                return .failure(fetchFailed(package, error, lockfileEvidence))
            }
            result.downloadedBytes += data.count
            if let mismatch = integrityFinding(data, request, package, lockfileEvidence) {
                result.findings.append(mismatch)
                if mismatch.rule == "integrity_mismatch" {
                    tampered = true
                    continue
                }
            }
            let sha256 = Digest.sha256(data)
            if result.sha256 == nil { result.sha256 = sha256 }
            try? archives?.put(data, sha256: sha256)
            let analysed = analysis(of: data, sha256: sha256, fileName: request.fileName, ecosystem: package.ecosystem)
            result.findings += analysed.findings
            if let score = analysed.score { result.score = max(result.score ?? 0, score) }
            verified.append(IdentityArchive(sha256: sha256, fileName: request.fileName))
        }
        if !selection.skippedFiles.isEmpty {
            result.findings.append(ArchiveFindings.finding(
                "release_files_skipped",
                message: "\(selection.skippedFiles.count) more files of \(package.id) were not checked: "
                    + selection.skippedFiles.prefix(5).joined(separator: ", "),
                evidence: [lockfileEvidence]))
        }
        if !tampered { try? analyses?.record(verified, for: identity) }
        return result
    }

    // MARK: - Private

    /// The stored analyses of every archive an identity led to, or nil if any is missing.
    private func cachedInspection(_ known: [IdentityArchive]) -> Inspection? {
        var result = Inspection(sha256: known.first?.sha256, findings: [], failed: false, downloadedBytes: 0, score: nil)
        for archive in known {
            guard let stored = analyses?.analysis(
                sha256: archive.sha256, analyserVersion: AnalyserVersions.analyser, modelVersion: detector.modelVersion),
                let findings = try? JSONDecoder().decode([Finding].self, from: stored.findingsJSON)
            else { return nil }
            result.findings += findings
            if let score = stored.score { result.score = max(result.score ?? 0, score) }
        }
        return result
    }

    /// Re-analyses archives kept in the archive store (after a model or analyser upgrade, or offline).
    private func storedInspection(_ known: [IdentityArchive], ecosystem: Ecosystem) -> Inspection? {
        var result = Inspection(sha256: known.first?.sha256, findings: [], failed: false, downloadedBytes: 0, score: nil)
        for archive in known {
            guard let data = archives?.get(archive.sha256) else { return nil }
            let analysed = analysis(of: data, sha256: archive.sha256, fileName: archive.fileName, ecosystem: ecosystem)
            result.findings += analysed.findings
            if let score = analysed.score { result.score = max(result.score ?? 0, score) }
        }
        return result
    }

    /// Analyses an archive — archive checks, then the detector — or reuses a stored analysis of the same bytes, and
    /// stores the result.
    private func analysis(of data: Data, sha256: String, fileName: String, ecosystem: Ecosystem?)
        -> (findings: [Finding], score: Double?)
    {
        if let stored = analyses?.analysis(
            sha256: sha256, analyserVersion: AnalyserVersions.analyser, modelVersion: detector.modelVersion),
            let findings = try? JSONDecoder().decode([Finding].self, from: stored.findingsJSON)
        {
            return (findings, stored.score)
        }
        var findings: [Finding]
        var score: Double?
        do {
            let contents = try ArchiveReader.read(data, name: fileName, limits: limits)
            findings = ArchiveFindings.findings(for: contents, fileName: fileName)
            let detection = detector.detect(contents.entries, ecosystem: ecosystem, fileName: fileName)
            findings += detection.findings
            score = detection.score
        } catch {
            findings = [ArchiveFindings.unreadable(error, fileName: fileName)]
        }
        if let encoded = try? JSONEncoder().encode(findings) {
            try? analyses?.store(
                CachedAnalysis(findingsJSON: encoded, score: score), sha256: sha256,
                analyserVersion: AnalyserVersions.analyser, modelVersion: detector.modelVersion)
        }
        return (findings, score)
    }

    /// An `integrity_mismatch` finding when the bytes are not what was pinned, `integrity_unverified` when only the
    /// registry's own hash (or nothing applicable) could be checked, nil when the lockfile's hash matched.
    private func integrityFinding(
        _ data: Data, _ request: ArchiveRequest, _ package: LockedPackage, _ evidence: Evidence
    ) -> Finding? {
        let check: IntegrityCheck
        let source: String
        switch request.expectation {
        case .all(let hashes):
            check = IntegrityCheck.all(data, against: hashes)
            source = "the lockfile"
        case .anyOf(let hashes):
            check = IntegrityCheck.any(data, among: hashes)
            source = "the lockfile"
        case .registry(let hashes):
            check = IntegrityCheck.all(data, against: hashes)
            source = "the registry's published hash"
        case .none:
            return nil
        }
        if !check.mismatched.isEmpty {
            let expected = check.mismatched.prefix(3).map(\.description).joined(separator: ", ")
            return ArchiveFindings.finding(
                "integrity_mismatch",
                message: "\(request.fileName) from \(request.location) does not match \(source) (expected \(expected)); "
                    + "it was not analysed and not cached",
                evidence: [evidence])
        }
        if source != "the lockfile" || !check.verified {
            return ArchiveFindings.finding(
                "integrity_unverified",
                message: "\(request.fileName) was checked only against \(check.verified ? source : "nothing"): "
                    + "the lockfile pins no hash that applies to it",
                evidence: [evidence])
        }
        return nil
    }

    private func fetchFailed(_ package: LockedPackage, _ error: FetchError, _ evidence: Evidence) -> Finding {
        ArchiveFindings.finding("fetch_failed", message: "\(package.id) could not be fetched: \(error)", evidence: [evidence])
    }
}
