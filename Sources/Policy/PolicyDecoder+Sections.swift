import LockgateCore
import Yams

extension PolicyDecoder {
    /// Decodes a whole policy document.
    /// - Parameter root: The document's root node.
    /// - Returns: The policy; keys the document leaves out keep `Policy.defaultPolicy`'s values.
    /// - Throws: `PolicyError` naming the first problem's line and key.
    func policy(from root: Node) throws(PolicyError) -> Policy {
        guard case .mapping(let mapping) = root else {
            let message = "expected a mapping of policy keys (such as `version: 1`) at the top level; "
            throw error(.wrongType, root, "", message + Self.found(root))
        }
        // The version comes first: a newer file may use keys this lockgate does not know.
        guard let versionPair = mapping.first(where: { $0.key.scalar?.string == "version" }) else {
            throw error(.missingKey, root, "version", "missing required key 'version'; add `version: 1` at the top")
        }
        var policy = Policy.defaultPolicy
        let versionField = Field(name: "version", key: versionPair.key, value: versionPair.value, keyPath: "version")
        policy.version = try version(versionField)
        let fields = try fields(root, at: "", allowed: PolicyKeys.root) ?? []
        // Top-level thresholds first: ecosystem overrides are checked against them.
        if let field = fields.first(where: { $0.name == "thresholds" }) {
            policy.thresholds = try topThresholds(field)
            // A file that sets its own thresholds means them for every ecosystem: the default's per-ecosystem
            // values (the model's) would otherwise silently win over them. Its own `ecosystems` still applies.
            if case .mapping(let mapping) = field.value, mapping.count > 0 { policy.ecosystems = [:] }
        }
        for field in fields {
            switch field.name {
            case "ecosystems" where !Self.isNull(field.value):
                policy.ecosystems = try ecosystems(field, top: policy.thresholds)
            case "registries": policy.registries = try registries(field)
            case "sources": policy.sources = try sources(field)
            case "rules": policy.rules = try rules(field)
            case "allowlist": policy.allowlist = try allowlist(field)
            case "denylist": policy.denylist = try denylist(field)
            case "fetch": policy.fetch = try fetch(field)
            case "archives": policy.archives = try archives(field)
            default: break  // version and thresholds are read above
            }
        }
        return policy
    }

    // MARK: - Private

    private func version(_ field: Field) throws(PolicyError) -> Int {
        guard let text = Self.plainScalar(field.value), let version = Int(text) else {
            let message = "expected the policy version as a whole number such as 1; \(Self.found(field.value))"
            throw error(.wrongType, field.value, field.keyPath, message)
        }
        guard version >= 1 else {
            throw error(.invalidValue, field.value, field.keyPath, "expected a policy version of 1 or more")
        }
        guard version <= Policy.supportedVersion else {
            let message = "policy version \(version) is newer than this lockgate supports (\(Policy.supportedVersion))"
            throw error(.newerVersion, field.value, field.keyPath, message)
        }
        return version
    }

    /// Reads `block`/`warn` where each may be missing; returns the fields too, for warn-above-block errors.
    private func partialThresholds(_ field: Field) throws(PolicyError) -> (Policy.ThresholdOverride, [Field]) {
        let fields = try fields(field.value, at: field.keyPath, allowed: PolicyKeys.thresholds) ?? []
        var result = Policy.ThresholdOverride()
        for child in fields {
            let value = try threshold(child)
            if child.name == "block" { result.block = value } else { result.warn = value }
        }
        return (result, fields)
    }

    private func topThresholds(_ field: Field) throws(PolicyError) -> Policy.Thresholds {
        let (given, fields) = try partialThresholds(field)
        let defaults = Policy.defaultPolicy.thresholds
        let merged = Policy.Thresholds(block: given.block ?? defaults.block, warn: given.warn ?? defaults.warn)
        try checkOrder(merged, fields: fields, parent: field)
        return merged
    }

    private func ecosystems(
        _ field: Field, top: Policy.Thresholds
    ) throws(PolicyError) -> [Ecosystem: Policy.EcosystemOverride] {
        let allowed = PolicyKeys.ecosystems
        let entries = try fields(field.value, at: field.keyPath, allowed: allowed, noun: "ecosystem") ?? []
        var result: [Ecosystem: Policy.EcosystemOverride] = [:]
        for entry in entries {
            guard let ecosystem = Ecosystem(rawValue: entry.name) else { continue }
            let keys = try fields(entry.value, at: entry.keyPath, allowed: PolicyKeys.ecosystemOverride) ?? []
            guard let thresholdsField = keys.first else { continue }
            let (given, thresholdFields) = try partialThresholds(thresholdsField)
            let merged = Policy.Thresholds(block: given.block ?? top.block, warn: given.warn ?? top.warn)
            try checkOrder(merged, fields: thresholdFields, parent: thresholdsField)
            result[ecosystem] = Policy.EcosystemOverride(thresholds: given)
        }
        return result
    }

