import Foundation
import LockgateKit

/// Shows download progress on standard error: a redrawn bar on a terminal, a plain line every tenth of the way in CI
/// logs. Standard output stays for reports.
final class ProgressLine: @unchecked Sendable {
    // @unchecked Sendable: `lastDecile` and `lastDraw` are only touched under `lock`.
    private let lock = NSLock()
    private let isTerminal: Bool
    private var lastDecile = -1
    private var lastDraw = Date.distantPast

    init() {
        isTerminal = isatty(STDERR_FILENO) == 1
    }

    /// Reports one finished package.
    func update(_ progress: FetchProgress) {
        lock.lock()
        defer { lock.unlock() }
        let megabytes = String(format: "%.1f MB", Double(progress.bytes) / 1_048_576)
        if isTerminal {
            let now = Date()
            guard progress.done == progress.total || now.timeIntervalSince(lastDraw) > 0.1 else { return }
            lastDraw = now
            let width = 30
            let filled = progress.total == 0 ? width : width * progress.done / progress.total
            let bar = String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled)
            var line = "\r[\(bar)] \(progress.done)/\(progress.total) packages, \(megabytes)"
            if progress.done == progress.total { line += "\n" }
            FileHandle.standardError.write(Data(line.utf8))
        } else {
            let decile = progress.total == 0 ? 10 : progress.done * 10 / progress.total
            guard decile != lastDecile else { return }
            lastDecile = decile
            FileHandle.standardError.write(Data("lockgate: \(progress.done)/\(progress.total) packages checked, \(megabytes) downloaded\n".utf8))
        }
    }
}
