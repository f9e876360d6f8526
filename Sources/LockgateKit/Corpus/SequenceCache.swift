import Foundation
import LockgateCore

/// Behaviour sequences of corpus archives kept on disk by archive sha256 and analyser version, so that a second
/// `lockgate train` or `eval` over the same corpus analyses nothing.
///
/// Evidence text (paths and snippets) is not kept: the model reads only kinds, contexts, order and package features.
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
        stripped.behaviours = sequence.behaviours.map { behaviour in
            var copy = behaviour
            copy.path = ""
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
