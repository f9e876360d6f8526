import Foundation
import LockgateCore

/// The Python analyser: lexes a file, then a light pass over the tokens resolves imports and aliases, folds
/// constant strings and reports behaviours in statement order, with the calls of local functions and the imports
/// the sequence builder follows.
///
/// Functions and methods (`f`, `Class.method`, `outer.inner`) get their own event lists; calls to them appear as
/// `.callLocal` events where they happen. In a file named `setup.py`, the `setup()` call is followed by
/// `.callLocal("X.run")` for each install-time command class `X` (`cmdclass={'install': X}` or a subclass of
/// `install`, `develop`, `egg_info`, `build_py`, ...), so their bodies join the install sequence.
/// Every `import` and `from ... import` gives `.importModule(spec, line:)` with the spec as written (`os.path`,
/// `.`, `.sub`, `pkg.sub`), and for each name imported by `from X import a` also `X.a` (`.a` for `from . import a`),
/// which may be a submodule; the sequence builder ignores specs that name no file of the package.
public struct PythonAnalyzer: FileAnalyzer {
    /// Creates the analyser.
    public init() {}

    /// String-signal answers shared by every file this analyser reads (short strings repeat across files).
    private let signals = JavaScriptSignalCache()

    /// Call meanings shared by every file this analyser reads.
    private let calls = PythonCallCache()

    /// Analyses a Python file.
    /// - Parameter file: The file.
    /// - Returns: Its events; never fails, in time linear in the file's size.
    public func analyse(_ file: SourceFile) -> FileAnalysis {
        let context = PythonFileContext(file: file, signals: signals, calls: calls)
        context.run()
        let functions = context.functions  // its keys are the defined functions
        func keep(_ event: CodeEvent) -> Bool {
            if case .callLocal(let name) = event { return functions[name] != nil }
            return true
        }
        // Most lists call no undefined function: those are kept as they are, without a copy.
        func pruned(_ events: [CodeEvent]) -> [CodeEvent] {
            events.allSatisfy(keep) ? events : events.filter(keep)
        }
        // The dictionary is kept as it is too when no function calls an undefined one.
        let kept = functions.values.allSatisfy { $0.allSatisfy(keep) } ? functions : functions.mapValues(pruned)
        return FileAnalysis(
            path: file.path, language: .python, topLevel: pruned(context.topLevel), functions: kept,
            isMinified: false)
    }
}
