import Foundation

/// Writes lockgate's pre-commit hook into a repository, where git will run it (`core.hooksPath` and worktrees
/// included), never replacing a hook lockgate did not write unless forced.
public enum HookInstaller {
    /// What an installation did.
    public enum Outcome: Sendable, Hashable {
        /// There was no hook; lockgate's was written.
        case installed(path: String)
        /// lockgate's own hook was there and was rewritten with the current script.
        case updated(path: String)
        /// Another hook was there (`--force`): it was moved to `backup`, and lockgate's written.
        case replaced(path: String, backup: String)

        /// The hook's path.
        public var path: String {
            switch self {
            case .installed(let path), .updated(let path), .replaced(let path, _): path
            }
        }
    }

    /// Installs the pre-commit hook.
    /// - Parameters:
    ///   - repository: The repository.
    ///   - force: Replace a hook lockgate did not write (it is kept beside it as a backup).
    /// - Returns: What was done.
    /// - Throws: `DiffError.foreignHook` when another hook is there and `force` is false, `.cannotWrite` when the
    ///   file cannot be written, `.gitFailed` when git cannot say where hooks live.
    public static func install(in repository: GitRepository, force: Bool) throws(DiffError) -> Outcome {
        let path = try repository.gitPath("hooks/pre-commit")
        let manager = FileManager.default
        var outcome = Outcome.installed(path: path)
        if manager.fileExists(atPath: path) || isDanglingLink(path) {
            let existing = manager.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
            if existing.contains(PreCommitHook.marker) {
                outcome = .updated(path: path)
            } else if force {
                let backup = freeBackupPath(for: path)
                do {
                    try manager.moveItem(atPath: path, toPath: backup)
                } catch {
                    throw .cannotWrite(path: backup, detail: error.localizedDescription)
                }
                outcome = .replaced(path: path, backup: backup)
            } else {
                throw .foreignHook(path: path)
            }
        }
        do {
            let folder = (path as NSString).deletingLastPathComponent
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(PreCommitHook.script.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        } catch {
            throw .cannotWrite(path: path, detail: error.localizedDescription)
        }
        return outcome
    }

    // MARK: - Private

    /// `pre-commit.before-lockgate`, or with a number when that is taken.
    private static func freeBackupPath(for path: String) -> String {
        var candidate = path + ".before-lockgate"
        var number = 2
        while FileManager.default.fileExists(atPath: candidate) || isDanglingLink(candidate) {
            candidate = path + ".before-lockgate.\(number)"
            number += 1
        }
        return candidate
    }

    private static func isDanglingLink(_ path: String) -> Bool {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
    }
}
