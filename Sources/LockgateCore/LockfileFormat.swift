/// Every lockfile format lockgate reads. It lives in Core because reports name the format.
public enum LockfileFormat: String, Sendable, Hashable, Codable, CaseIterable {
    case npm = "package-lock"
    case npmShrinkwrap = "npm-shrinkwrap"
    case yarnClassic = "yarn-classic"
    case yarnBerry = "yarn-berry"
    case pnpm
    case requirements
    case poetry
    case pipfile = "pipfile-lock"
    case uv

    /// The ecosystem the format locks.
    public var ecosystem: Ecosystem {
        switch self {
        case .npm, .npmShrinkwrap, .yarnClassic, .yarnBerry, .pnpm: .npm
        case .requirements, .poetry, .pipfile, .uv: .pypi
        }
    }
}
