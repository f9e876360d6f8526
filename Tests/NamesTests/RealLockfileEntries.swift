import Foundation
import LockgateCore

/// One locked entry pulled out of a real lockfile: enough to check its name and archive URL.
struct RealEntry: Hashable {
    var ecosystem: Ecosystem
    var name: String
    var aliases: [String] = []
    var url: String?
}

/// A rough, test-only extractor of names, aliases and archive URLs from the real lockfiles of `../shared/lockfiles`
/// (the Lockfile module's parsers are the real thing; this only has to find names, so it leans on line shapes).
enum RealLockfileEntries {
    /// Every entry of every file listed in MANIFEST.tsv.
    static func all() throws -> [RealEntry] {
        let folder = SharedData.root.appendingPathComponent("lockfiles")
        let manifest = try String(contentsOf: folder.appendingPathComponent("MANIFEST.tsv"), encoding: .utf8)
        var entries: [RealEntry] = []
        for row in manifest.split(separator: "\n").dropFirst() {
            let columns = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count > 1 else { continue }
            let data = try Data(contentsOf: folder.appendingPathComponent(columns[0]))
            entries += try extract(format: columns[1], data: data)
        }
        return entries
    }

    // MARK: - Private

    private static func extract(format: String, data: Data) throws -> [RealEntry] {
        let text = String(decoding: data, as: UTF8.self)
        switch format {
        case "npm", "npm-shrinkwrap": return try npm(data)
        case "yarn-classic", "yarn-berry": return yarn(text)
        case "pnpm": return pnpm(text)
        case "uv", "poetry": return toml(text)
        case "pipfile": return try pipfile(data)
        default: return requirements(text)
        }
    }

    private static func npm(_ data: Data) throws -> [RealEntry] {
        let root = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        var out: [RealEntry] = []
        if let packages = root["packages"] as? [String: [String: Any]] {
            for (key, meta) in packages where key.contains("node_modules/") && meta["link"] as? Bool != true {
                let last = String(key.components(separatedBy: "node_modules/").last ?? key)
                let name = meta["name"] as? String ?? last
                out.append(RealEntry(ecosystem: .npm, name: name, aliases: [last], url: meta["resolved"] as? String))
            }
            return out
        }
        func walk(_ dependencies: [String: [String: Any]], depth: Int) {
            guard depth < 64 else { return }
            for (key, meta) in dependencies {
                let version = meta["version"] as? String ?? ""
                let name = version.hasPrefix("npm:") ? splitSpec(String(version.dropFirst(4))).name : key
                out.append(RealEntry(ecosystem: .npm, name: name, aliases: [key], url: meta["resolved"] as? String))
                walk(meta["dependencies"] as? [String: [String: Any]] ?? [:], depth: depth + 1)
            }
        }
        walk(root["dependencies"] as? [String: [String: Any]] ?? [:], depth: 0)
        return out
    }

