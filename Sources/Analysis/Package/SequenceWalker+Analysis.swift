import Foundation
import LockgateCore

extension SequenceWalker {
    /// Analyses a JavaScript or Python file in the current context, within the size caps; `nil` when skipped.
    mutating func analyse(_ file: PackageFile) -> FileAnalysis? {
        guard admit(file) else { return nil }
        let source = SourceFile(path: file.path, data: file.data, context: context)
        let analysis = layout.kind(file.path) == .python ? python.analyse(source) : javascript.analyse(source)
        return analysis
    }

    /// Records an analysis under its unit key (replacing one recorded under the same key).
    /// - Returns: Its unit id.
    mutating func record(_ analysis: FileAnalysis, key: String) -> Int {
        analyses[key] = analysis
        let unit = units.count
        units.append(analysis)
        visitedFunctions.append([])
        unitIds[key] = unit
        return unit
    }

    /// A shell file's text, within the size caps; `nil` when skipped.
    mutating func deepText(_ file: PackageFile) -> String? {
        guard admit(file) else { return nil }
        return String(decoding: file.data, as: UTF8.self)
    }

    // MARK: - Private

    /// Whether a file goes to deep analysis: at most ``PackageAnalyzer/maxFileBytes`` itself, and while the package
    /// total stays within ``PackageAnalyzer/maxTotalBytes``.
    ///
    /// Skipped files are listed (and still counted in the package features).
    private mutating func admit(_ file: PackageFile) -> Bool {
        guard file.data.count <= PackageAnalyzer.maxFileBytes,
            deepBytes + file.data.count <= PackageAnalyzer.maxTotalBytes
        else {
            skipped.append(file.path)
            return false
        }
        deepBytes += file.data.count
        if context == .install { installSourceBytes += file.data.count }
        return true
    }
}

/// Moves the positions of inline code (`node -e '...'` in package.json) to where the code sits in its file: line 1
/// of the code starts at the given line and column.
enum InlineRemap {
    /// The analysis with every behaviour's line and column moved.
    static func remap(_ analysis: FileAnalysis, line: Int, column: Int) -> FileAnalysis {
        func move(_ events: [CodeEvent]) -> [CodeEvent] {
            events.map { event in
                guard case .behaviour(var behaviour) = event else { return event }
                if behaviour.line <= 1 { behaviour.column += column - 1 }
                behaviour.line += line - 1
                return .behaviour(behaviour)
            }
        }
        var result = analysis
        result.topLevel = move(analysis.topLevel)
        result.functions = analysis.functions.mapValues(move)
        return result
    }
}
