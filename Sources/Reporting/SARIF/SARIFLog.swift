/// The subset of the SARIF 2.1.0 object model lockgate writes, as `Codable` values.
///
/// Property names are SARIF's; absent optionals are omitted. `SARIFReporter` encodes it with sorted keys.
struct SARIFLog: Codable, Equatable {
    /// The schema URI every log names.
    static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"

    var schema: String = SARIFLog.schemaURI
    var version: String = "2.1.0"
    var runs: [SARIFRun]

    private enum CodingKeys: String, CodingKey {
        case schema = "$schema"
        case version
        case runs
    }
}

/// One run of one tool.
struct SARIFRun: Codable, Equatable {
    var tool: SARIFTool
    var automationDetails: SARIFAutomationDetails
    /// Columns count Unicode code points, as `SourceLocation` does.
    var columnKind: String = "unicodeCodePoints"
    var originalUriBaseIds: [String: SARIFArtifactLocation]?
    var invocations: [SARIFInvocation]
    var results: [SARIFResult]
}

/// `run.automationDetails` (a `runAutomationDetails` object).
struct SARIFAutomationDetails: Codable, Equatable {
    var id: String
}

/// `run.tool`.
struct SARIFTool: Codable, Equatable {
    var driver: SARIFToolComponent
}

/// `tool.driver`.
struct SARIFToolComponent: Codable, Equatable {
    var name: String
    var semanticVersion: String
    var informationUri: String
    var rules: [SARIFReportingDescriptor]
}

/// One rule (`reportingDescriptor`).
struct SARIFReportingDescriptor: Codable, Equatable {
    var id: String
    var name: String
    var shortDescription: SARIFMessage
    var fullDescription: SARIFMessage
    var help: SARIFMessage
    var defaultConfiguration: SARIFConfiguration
    var properties: SARIFRuleProperties
}

/// `reportingDescriptor.defaultConfiguration`.
struct SARIFConfiguration: Codable, Equatable {
    var level: String
}

/// The rule property bag GitHub code scanning reads.
struct SARIFRuleProperties: Codable, Equatable {
    /// 0.0 to 10.0 with one decimal, as a string.
    var securitySeverity: String
    var tags: [String]
    var precision: String

    private enum CodingKeys: String, CodingKey {
        case securitySeverity = "security-severity"
        case tags
        case precision
    }
}

/// A `message` or `multiformatMessageString`: text, and Markdown when there is some.
struct SARIFMessage: Codable, Equatable {
    var text: String
    var markdown: String?
}

/// One result.
struct SARIFResult: Codable, Equatable {
    var ruleId: String
    var ruleIndex: Int
    var level: String
    var message: SARIFMessage
    var locations: [SARIFLocation]
    var relatedLocations: [SARIFLocation]?
    var partialFingerprints: [String: String]
    /// Set on the detector's findings only: the package's score.
    var properties: SARIFResultProperties? = nil
}

/// A result's property bag: the detector's calibrated score of the package, in [0, 1].
struct SARIFResultProperties: Codable, Equatable {
    var score: Double
}

/// A `location`.
struct SARIFLocation: Codable, Equatable {
    var id: Int?
    var physicalLocation: SARIFPhysicalLocation
    var message: SARIFMessage?
}

/// A `physicalLocation`.
struct SARIFPhysicalLocation: Codable, Equatable {
    var artifactLocation: SARIFArtifactLocation
    var region: SARIFRegion?
}

/// An `artifactLocation`: a relative URI and its base, or an absolute `file:` URI.
struct SARIFArtifactLocation: Codable, Equatable {
    var uri: String?
    var uriBaseId: String?
    var description: SARIFMessage?
}

/// A `region`; lines and columns are 1-based.
struct SARIFRegion: Codable, Equatable {
    var startLine: Int
    var startColumn: Int?
    var endLine: Int?
    var endColumn: Int?
    var snippet: SARIFSnippet?
}

/// An `artifactContent` holding a snippet.
struct SARIFSnippet: Codable, Equatable {
    var text: String
}

/// An `invocation`.
struct SARIFInvocation: Codable, Equatable {
    var executionSuccessful: Bool
    var toolExecutionNotifications: [SARIFNotification]?
}

/// A `notification`: something that could not be checked.
struct SARIFNotification: Codable, Equatable {
    var level: String
    var message: SARIFMessage
    var locations: [SARIFLocation]?
}