    /// Throws when the effective warn threshold is above the block threshold, pointing at the value given here.
    private func checkOrder(_ merged: Policy.Thresholds, fields: [Field], parent: Field) throws(PolicyError) {
        guard merged.warn > merged.block else { return }
        let at = fields.first { $0.name == "warn" } ?? fields.first { $0.name == "block" } ?? parent
        let message = "the warn threshold \(merged.warn) is above the block threshold \(merged.block); "
            + "warn must not exceed block"
        throw error(.invalidValue, at.value, at.keyPath, message)
    }

    private func registries(_ field: Field) throws(PolicyError) -> Policy.Registries {
        var result = Policy.defaultPolicy.registries
        for child in try fields(field.value, at: field.keyPath, allowed: PolicyKeys.registries) ?? [] {
            if child.name == "npm" || child.name == "pypi" {
                let url = try string(child, expected: "an http(s) URL")
                guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
                    throw error(.invalidValue, child.value, child.keyPath, "expected an http(s) URL; found '\(url)'")
                }
                if child.name == "npm" { result.npm = url } else { result.pypi = url }
                continue
            }
            guard let items = try list(child) else { continue }
            result.allowed = []
            for (index, item) in items.enumerated() {
                let itemField = Field(name: child.name, key: child.key, value: item,
                                      keyPath: "\(child.keyPath)[\(index)]")
                let pattern = try string(itemField, expected: "a host name").lowercased()
                if let problem = HostPattern.problem(in: pattern) {
                    throw error(.invalidValue, item, itemField.keyPath, "\(problem); found '\(pattern)'")
                }
                result.allowed.append(pattern)
            }
        }
        return result
    }

    private func sources(_ field: Field) throws(PolicyError) -> Policy.Sources {
        var result = Policy.defaultPolicy.sources
        for child in try fields(field.value, at: field.keyPath, allowed: PolicyKeys.sources) ?? [] {
            let value = try bool(child)
            switch child.name {
            case "http": result.http = value
            case "git": result.git = value
            case "url": result.url = value
            case "path": result.path = value
            case "missing-integrity": result.missingIntegrity = value
            default: result.unpinned = value
            }
        }
        return result
    }

    private func rules(_ field: Field) throws(PolicyError) -> [String: RuleLevel] {
        var result = Policy.defaultPolicy.rules
        let levels = RuleLevel.allCases.map(\.rawValue).joined(separator: ", ")
        for child in try fields(field.value, at: field.keyPath, allowed: PolicyKeys.rules, noun: "rule") ?? [] {
            let text = try string(child, expected: "a severity (\(levels))")
            guard let level = RuleLevel(rawValue: text) else {
                let message = "invalid severity '\(text)'; expected one of: \(levels)"
                throw error(.invalidValue, child.value, child.keyPath, message)
            }
            if child.name == "denylisted" && level != .block {
                let message = "the denylisted rule always blocks; remove the package from the denylist instead"
                throw error(.invalidValue, child.value, child.keyPath, message)
            }
            result[child.name] = level
        }
        return result
    }

    private func fetch(_ field: Field) throws(PolicyError) -> Policy.Fetch {
        var result = Policy.defaultPolicy.fetch
        for child in try fields(field.value, at: field.keyPath, allowed: PolicyKeys.fetch) ?? [] {
            switch child.name {
            case "fail-open": result.failOpen = try bool(child)
            default: result.maxFilesPerRelease = try positiveInteger(child)
            }
        }
        return result
    }

    private func archives(_ field: Field) throws(PolicyError) -> Policy.Archives {
        var result = Policy.defaultPolicy.archives
        for child in try fields(field.value, at: field.keyPath, allowed: PolicyKeys.archives) ?? [] {
            let value = try positiveInteger(child)
            switch child.name {
            case "max-entries": result.maxEntries = value
            case "max-entry-bytes": result.maxEntryBytes = value
            case "max-total-bytes": result.maxTotalBytes = value
            case "max-compression-ratio": result.maxCompressionRatio = value
            default: result.maxPathDepth = value
            }
        }
        return result
    }

    /// Reads a positive whole number.
    private func positiveInteger(_ field: Field) throws(PolicyError) -> Int {
        let message = "expected a whole number of at least 1; \(Self.found(field.value))"
        guard let text = Self.plainScalar(field.value), let value = Int(text.replacingOccurrences(of: "_", with: "")) else {
            throw error(.wrongType, field.value, field.keyPath, message)
        }
        guard value >= 1 else { throw error(.invalidValue, field.value, field.keyPath, message) }
        return value
    }
}
