import Foundation
import LockgateCore

/// Analyses JavaScript (and TypeScript/JSX tolerantly): lexes the file once, then walks its tokens resolving
/// `require`/`import`, aliases, destructuring and member chains, folding constant strings, and records each
/// behaviour with its evidence, in statement order, with function bodies under their names.
public struct JavaScriptAnalyzer: FileAnalyzer {
    /// Files larger than this are analysed up to this many bytes.
    public static let maximumBytes = 64 << 20

    /// Creates an analyser.
    public init() {}

    /// The string signals of short strings, shared by the files this analyser reads.
    private let signals = JavaScriptSignalCache()

    /// Analyses a file. Never fails; linear in the file's size.
    /// - Parameter file: The file.
    /// - Returns: Its events and whether it is minified.
    public func analyse(_ file: SourceFile) -> FileAnalysis {
        analyse(file, whitespace: false).analysis
    }

    /// Measures a file: layout, obfuscator names, packed eval, string-array rotation, escaped strings.
    /// - Parameter file: The file.
    /// - Returns: Its metrics (`isMinified` and `isObfuscated` are the verdicts).
    public func metrics(of file: SourceFile) -> JavaScriptMetrics {
        analyseWithMetrics(file).metrics
    }

    /// Analyses a file and measures it in one pass.
    /// - Parameter file: The file.
    /// - Returns: The analysis and the metrics.
    public func analyseWithMetrics(_ file: SourceFile) -> (analysis: FileAnalysis, metrics: JavaScriptMetrics) {
        analyse(file, whitespace: true)
    }

    // MARK: - Private

    /// The analysis and the metrics; `whitespaceShare` only when `whitespace` is set (the analysis never reads it).
    private func analyse(_ file: SourceFile, whitespace: Bool) -> (analysis: FileAnalysis, metrics: JavaScriptMetrics) {
        let source = JavaScriptSource(bytes: [UInt8](file.data.prefix(Self.maximumBytes)))
        let stream = source.bytes.withUnsafeBufferPointer { JavaScriptLexer.lex($0) }
        var walker = JavaScriptWalker(source: source, stream: stream, file: file, signals: signals)
        walker.run()
        var metrics = JavaScriptMetrics.layout(of: source, whitespace: whitespace)
        metrics.identifiers = stream.identifierCount
        metrics.hexIdentifiers = stream.hexIdentifierCount
        metrics.packedEval = walker.packedEval
        metrics.stringArrayRotation = walker.rotationAt >= 0 && walker.largestStringArray >= 10
        metrics.escapedStrings = walker.escapedStrings
        return (walker.result(isMinified: metrics.isMinified), metrics)
    }
}