    private static func yarn(_ text: String) -> [RealEntry] {
        var out: [RealEntry] = []
        var current: [RealEntry] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if !line.hasPrefix(" "), !line.hasPrefix("#"), line.hasSuffix(":"), !line.hasPrefix("__metadata") {
                out += current
                current = []
                let specs = line.dropLast().split(separator: ",")
                    .map { $0.trimmingCharacters(in: .init(charactersIn: "\" ")) }
                let local = ["@workspace:", "@link:", "@portal:"]
                if specs.contains(where: { spec in local.contains { spec.contains($0) } }) { continue }
                var names: [String] = []
                var aliases: [String] = []
                for spec in specs {
                    let (name, range) = splitSpec(spec)
                    if range.hasPrefix("npm:"), splitSpec(String(range.dropFirst(4))).range != "" {
                        aliases.append(name)
                        names.append(splitSpec(String(range.dropFirst(4))).name)
                    } else {
                        names.append(name)
                    }
                }
                for name in Set(names) {
                    current.append(RealEntry(ecosystem: .npm, name: name, aliases: aliases.filter { $0 != name }))
                }
            } else if line.hasPrefix("  resolved ") {
                let url = line.dropFirst(11).trimmingCharacters(in: .init(charactersIn: "\" "))
                for index in current.indices { current[index].url = url }
            }
        }
        return out + current
    }

    private static func pnpm(_ text: String) -> [RealEntry] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let version5 = lines.contains { $0.hasPrefix("lockfileVersion: 5") }
        var out: [RealEntry] = []
        var inPackages = false
        for line in lines {
            if !line.hasPrefix(" "), !line.isEmpty { inPackages = line == "packages:" }
            guard inPackages else { continue }
            if line.hasPrefix("  "), !line.hasPrefix("   "), line.hasSuffix(":") {
                var key = line.dropFirst(2).dropLast().trimmingCharacters(in: .init(charactersIn: "'\""))
                if key.hasPrefix("/") { key.removeFirst() }
                guard !key.hasPrefix("file:"), !key.hasPrefix("link:") else { continue }
                key = String(key.prefix { $0 != "(" })
                let parts = key.split(separator: "/")
                let name = version5
                    ? parts.prefix(key.hasPrefix("@") ? 2 : 1).joined(separator: "/") : splitSpec(key).name
                out.append(RealEntry(ecosystem: .npm, name: name))
            } else if let range = line.range(of: "tarball: "), !out.isEmpty {
                let url = line[range.upperBound...].prefix { $0 != "," && $0 != "}" }
                out[out.count - 1].url = url.trimmingCharacters(in: .init(charactersIn: "'\" "))
            }
        }
        return out
    }

    private static func toml(_ text: String) -> [RealEntry] {
        var out: [RealEntry] = []
        for block in text.components(separatedBy: "[[package]]").dropFirst() {
            let body = block.components(separatedBy: "\n[metadata")[0]
            let local = ["editable", "virtual", "directory", "workspace"].map { "source = { \($0)" }
            guard let name = firstCapture(#"(?m)^name = "([^"]+)""#, in: body),
                !local.contains(where: body.contains), !body.contains(#"type = "directory""#)
            else { continue }
            let urls = allCaptures(#"(?:url|file) = "([^"]+\.(?:whl|tar\.gz|zip|tgz|tar\.bz2))""#, in: body)
            let optionalURLs: [String?] = urls.isEmpty ? [nil] : urls
            out += optionalURLs.map { RealEntry(ecosystem: .pypi, name: name, url: $0) }
        }
        return out
    }

    private static func pipfile(_ data: Data) throws -> [RealEntry] {
        let root = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        return root.filter { $0.key != "_meta" }.flatMap { section in
            (section.value as? [String: Any] ?? [:]).keys.map { RealEntry(ecosystem: .pypi, name: $0) }
        }
    }

    private static func requirements(_ text: String) -> [RealEntry] {
        text.split(separator: "\n").compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let egg = firstCapture(#"#egg=([A-Za-z0-9_.-]+?)(?:==|$)"#, in: trimmed) {
                return RealEntry(ecosystem: .pypi, name: egg)
            }
            guard !trimmed.hasPrefix("#"), !trimmed.hasPrefix("-"), !trimmed.contains("://"),
                let name = firstCapture(#"^([A-Za-z0-9][A-Za-z0-9_.-]*)"#, in: trimmed)
            else { return nil }
            return RealEntry(ecosystem: .pypi, name: name)
        }
    }

    /// `@scope/name@range` → (`@scope/name`, `range`).
    private static func splitSpec(_ spec: String) -> (name: String, range: String) {
        guard let at = spec.dropFirst().firstIndex(of: "@") else { return (spec, "") }
        return (String(spec[..<at]), String(spec[spec.index(after: at)...]))
    }

    private static func firstCapture(_ pattern: String, in text: String) -> String? {
        allCaptures(pattern, in: text).first
    }

    private static func allCaptures(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
