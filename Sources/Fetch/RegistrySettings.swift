import Foundation

/// Where packages are fetched from and with which credentials: the npm registry (from `.npmrc`,
/// `npm_config_registry` or the policy) and the Python index (from `PIP_INDEX_URL`, pip.conf or the policy).
public struct RegistrySettings: Sendable, Hashable {
    /// The public npm registry.
    public static let publicNPMRegistry = "https://registry.npmjs.org/"
    /// The public Python package index (simple API).
    public static let publicPyPIIndex = "https://pypi.org/simple/"

    /// The npm registry base URL, ending in `/`.
    public var npmRegistry: String
    /// Registries for npm scopes (`@scope:registry=`), keys including the `@`.
    public var npmScopeRegistries: [String: String]
    /// The Python index base URL (simple API), ending in `/`, without credentials.
    public var pypiIndex: String
    /// Credentials, each scoped to its host.
    public var credentials: [Credential]
    /// Where each setting came from, for `--verbose` output and errors.
    public var origins: [String]

    /// Creates settings.
    public init(
        npmRegistry: String = RegistrySettings.publicNPMRegistry, npmScopeRegistries: [String: String] = [:],
        pypiIndex: String = RegistrySettings.publicPyPIIndex, credentials: [Credential] = [], origins: [String] = []
    ) {
        self.npmRegistry = RegistrySettings.withSlash(npmRegistry)
        self.npmScopeRegistries = npmScopeRegistries.mapValues(RegistrySettings.withSlash)
        self.pypiIndex = RegistrySettings.withSlash(pypiIndex)
        self.credentials = credentials
        self.origins = origins
    }

    /// Reads the settings a user's tools would use, in npm's and pip's order of precedence (highest first):
    /// npm: the policy's `registries.npm`, `npm_config_registry`, the project's `.npmrc`, the user's `~/.npmrc`;
    /// Python: the policy's `registries.pypi`, `PIP_INDEX_URL`, `PIP_CONFIG_FILE`, `~/.config/pip/pip.conf`,
    /// `~/.pip/pip.conf`, `/etc/pip.conf`. Tokens come from `.npmrc` `//host/path/:_authToken=` (or `_auth`,
    /// `username`/`_password`) and from credentials embedded in the index URL.
    /// - Parameters:
    ///   - projectDirectory: The directory holding the project's `.npmrc` (the repository root).
    ///   - environment: The process environment.
    ///   - policyNPMRegistry: The policy's npm registry, if it sets one.
    ///   - policyPyPIIndex: The policy's Python index, if it sets one.
    /// - Returns: The settings.
    public static func load(
        projectDirectory: String, environment: [String: String], policyNPMRegistry: String? = nil,
        policyPyPIIndex: String? = nil
    ) -> RegistrySettings {
        var settings = RegistrySettings()
        let home = environment["HOME"] ?? NSHomeDirectory()
        let npmrcFiles = [(home as NSString).appendingPathComponent(".npmrc"),
                          (projectDirectory as NSString).appendingPathComponent(".npmrc")]
        for file in npmrcFiles {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { continue }
            settings.origins.append(file)
            NPMRC.apply(text, environment: environment, to: &settings)
        }
        if let registry = environment["npm_config_registry"] ?? environment["NPM_CONFIG_REGISTRY"], !registry.isEmpty {
            settings.npmRegistry = withSlash(registry)
            settings.origins.append("npm_config_registry")
        }
        if let policyNPMRegistry {
            settings.npmRegistry = withSlash(policyNPMRegistry)
            settings.origins.append("policy registries.npm")
        }
        var index: String?
        var pipFiles = ["/etc/pip.conf", (home as NSString).appendingPathComponent(".pip/pip.conf"),
                        (home as NSString).appendingPathComponent(".config/pip/pip.conf")]
        if let file = environment["PIP_CONFIG_FILE"] { pipFiles.append(file) }
        for file in pipFiles {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8),
                let value = PipConfig.indexURL(in: text)
            else { continue }
            index = value
            settings.origins.append(file)
        }
        if let value = environment["PIP_INDEX_URL"], !value.isEmpty {
            index = value
            settings.origins.append("PIP_INDEX_URL")
        }
        if let policyPyPIIndex {
            index = policyPyPIIndex
            settings.origins.append("policy registries.pypi")
        }
        if let index {
            let (clean, credential) = splitCredentials(index)
            settings.pypiIndex = withSlash(clean)
            if let credential { settings.credentials.append(credential) }
        }
        return settings
    }

    /// The npm registry for a package name (its scope's registry, else the default).
    /// - Parameter name: The package name.
    /// - Returns: The registry base URL, ending in `/`.
    public func npmRegistry(for name: String) -> String {
        if name.hasPrefix("@"), let slash = name.firstIndex(of: "/"), let scoped = npmScopeRegistries[String(name[..<slash])] {
            return scoped
        }
        return npmRegistry
    }

    /// Adds a trailing slash when missing.
    static func withSlash(_ url: String) -> String { url.hasSuffix("/") ? url : url + "/" }

    /// Splits `https://user:pass@host/path` into the URL without user info and a Basic credential for its host.
    static func splitCredentials(_ url: String) -> (String, Credential?) {
        guard var components = URLComponents(string: url), let user = components.user, let host = components.host else {
            return (url, nil)
        }
        let password = components.password ?? ""
        components.user = nil
        components.password = nil
        let clean = components.string ?? url
        let token = Data("\(user.removingPercentEncoding ?? user):\(password.removingPercentEncoding ?? password)".utf8)
            .base64EncodedString()
        let hostAndPort = URLParts(clean)?.hostAndPort ?? host
        return (clean, Credential(host: hostAndPort, authorization: "Basic \(token)"))
    }
}
