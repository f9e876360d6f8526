import LockgateCore
import Synchronization

/// The string signals of short strings already classified, shared by every file one analyser reads.
///
/// String constants repeat across the files and packages of a run (`./index`, `node:path`, `10.0-10.1`, header
/// names), and `StringSignals` costs microseconds per string. Safe to share: all access goes through the `Mutex`.
final class JavaScriptSignalCache: Sendable {
    /// Strings longer than this (in UTF-8 bytes) are not kept.
    static let maximumLength = 256
    /// The most strings kept; the cache starts over when it is full.
    static let capacity = 50_000

    /// Creates an empty cache.
    init() {}

    /// The kinds of a string, when it was classified before.
    /// - Parameter text: The string.
    /// - Returns: Its kinds, or nil.
    func kinds(of text: String) -> [BehaviourKind]? {
        guard text.utf8.count <= Self.maximumLength else { return nil }
        return kinds(of: SignalKey(text))
    }

    /// Keeps the kinds of a string.
    /// - Parameters:
    ///   - kinds: Its kinds.
    ///   - text: The string.
    func store(_ kinds: [BehaviourKind], for text: String) {
        guard text.utf8.count <= Self.maximumLength else { return }
        store(kinds, for: SignalKey(text))
    }

    /// The kinds of a string (as a hashed key), when it was classified before.
    /// - Parameter key: The string's key.
    /// - Returns: Its kinds, or nil.
    func kinds(of key: SignalKey) -> [BehaviourKind]? {
        guard key.text.utf8.count <= Self.maximumLength else { return nil }
        return entries.withLock { $0.kinds(of: key) }
    }

    /// Keeps the kinds of a string (as a hashed key).
    /// - Parameters:
    ///   - kinds: Its kinds.
    ///   - key: The string's key.
    func store(_ kinds: [BehaviourKind], for key: SignalKey) {
        guard key.text.utf8.count <= Self.maximumLength else { return }
        entries.withLock { entries in
            if entries.count >= Self.capacity { entries.removeAll() }
            entries.store(kinds, for: key)
        }
    }

    // MARK: - Private

    private let entries = Mutex(SignalTable())
}
