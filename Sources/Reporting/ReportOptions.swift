/// Choices that change how a report looks but never what it says.
public struct ReportOptions: Sendable, Hashable {
    /// Whether the text report uses ANSI colour.
    ///
    /// The CLI sets it from `isatty` and `NO_COLOR`; reporters never look at the terminal themselves.
    public var colour: Bool
    /// How many evidence entries the Markdown report shows per finding (at least 1).
    public var evidenceLimit: Int
    /// How many non-passing packages the Markdown report details before it summarises the rest; GitHub limits a
    /// pull-request comment to 65,536 characters and a job summary to 1 MiB.
    public var markdownPackageLimit: Int
    /// The SARIF `runAutomationDetails.id` prefix: the run is identified as `<sarifCategory>/`.
    public var sarifCategory: String

    /// Creates report options.
    /// - Parameters:
    ///   - colour: Whether the text report uses ANSI colour.
    ///   - evidenceLimit: Evidence entries shown per finding in Markdown.
    ///   - markdownPackageLimit: Non-passing packages detailed in Markdown.
    ///   - sarifCategory: The SARIF automation-details category.
    public init(
        colour: Bool = false, evidenceLimit: Int = 3, markdownPackageLimit: Int = 50, sarifCategory: String = "lockgate"
    ) {
        self.colour = colour
        self.evidenceLimit = max(1, evidenceLimit)
        self.markdownPackageLimit = max(1, markdownPackageLimit)
        self.sarifCategory = sarifCategory
    }
}
