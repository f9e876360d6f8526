/// Why the Names module could not load its data.
public enum NamesError: Error, Sendable, CustomStringConvertible {
    /// A bundled name list is missing from the module's resources.
    case resourceMissing(String)
    /// A bundled name list exists but is not UTF-8 text.
    case resourceUnreadable(String)

    /// A sentence naming the resource and what went wrong.
    public var description: String {
        switch self {
        case .resourceMissing(let name):
            "the bundled name list '\(name)' is missing from the Names resources (run scripts/make-name-lists)"
        case .resourceUnreadable(let name):
            "the bundled name list '\(name)' is not UTF-8 text with one name per line"
        }
    }
}
