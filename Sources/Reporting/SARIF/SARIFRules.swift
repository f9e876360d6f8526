import LockgateCore

/// Builds `tool.driver.rules`: one descriptor per rule id that some result uses, sorted by id.
enum SARIFRules {
    /// Rule ids whose findings are heuristic (a similarity), so SARIF `precision` is `medium`, as are the detector's
    /// score-graded rules (`detector_score`, `behaviour_<kind>`); every other catalogued rule states a fact of the
    /// lockfile or the policy and is `high`.
    static let heuristicRuleIDs: Set<String> = ["typosquat_candidate"]

    /// The descriptors for the given rule ids.
    /// - Parameter ids: Rule ids used by results.
    /// - Returns: Descriptors sorted by id; a rule missing from `RuleCatalog` gets a generic descriptor.
    static func descriptors(for ids: Set<String>) -> [SARIFReportingDescriptor] {
        ids.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }.map(descriptor)
    }

    /// The SARIF level for a severity: block → error, warn → warning, info → note.
    /// - Parameter severity: The severity.
    /// - Returns: The level.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .block: "error"
        case .warn: "warning"
        case .info: "note"
        }
    }

    /// `security-severity` as GitHub expects it: a string with one decimal, clamped to 0.0...10.0.
    /// - Parameter value: The score.
    /// - Returns: The string, such as `7.5`.
    static func securitySeverity(_ value: Double) -> String {
        let tenths = value.isFinite ? Int((min(10, max(0, value)) * 10).rounded()) : 0
        return "\(tenths / 10).\(tenths % 10)"
    }

    // MARK: - Private

    private static func descriptor(_ id: String) -> SARIFReportingDescriptor {
        guard let rule = RuleCatalog.rule(id) else { return unknownDescriptor(id) }
        return SARIFReportingDescriptor(
            id: rule.id, name: rule.name,
            shortDescription: SARIFMessage(text: rule.shortDescription),
            fullDescription: SARIFMessage(text: rule.fullDescription),
            help: SARIFMessage(text: plainText(rule.help), markdown: rule.help),
            defaultConfiguration: SARIFConfiguration(level: level(rule.defaultSeverity)),
            properties: SARIFRuleProperties(
                securitySeverity: securitySeverity(rule.securitySeverity), tags: rule.tags,
                precision: heuristicRuleIDs.contains(rule.id) || rule.isScoreGraded ? "medium" : "high"))
    }

    /// A descriptor for a rule id the catalog does not know (a newer analyser's rule): enough for viewers to show
    /// the result, marked medium precision with a middling security severity.
    private static func unknownDescriptor(_ id: String) -> SARIFReportingDescriptor {
        let text = "Reported by the lockgate rule `\(id)`."
        return SARIFReportingDescriptor(
            id: id, name: pascalCase(id),
            shortDescription: SARIFMessage(text: plainText(text)),
            fullDescription: SARIFMessage(text: plainText(text)),
            help: SARIFMessage(text: "See the result message.", markdown: "See the result message."),
            defaultConfiguration: SARIFConfiguration(level: "warning"),
            properties: SARIFRuleProperties(securitySeverity: "5.0", tags: ["supply-chain"], precision: "medium"))
    }

    /// Markdown help without inline-code backticks, for `help.text`.
    private static func plainText(_ markdown: String) -> String {
        String(markdown.filter { $0 != "`" })
    }

    /// `source_git` → `SourceGit`.
    private static func pascalCase(_ id: String) -> String {
        id.split(whereSeparator: { $0 == "_" || $0 == "-" || $0 == "." })
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined()
    }
}
