import Foundation
import LockgateCore

extension ShellRun {
    /// `powershell`/`pwsh`/`cmd`: a process; `-w hidden` is hidden; `-enc` text is decoded (UTF-16LE base64) and
    /// its signals reported as `decoded: ...`; `cmd /c` text is analysed as a nested command line.
    mutating func powershell(head: ShellToken, arguments: [ShellToken], anchor: ShellToken?, pipedFromDownload: Bool) {
        emit(.spawnProcess, at: head, anchor: anchor)
        if pipedFromDownload { emit(.downloadExecute, at: head, anchor: anchor) }
        let lowered = arguments.map { $0.text.lowercased() }
        for (index, flag) in lowered.enumerated() {
            let value = index + 1 < lowered.count ? lowered[index + 1] : ""
            if ["-w", "-windowstyle", "-win"].contains(flag) && value == "hidden" {
                emit(.hiddenProcess, at: head, anchor: anchor)
            }
            if ["-noninteractive", "-noni"].contains(flag) && lowered.contains(where: { $0.hasPrefix("-w") }) {
                emit(.hiddenProcess, at: head, anchor: anchor)
            }
            if ["-enc", "-e", "-ec", "-encodedcommand", "-en"].contains(flag), index + 1 < arguments.count {
                emit(.useEncoding, at: head, anchor: anchor)
                if let decoded = ShellRun.decodeUTF16Base64(arguments[index + 1].text) {
                    let snippet = "decoded: " + ShellRun.trim(decoded)
                    var kinds = StringSignals.kinds(in: decoded)
                    if ShellSignals.isShellCommand(decoded.lowercased()) { kinds.append(.shellCommand) }
                    for kind in kinds { emit(kind, at: arguments[index + 1], anchor: anchor, snippet: snippet) }
                }
            }
            if (flag == "/c" || flag == "/k") && ShellRun.commandName(head.text) == "cmd" {
                let rest = arguments[(index + 1)...].map(\.text).joined(separator: " ")
                analyse(rest, depth: ShellAnalyzer.maxDepth, anchor: anchor ?? head)
                return
            }
        }
    }

    /// Decodes PowerShell's `-EncodedCommand` value: base64 of UTF-16LE text (UTF-8 accepted too).
    static func decodeUTF16Base64(_ text: String) -> String? {
        guard let data = Data(base64Encoded: text, options: .ignoreUnknownCharacters), !data.isEmpty else { return nil }
        if data.count % 2 == 0, data.count >= 2, data[data.startIndex + 1] == 0 {
            let units = stride(from: data.startIndex, to: data.endIndex - 1, by: 2).map {
                UInt16(data[$0]) | UInt16(data[$0 + 1]) << 8
            }
            return String(decoding: units, as: UTF16.self)
        }
        return String(data: data, encoding: .utf8)
    }
}
