import LockgateCore

/// The project name and version a PyPI archive file name gives: `<name>-<version>.tar.gz` (also `.zip`, `.tar.bz2`,
/// `.tar.xz`, `.tgz`) for source distributions, `<name>-<version>(-<build>)?-<py>-<abi>-<platform>.whl` for wheels
/// (whose name has `-` escaped as `_`).
struct PyPIFileName: Sendable, Equatable {
    /// The project name as the file writes it.
    var name: String
    /// The version as the file writes it.
    var version: String
    /// The file name without its archive extension (for sdists, where the name/version split can be ambiguous).
    var stem: String

    private static let sdistExtensions = [".tar.gz", ".tar.bz2", ".tar.xz", ".tgz", ".zip"]

    /// Reads the last path segment of a URL path.
    /// - Parameter path: A URL path or bare file name (percent-encoded or not).
    /// - Returns: The parts, or nil when the segment is not a recognisable archive name. GitHub-style `/archive/`
    ///   paths are not PyPI file names and give nil.
    init?(path: String) {
        let segments = PercentDecoding.decode(path).split(separator: "/")
        guard let file = segments.last, !segments.contains("archive") else { return nil }
        let lowered = file.lowercased()
        if lowered.hasSuffix(".whl") {
            let parts = file.dropLast(4).split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 5 || parts.count == 6, parts.allSatisfy({ !$0.isEmpty }),
                Self.looksLikeVersion(parts[1])
            else { return nil }
            self.init(name: String(parts[0]), version: String(parts[1]), stem: String(file.dropLast(4)))
            return
        }
        guard let ext = Self.sdistExtensions.first(where: { lowered.hasSuffix($0) }) else { return nil }
        let stem = file.dropLast(ext.count)
        // The version starts after the last `-` that is followed by a digit.
        guard let dash = stem.indices.last(where: { index in
            stem[index] == "-" && stem.index(after: index) < stem.endIndex
                && Self.looksLikeVersion(stem[stem.index(after: index)...])
        }), dash > stem.startIndex
        else { return nil }
        self.init(name: String(stem[..<dash]), version: String(stem[stem.index(after: dash)...]), stem: String(stem))
    }

    /// Creates the parts directly.
    init(name: String, version: String, stem: String) {
        self.name = name
        self.version = version
        self.stem = stem
    }

    /// Whether the file could belong to a project with this PEP 503 name: the stem is that name, `-`, then a version
    /// (for sdists whose name holds `-<digit>`, such as `foo-2-1.0.tar.gz`).
    /// - Parameter normalisedName: A PEP 503 name.
    /// - Returns: True when some split of the stem gives that name.
    func couldBeNamed(_ normalisedName: String) -> Bool {
        let normalisedStem = PackageName.pep503(stem)
        guard normalisedStem.hasPrefix(normalisedName + "-") else { return false }
        return Self.looksLikeVersion(normalisedStem.dropFirst(normalisedName.count + 1))
    }

    // MARK: - Private

    private static func looksLikeVersion(_ text: Substring) -> Bool {
        guard let first = text.first, first.isASCII, first.isNumber else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._+!-".contains($0)) }
    }
}
