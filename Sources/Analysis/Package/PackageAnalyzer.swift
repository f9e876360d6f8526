import Foundation
import LockgateCore

/// Turns a package's files into a ``PackageAnalysis``: detects the ecosystem and layout, plans the entry points,
/// walks them in execution order into a `BehaviourSequence`, and fills the package features.
///
/// Work is capped for huge packages: a source file over ``maxFileBytes`` is not analysed, and once
/// ``maxTotalBytes`` of source has been analysed the remaining files are not either; skipped files are listed in
/// ``PackageAnalysis/skippedFiles`` and still counted in the features.
public struct PackageAnalyzer: Sendable {
    /// Largest source file analysed (8 MiB): bundles and generated API clients reach a few MiB, and a payload padded
    /// past a smaller cap (a 2.7 MB setup.py, a 7 MB `__init__.py` in the corpus) would otherwise go unread.
    public static let maxFileBytes = 8 << 20
    /// Most source bytes analysed per package (64 MiB).
    public static let maxTotalBytes = 64 << 20

    private let javascript: any FileAnalyzer
    private let python: any FileAnalyzer

    /// Creates an analyser with the given per-language analysers.
    /// - Parameters:
    ///   - javascript: The JavaScript/TypeScript analyser.
    ///   - python: The Python analyser.
    public init(javascript: any FileAnalyzer, python: any FileAnalyzer) {
        self.javascript = javascript
        self.python = python
    }

    /// Analyses a package.
    /// - Parameters:
    ///   - files: The package's files, as read from its archive.
    ///   - ecosystem: The ecosystem when known; `nil` detects it from the files.
    /// - Returns: The package's identity, behaviour sequence and per-file analyses.
    public func analyse(files: [PackageFile], ecosystem: Ecosystem?) -> PackageAnalysis {
        let layout = PackageLayout(files: files)
        let ecosystem = ecosystem ?? layout.detectEcosystem()
        var manifest: NPMManifest?
        let name: String?, version: String?, buildsNative: Bool
        let entries: [PlannedEntry]
        let resolver: ModuleResolver
        switch ecosystem {
        case .npm:
            let manifestPath = layout.root + "package.json"
            manifest = layout.file(manifestPath).map { NPMManifest(path: manifestPath, data: $0.data) }
            resolver = ModuleResolver(layout: layout, packageName: manifest?.name)
            entries = EntryPlanner.npm(layout: layout, manifest: manifest, resolver: resolver)
            (name, version) = (manifest?.name, manifest?.version)
            buildsNative = layout.exists(layout.root + "binding.gyp") || (manifest?.declaresNative ?? false)
        case .pypi:
            let read = PythonMetadata(layout: layout)
            resolver = ModuleResolver(layout: layout, packageName: nil)
            entries = EntryPlanner.python(layout: layout, metadata: read, resolver: resolver)
            (name, version) = (read.name, read.version)
            buildsNative = read.buildsNative
        }
        var walker = SequenceWalker(
            layout: layout, resolver: resolver,
            javascript: javascript, python: python, manifest: manifest, buildsNative: buildsNative)
        walker.walk(entries)
        var analyses = walker.analyses.sorted { $0.key < $1.key }.map(\.value)
        var minified: Set<String> = []
        for (index, analysis) in analyses.enumerated() where analysis.language != .shell {
            if let file = layout.file(analysis.path), analysis.isMinified || SourceShape.isMinified(file.data) {
                analyses[index].isMinified = true
                minified.insert(analysis.path)
            }
        }
        let hasInstallHook = entries.contains { $0.kind == .install && $0.name != "dependencies" }
        let features = PackageFeatureCounter.features(
            layout: layout, installSourceBytes: walker.installSourceBytes, hasInstallHook: hasInstallHook,
            minified: minified, skipped: Set(walker.skipped))
        let sequence = BehaviourSequence(
            ecosystem: ecosystem, behaviours: walker.behaviours, tokens: walker.tokens,
            features: features)
        return PackageAnalysis(
            ecosystem: ecosystem, name: name, version: version, sequence: sequence,
            fileAnalyses: analyses, entryNames: walker.entryNames, skippedFiles: walker.skipped)
    }
}
