import LockgateCore

/// The text form of `lockgate list`: per lockfile a header line and an aligned package table, local links after it,
/// then the lockfiles that could not be read.
enum ListTextRenderer {
    /// The text.
    /// - Parameters:
    ///   - lockfiles: Lockfiles in output order.
    ///   - problems: Problems in output order.
    /// - Returns: The text, ending in a newline (empty input gives `no lockfiles`).
    static func text(_ lockfiles: [LockfileContents], problems: [RunProblem]) -> String {
        var sections = lockfiles.map(section)
        if !problems.isEmpty {
            sections.append(problems.map { "could not read: \(DisplayText.singleLine($0.description))\n" }.joined())
        }
        if sections.isEmpty { return "no lockfiles\n" }
        return sections.joined(separator: "\n")
    }

    // MARK: - Private

    private static func section(_ contents: LockfileContents) -> String {
        let version = contents.formatVersion.map { " v\(DisplayText.singleLine($0))" } ?? ""
        var out = "\(DisplayText.singleLine(contents.path)) (\(contents.format.rawValue)\(version)): "
        out += DisplayText.counted(contents.packages.count, "package") + ", "
        out += DisplayText.counted(contents.localLinks.count, "local link") + "\n"
        if !contents.packages.isEmpty {
            var table = TextTable(header: ["NAME", "VERSION", "SOURCE", "DEV/OPT", "LINE"])
            for package in contents.packages {
                table.append([
                    DisplayText.singleLine(package.name), DisplayText.singleLine(package.version), source(package),
                    flags(package), String(package.location.line),
                ])
            }
            out += table.render(colour: false, indent: "  ")
        }
        if !contents.localLinks.isEmpty {
            var table = TextTable(header: ["LOCAL LINK", "KIND", "PATH", "LINE"])
            for link in contents.localLinks {
                table.append([
                    DisplayText.singleLine(link.name ?? "-"), link.kind.rawValue, DisplayText.singleLine(link.path),
                    String(link.location.line),
                ])
            }
            out += table.render(colour: false, indent: "  ")
        }
        return out
    }

    /// `registry`, or the kind and URL of anything else (`git git+https://...`).
    private static func source(_ package: LockedPackage) -> String {
        let kind = package.source.kind
        guard kind != .registry, let url = package.source.url else { return kind.rawValue }
        return "\(kind.rawValue) \(DisplayText.singleLine(url))"
    }

    /// `dev`, `opt`, `dev,opt` or `-`; a trailing `unpinned` or `bundled` when that applies.
    private static func flags(_ package: LockedPackage) -> String {
        var flags: [String] = []
        if package.dev { flags.append("dev") }
        if package.optional { flags.append("opt") }
        if !package.pinned { flags.append("unpinned") }
        if package.bundled { flags.append("bundled") }
        return flags.isEmpty ? "-" : flags.joined(separator: ",")
    }
}
