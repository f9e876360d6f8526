import Foundation
import LockgateCore

/// Behaviour sequences of corpus archives kept on disk by archive sha256 and analyser version, so that a second
/// `lockgate train` or `eval` over the same corpus analyses nothing.
///
/// Evidence text is not kept — snippets are dropped and paths replaced by `file<N>` — yet the model's features come
/// out the same as from the full sequence: kinds, contexts, order, package features, and which behaviours share a file.
public struct SequenceCache: Sendable {
    /// The folder of this analyser version's sequences.
    public let folder: String

    /// Creates a cache.
    /// - Parameters:
    ///   - cacheDirectory: lockgate's cache directory.
    ///   - analyserVersion: The analyser's version (a new version starts an empty folder).
    public init(cacheDirectory: String, analyserVersion: String) {
        let safeVersion = String(
            analyserVersion.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." ? $0 : "_" })
        folder = (cacheDirectory as NSString).appendingPathComponent("corpus-sequences/\(safeVersion)")
    }

    /// The cached sequence of an archive, when present and readable.
    /// - Parameter sha256: The archive's sha256.
    /// - Returns: The sequence, or nil.
    public func sequence(sha256: String) -> BehaviourSequence? {
        guard let data = FileManager.default.contents(atPath: path(sha256)) else { return nil }
        return try? JSONDecoder().decode(BehaviourSequence.self, from: data)
    }

    /// Stores an archive's sequence (evidence text removed); failures are ignored (the cache is an optimisation).
    /// - Parameters:
    ///   - sequence: The sequence.
    ///   - sha256: The archive's sha256.
    public func store(_ sequence: BehaviourSequence, sha256: String) {
        var stripped = sequence
        // Paths become `file<N>` in order of first appearance: the text goes, but which behaviours share a file
        // stays (the model's `with` features pair kinds found in one file).
        var files: [String: String] = [:]
        stripped.behaviours = sequence.behaviours.map { behaviour in
            var copy = behaviour
            if let known = files[behaviour.path] {
                copy.path = known
            } else {
                copy.path = "file\(files.count)"
                files[behaviour.path] = copy.path
            }
            copy.snippet = ""
            return copy
        }
        let target = path(sha256)
        let directory = (target as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let data = try JSONEncoder().encode(stripped)
            try data.write(to: URL(fileURLWithPath: target), options: .atomic)
        } catch {
            return
        }
    }

    // MARK: - Private

    /// `<folder>/<first two digits>/<sha256>.json`.
    private func path(_ sha256: String) -> String {
        (folder as NSString).appendingPathComponent("\(sha256.prefix(2))/\(sha256).json")
    }
}
