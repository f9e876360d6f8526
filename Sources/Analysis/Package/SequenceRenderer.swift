import Foundation
import LockgateCore

/// Renders a package's behaviour sequence for `lockgate explain`: a text listing (one token per line, indented by
/// entry, each behaviour with `path:line:column  snippet`) or a JSON document (schema version 1).
///
/// Pure: the CLI writes the bytes.
public enum SequenceRenderer {
    /// The output formats.
    public enum Format: String, Sendable, Hashable, CaseIterable {
        /// Human-readable text.
        case text
        /// ``SequenceDocument`` as JSON (sorted keys, pretty-printed).
        case json
    }

    /// Renders an analysis.
    /// - Parameters:
    ///   - analysis: The package analysis.
    ///   - format: The format.
    /// - Returns: UTF-8 bytes, ending in a newline.
    public static func render(_ analysis: PackageAnalysis, format: Format) -> Data {
        switch format {
        case .text: return Data(text(analysis).utf8)
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            // Encoding strings, integers and booleans cannot fail; an empty document is the fallback regardless.
            let data = (try? encoder.encode(SequenceDocument(analysis))) ?? Data("{}".utf8)
            return data + Data("\n".utf8)
        }
    }

    // MARK: - Private

    private static func text(_ analysis: PackageAnalysis) -> String {
        let sequence = analysis.sequence
        let features = sequence.features
        var lines: [String] = []
        let identity = [analysis.name, analysis.version].compactMap { $0 }.joined(separator: " ")
        lines.append("\(identity.isEmpty ? "(unnamed package)" : identity) (\(analysis.ecosystem.rawValue))")
        lines.append(
            "files \(features.fileCount), \(features.totalBytes) bytes; source \(features.sourceBytes) bytes "
                + "(install \(features.installSourceBytes)); javascript \(features.javascriptFiles), python "
                + "\(features.pythonFiles), binaries \(features.binaryFiles), minified \(features.minifiedFiles), "
                + "auxiliary \(features.auxiliaryFiles); install hook \(features.hasInstallHook ? "yes" : "no")")
        if !analysis.skippedFiles.isEmpty {
            lines.append("not analysed (size caps): \(analysis.skippedFiles.count) files")
        }
        lines.append("")
        var depth = 0
        var entryIndex = 0
        for token in sequence.tokens {
            let indent = String(repeating: "  ", count: depth)
            switch token {
            case .entryStart(let kind):
                let name = entryIndex < analysis.entryNames.count ? analysis.entryNames[entryIndex] : kind.rawValue
                entryIndex += 1
                lines.append("\(indent)start \(kind.rawValue)  \(name)")
                depth += 1
            case .entryEnd(let kind):
                depth = max(0, depth - 1)
                lines.append("\(String(repeating: "  ", count: depth))end \(kind.rawValue)")
            case .behaviour(let index):
                guard index < sequence.behaviours.count else { continue }
                let behaviour = sequence.behaviours[index]
                lines.append(
                    "\(indent)\(behaviour.context.rawValue):\(behaviour.kind.rawValue)  "
                        + "\(behaviour.path):\(behaviour.line):\(behaviour.column)  \(behaviour.snippet)")
            }
        }
        if sequence.tokens.isEmpty { lines.append("(no behaviours)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
