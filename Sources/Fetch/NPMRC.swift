import Foundation

/// Reads the parts of an `.npmrc` file that decide where packages come from and how lockgate authenticates.
enum NPMRC {
    /// Applies one `.npmrc` file's settings (later files override earlier ones).
    /// - Parameters:
    ///   - text: The file's text.
    ///   - environment: For `${VAR}` substitution, as npm does.
    ///   - settings: The settings to update.
    static func apply(_ text: String, environment: [String: String], to settings: inout RegistrySettings) {
        var byPrefix: [String: [String: String]] = [:]
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#"), !line.hasPrefix(";"), let equals = line.firstIndex(of: "=") else {
                continue
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            var value = substitute(line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces), environment)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            if key == "registry" {
                settings.npmRegistry = RegistrySettings.withSlash(value)
            } else if key.hasPrefix("@"), key.hasSuffix(":registry") {
                settings.npmScopeRegistries[String(key.dropLast(":registry".count))] = RegistrySettings.withSlash(value)
            } else if key.hasPrefix("//"), let colon = key.range(of: ":", options: .backwards) {
                let prefix = String(key[..<colon.lowerBound])
                byPrefix[prefix, default: [:]][String(key[colon.upperBound...])] = value
            }
        }
        for (prefix, values) in byPrefix.sorted(by: { $0.key < $1.key }) {
            guard let credential = credential(prefix: prefix, values: values) else { continue }
            settings.credentials.removeAll { $0.host == credential.host && $0.pathPrefix == credential.pathPrefix }
            settings.credentials.append(credential)
        }
    }

    // MARK: - Private

    /// `//host[:port]/path/` with `_authToken`, `_auth`, or `username` + `_password` (base64).
    private static func credential(prefix: String, values: [String: String]) -> Credential? {
        let hostAndPath = prefix.dropFirst(2)
        let slash = hostAndPath.firstIndex(of: "/") ?? hostAndPath.endIndex
        let host = String(hostAndPath[..<slash])
        let path = slash < hostAndPath.endIndex ? String(hostAndPath[slash...]) : "/"
        guard !host.isEmpty else { return nil }
        if let token = values["_authToken"], !token.isEmpty {
            return Credential(host: host, pathPrefix: path, authorization: "Bearer \(token)")
        }
        if let auth = values["_auth"], !auth.isEmpty {
            return Credential(host: host, pathPrefix: path, authorization: "Basic \(auth)")
        }
        if let user = values["username"], let encoded = values["_password"],
            let password = Data(base64Encoded: encoded).map({ String(decoding: $0, as: UTF8.self) })
        {
            let token = Data("\(user):\(password)".utf8).base64EncodedString()
            return Credential(host: host, pathPrefix: path, authorization: "Basic \(token)")
        }
        return nil
    }

    /// Replaces `${NAME}` with the environment's value (empty when unset), as npm does.
    private static func substitute(_ value: String, _ environment: [String: String]) -> String {
        var result = ""
        var rest = Substring(value)
        while let start = rest.range(of: "${"), let end = rest[start.upperBound...].firstIndex(of: "}") {
            result += rest[..<start.lowerBound]
            result += environment[String(rest[start.upperBound..<end])] ?? ""
            rest = rest[rest.index(after: end)...]
        }
        return result + rest
    }
}

/// Reads pip's configuration files (INI) for the index URL.
enum PipConfig {
    /// The `index-url` of the `[global]` (or `[install]`) section, if set.
    /// - Parameter text: The file's text.
    /// - Returns: The URL.
    static func indexURL(in text: String) -> String? {
        var section = ""
        var found: String?
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") && line.hasSuffix("]") {
                section = String(line.dropFirst().dropLast()).lowercased()
                continue
            }
            guard section == "global" || section == "install", !line.hasPrefix("#"), !line.hasPrefix(";"),
                let separator = line.firstIndex(where: { $0 == "=" || $0 == ":" })
            else { continue }
            let key = line[..<separator].trimmingCharacters(in: .whitespaces).lowercased()
            if key == "index-url" || key == "index_url" {
                found = line[line.index(after: separator)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return found
    }
}
