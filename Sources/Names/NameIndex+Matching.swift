import LockgateCore

extension NameIndex {
    /// A popular name found for a candidate: its rank and how the candidate differs from it.
    typealias Found = (rank: Int32, kind: TyposquatKind)

    /// Finds the popular name a non-popular name most plausibly imitates.
    ///
    /// Exact transforms come first (case, look-alikes, separators, affixes, npm scope typos), then single edits,
    /// then, for long names, two edits. Among equally good matches the most popular name wins.
    /// - Parameters:
    ///   - name: The name as written; the caller has checked that it is not popular.
    ///   - thresholds: The limits.
    /// - Returns: The match, or nil.
    func match(_ name: String, thresholds: TyposquatThresholds) -> TyposquatMatch? {
        let key = NameForms.key(name, ecosystem)
        let found: Found?
        if ecosystem == .npm, case (let scope?, let bare) = NameForms.scope(of: key) {
            // Only a scope's owner can publish in it, so a name under a popular scope imitates nobody; a name
            // under an unknown scope is checked for a misspelt popular scope.
            if scopes.contains(String(scope)) { return nil }
            found = transform(name: name, key: key, thresholds: thresholds)
                ?? scopeTypo(scope: Array(scope.utf8), bare: String(bare), thresholds: thresholds)
        } else {
            let bytes = Array(key.utf8)
            found = transform(name: name, key: key, thresholds: thresholds) ?? affixMatch(key: key)
                ?? singleEditMatch(bytes, thresholds: thresholds) ?? twoEditMatch(bytes, thresholds: thresholds)
        }
        guard let found else { return nil }
        return TyposquatMatch(candidate: name, popular: names[Int(found.rank)], kind: found.kind)
    }

    // MARK: - Private

    private func transform(name: String, key: String, thresholds: TyposquatThresholds) -> Found? {
        if let rank = byKey[key] { return (rank, .caseChange) }
        guard key.utf8.count >= thresholds.transformMinimumLength else { return nil }
        if let rank = bySkeleton[NameForms.skeleton(name, ecosystem)] { return (rank, .homoglyph) }
        if let rank = bySeparatorFreeKey[NameForms.withoutSeparators(key)] { return (rank, .separatorSwap) }
        return nil
    }

    /// `@typse/node` for `@types/node`: the same bare name under a scope one edit from a popular scope.
    private func scopeTypo(scope: [UInt8], bare: String, thresholds: TyposquatThresholds) -> Found? {
        for rank in byBareName[bare] ?? [] {
            let popularScope = keys[Int(rank)].dropFirst().prefix { $0 != UInt8(ascii: "/") }
            guard min(scope.count, popularScope.count) >= thresholds.scopeMinimumLength,
                EditDistance.distance(scope, Array(popularScope), limit: 1) == 1
            else { continue }
            return (rank, .scopeConfusion)
        }
        return nil
    }

    /// `dateutil` for `python-dateutil`, `requests-python` for `requests`, `nodemailer-js` for `nodemailer`.
    private func affixMatch(key: String) -> Found? {
        var best: Found?
        for (core, affix) in [(key, "")] + NameForms.cores(of: key, ecosystem) {
            for entry in byCore[core] ?? [] where !(affix.isEmpty && entry.affix.isEmpty) {
                if entry.rank < best?.rank ?? .max {
                    best = (entry.rank, .affix(affix.isEmpty ? entry.affix : affix))
                }
            }
        }
        return best
    }

    private func singleEditMatch(_ bytes: [UInt8], thresholds: TyposquatThresholds) -> Found? {
        guard bytes.count >= thresholds.closeEditMinimumLength - 1 else { return nil }
        var best: (strong: Bool, found: Found)?
        for id in deletions.candidates(near: bytes, depth: 1) {
            let popularKey = keys[Int(id)]
            guard popularKey.first != UInt8(ascii: "@"),
                let edit = EditDistance.singleEdit(candidate: bytes, popular: popularKey),
                let (kind, strong) = EditClassifier.classify(
                    edit, bytes, popularKey, ecosystem: ecosystem, thresholds: thresholds),
                strong || id < thresholds.weakTargetRankLimit
            else { continue }
            if best == nil || (strong && best?.strong == false) {
                best = (strong, (id, kind))
            }
        }
        return best?.found
    }

    private func twoEditMatch(_ bytes: [UInt8], thresholds: TyposquatThresholds) -> Found? {
        guard bytes.count >= thresholds.twoEditMinimumLength,
            (bytes.count - 2...bytes.count + 2).contains(where: twoEditLengths.contains)
        else { return nil }
        for id in deletions.candidates(near: bytes, depth: 2) where id < thresholds.weakTargetRankLimit {
            let popularKey = keys[Int(id)]
            guard popularKey.first != UInt8(ascii: "@"), popularKey.count >= thresholds.twoEditMinimumLength,
                EditDistance.distance(bytes, popularKey, limit: 2) == 2,
                EditClassifier.editsInOneWord(bytes, popularKey, minimumWordLength: thresholds.twoEditWordLength)
            else { continue }
            return (id, .editDistance(2))
        }
        return nil
    }
}
