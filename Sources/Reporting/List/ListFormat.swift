/// The output formats of `lockgate list`.
public enum ListFormat: String, CaseIterable, Sendable {
    /// Machine-readable JSON (list schema version 1, see `docs/reports.md`).
    case json
    /// One aligned table per lockfile.
    case text
}
