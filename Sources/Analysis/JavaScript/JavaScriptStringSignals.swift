import LockgateCore

/// The string signals of one file's string constants and folded values: exactly `StringSignals.kinds(in:)`,
/// remembered per distinct string in the file and, for short strings, across the files one analyser reads
/// (`JavaScriptSignalCache`), since the same constants recur (`./index`, `node:path`, header names).
///
/// It never computes an answer of its own (an earlier keyword pre-filter here dropped URLs, Discord and browser
/// stores, recon and shell commands that `StringSignals` reports): what the JavaScript analyser reports for a string
/// is what `StringSignals` says about it, so both analysers and every rule test of `StringSignals` agree.
struct JavaScriptStringSignals: Sendable {
    /// Creates an empty memo.
    /// - Parameter shared: Answers shared with the other files of the analyser, if any.
    init(shared: JavaScriptSignalCache? = nil) {
        self.shared = shared
    }

    /// The answers shared with the other files of the analyser (handed to the walk of code found in a string).
    var sharedCache: JavaScriptSignalCache? { shared }

    /// The behaviour kinds a string signals: `StringSignals.kinds(in:)`, remembered.
    /// - Parameter text: The string's value.
    /// - Returns: Its kinds, in `StringSignals`' order.
    mutating func kinds(in text: String) -> [BehaviourKind] {
        let count = text.utf8.count
        guard count >= 4 else { return StringSignals.kinds(in: text) }
        // Longer strings are neither remembered here nor shared (the shared cache keeps only shorter ones).
        guard count <= Self.longestRemembered else { return StringSignals.kinds(in: text) }
        let key = SignalKey(text)
        if let known = cache.kinds(of: key) { return known }
        if let known = shared?.kinds(of: key) {
            if cache.count < Self.capacity { cache.store(known, for: key) }
            return known
        }
        let result = StringSignals.kinds(in: text)
        if cache.count < Self.capacity { cache.store(result, for: key) }
        shared?.store(result, for: key)
        return result
    }

    // MARK: - Private

    /// The most distinct strings remembered per file.
    private static let capacity = 20_000
    /// Longer strings are not remembered per file: hashing one costs about as much as classifying it again.
    private static let longestRemembered = 4_096

    private var cache = SignalTable()
    private let shared: JavaScriptSignalCache?
}
