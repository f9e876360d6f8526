import Foundation

/// What lockgate reads from a package.json: identity, lifecycle scripts with their positions, entry points in the
/// order written, and whether the package declares native code.
struct NPMManifest: Sendable {
    /// One `scripts` entry.
    struct Script: Sendable, Hashable {
        var name: String
        var command: String
        /// The key's position (where `install_hook` is reported).
        var keyPosition: MetadataJSON.Position
        /// The value's position (its opening quote).
        var valuePosition: MetadataJSON.Position
    }

    /// The lifecycle scripts npm runs when the package is installed (or uninstalled), in the order it runs them.
    static let lifecycle = [
        "preinstall", "install", "postinstall", "prepublish", "preprepare", "prepare", "postprepare",
        "preuninstall", "uninstall", "postuninstall",
    ]
    /// Dependencies that mean the package loads or builds a native addon.
    static let nativeHelpers: Set<String> = [
        "node-gyp-build", "bindings", "prebuild-install", "node-pre-gyp", "@mapbox/node-pre-gyp", "nan",
        "node-addon-api", "cmake-js", "neon-cli", "@napi-rs/cli", "node-gyp", "prebuildify", "pkg-prebuilds",
        "@neon-rs/load", "detect-libc",
    ]

    /// The path of package.json.
    var path: String
    /// The parsed document (`nil` when it is not JSON).
    var document: MetadataJSON?
    /// The file's lines, for snippets.
    var lines: [Substring]
    var name: String?
    var version: String?
    /// Every script, in document order.
    var scripts: [Script] = []
    /// `main`, `module`, string `browser`, then the string leaves of `exports`, as written.
    var mainTargets: [String] = []
    /// `bin` entries as (command name, path), in document order.
    var binTargets: [(name: String, path: String)] = []
    /// Dependency specs with their positions (all dependency kinds).
    var dependencies: [(name: String, spec: String, position: MetadataJSON.Position)] = []
    /// Whether the package says it has native code: `gypfile`, `os`/`cpu` restrictions, or a native-addon helper
    /// among its dependencies.
    var declaresNative = false

    /// Reads a package.json.
    init(path: String, data: Data) {
        self.path = path
        let text = String(decoding: data, as: UTF8.self)
        lines = Self.lines(of: text)
        document = MetadataJSON.parse(data)
        guard let document else { return }
        name = document["name"]?.string
        version = document["version"]?.string
        if case .object(let members)? = document["scripts"] {
            for member in members {
                guard case .string(let command, let position) = member.value else { continue }
                scripts.append(
                    Script(
                        name: member.key, command: command, keyPosition: member.keyPosition,
                        valuePosition: position))
            }
        }
        for key in ["main", "module"] { if let target = document[key]?.string { mainTargets.append(target) } }
        if let browser = document["browser"]?.string { mainTargets.append(browser) }
        if let exports = document["exports"] {
            mainTargets += exports.strings(limit: 200).filter { !$0.contains("*") && !$0.hasSuffix("/") }
        }
        switch document["bin"] {
        case .string(let target, _)?: binTargets.append((name ?? "bin", target))
        case .object(let members)?:
            binTargets += members.compactMap { member in member.value.string.map { (member.key, $0) } }
        default: break
        }
        for kind in ["dependencies", "optionalDependencies", "devDependencies", "peerDependencies"] {
            guard case .object(let members)? = document[kind] else { continue }
            for member in members {
                guard case .string(let spec, let position) = member.value else { continue }
                dependencies.append((member.key, spec, position))
            }
        }
        let runtime = Set(dependencies.map(\.name))
        declaresNative =
            document["gypfile"] != nil || document["os"] != nil || document["cpu"] != nil
            || !runtime.isDisjoint(with: NPMManifest.nativeHelpers)
    }

    /// The lines of a text: exactly `text.split(separator: "\n", omittingEmptySubsequences: false)`, found on the
    /// UTF-8 bytes. A `\n` is a `Character` of its own unless a `\r` comes before it (`\r\n` is one `Character`, so
    /// the `Character` split does not cut there), and the bytes around it are `Character` boundaries.
    private static func lines(of text: String) -> [Substring] {
        var text = text
        var cuts: [Int] = []
        text.withUTF8 { bytes in
            var previous: UInt8 = 0
            for offset in bytes.indices {
                if bytes[offset] == 0x0A && previous != 0x0D { cuts.append(offset) }
                previous = bytes[offset]
            }
        }
        let utf8 = text.utf8
        var lines: [Substring] = []
        lines.reserveCapacity(cuts.count + 1)
        var start = 0
        for cut in cuts + [utf8.count] {
            let lower = utf8.index(utf8.startIndex, offsetBy: start)
            let upper = utf8.index(utf8.startIndex, offsetBy: cut)
            lines.append(text[lower..<upper])
            start = cut + 1
        }
        return lines
    }

    /// A script by name.
    func script(_ name: String) -> Script? { scripts.first { $0.name == name } }

    /// The trimmed line at a position, at most 160 characters (a window around the column on long lines).
    func snippet(line: Int, column: Int = 1) -> String {
        guard line >= 1 && line <= lines.count else { return "" }
        return ShellRun.trim(lines[line - 1], around: column)
    }
}
