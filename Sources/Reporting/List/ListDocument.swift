import LockgateCore

/// The `lockgate list` JSON document, schema version 1.
///
/// Member names are the wire format: change them only with a new schema version (and `docs/reports.md`).
enum ListDocument {
    /// The schema version of this document.
    static let currentSchemaVersion = 1

    /// Builds the document; lockfiles are sorted by path, packages and local links keep file order.
    /// - Parameters:
    ///   - lockfiles: Parsed lockfiles.
    ///   - problems: Lockfiles that could not be read.
    /// - Returns: The document.
    static func build(lockfiles: [LockfileContents], problems: [RunProblem]) -> JSONValue {
        .object([
            ("schemaVersion", .int(currentSchemaVersion)),
            ("lockfiles", .array(ListReporter.sorted(lockfiles).map(lockfile))),
            ("problems", .array(ReportOrdering.problems(problems).map(problem))),
        ])
    }

    // MARK: - Private

    private static func lockfile(_ contents: LockfileContents) -> JSONValue {
        .object(omittingNil: [
            ("path", .string(contents.path)),
            ("format", .string(contents.format.rawValue)),
            ("formatVersion", .optional(contents.formatVersion)),
            ("packages", .array(contents.packages.map(package))),
            ("localLinks", .array(contents.localLinks.map(link))),
        ])
    }

    private static func package(_ package: LockedPackage) -> JSONValue {
        .object(omittingNil: [
            ("ecosystem", .string(package.ecosystem.rawValue)),
            ("name", .string(package.name)),
            ("version", .string(package.version)),
            (
                "source",
                .object(omittingNil: [
                    ("kind", .string(package.source.kind.rawValue)), ("url", .optional(package.source.url)),
                ])
            ),
            ("integrity", .array(package.integrity.map { .string($0.description) })),
            ("dev", .bool(package.dev)),
            ("optional", .bool(package.optional)),
            ("pinned", .bool(package.pinned)),
            ("bundled", .bool(package.bundled)),
            ("aliases", package.aliases.isEmpty ? nil : .array(package.aliases.map(JSONValue.string))),
            ("location", location(package.location)),
        ])
    }

    private static func link(_ link: LocalLink) -> JSONValue {
        .object(omittingNil: [
            ("name", .optional(link.name)),
            ("path", .string(link.path)),
            ("kind", .string(link.kind.rawValue)),
            ("location", location(link.location)),
        ])
    }

    private static func problem(_ problem: RunProblem) -> JSONValue {
        .object(omittingNil: [
            ("path", .string(problem.path)),
            ("location", problem.location.map(location)),
            ("message", .string(problem.message)),
        ])
    }

    private static func location(_ location: SourceLocation) -> JSONValue {
        .object([("line", .int(location.line)), ("column", .int(location.column))])
    }
}
