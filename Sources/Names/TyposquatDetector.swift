import LockgateCore
import Synchronization

/// Finds package names that look like typos of popular names: one or two edits away, or a known confusable
/// transform (separators, doubled or dropped letters, transpositions, affixes, look-alike characters, npm scopes).
///
/// A popular name is never a candidate, and PyPI names are compared PEP 503-normalised. The per-ecosystem index is
/// built on first use and shared by copies of the detector.
public struct TyposquatDetector: Sendable {
    private let popular: PopularNames
    private let thresholds: TyposquatThresholds
    private let indexes: IndexCache

    /// Creates a detector over a set of popular names.
    /// - Parameter popular: The names typosquats would imitate.
    public init(popular: PopularNames) {
        self.init(popular: popular, thresholds: .standard)
    }

    /// Creates a detector with explicit length limits.
    /// - Parameters:
    ///   - popular: The names typosquats would imitate.
    ///   - thresholds: The length limits.
    init(popular: PopularNames, thresholds: TyposquatThresholds) {
        self.popular = popular
        self.thresholds = thresholds
        indexes = IndexCache()
    }

    /// Checks one name.
    /// - Parameters:
    ///   - name: The package name as the lockfile gives it.
    ///   - ecosystem: Its ecosystem.
    /// - Returns: The closest popular name and how the name differs from it, or nil when the name is popular itself
    ///   or not close to any popular name.
    public func match(_ name: String, ecosystem: Ecosystem) -> TyposquatMatch? {
        let trimmed = name.trimmingSpaces
        guard !trimmed.isEmpty, !popular.contains(trimmed, ecosystem: ecosystem) else { return nil }
        return index(for: ecosystem).match(trimmed, thresholds: thresholds)
    }

    // MARK: - Private

    private func index(for ecosystem: Ecosystem) -> NameIndex {
        indexes.index(for: ecosystem) {
            NameIndex(names: popular.names(ecosystem), ecosystem: ecosystem, thresholds: thresholds)
        }
    }
}

/// Holds the lazily built index of each ecosystem. Safe to share: all access goes through the `Mutex`.
private final class IndexCache: Sendable {
    private let built = Mutex<[Ecosystem: NameIndex]>([:])

    func index(for ecosystem: Ecosystem, build: () -> NameIndex) -> NameIndex {
        built.withLock { cache in
            if let index = cache[ecosystem] { return index }
            let index = build()
            cache[ecosystem] = index
            return index
        }
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    fileprivate var trimmingSpaces: String {
        let bytes = Array(utf8)
        var start = 0
        var end = bytes.count
        let blanks: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
        while start < end, blanks.contains(bytes[start]) { start += 1 }
        while end > start, blanks.contains(bytes[end - 1]) { end -= 1 }
        return start == 0 && end == bytes.count ? self : String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
