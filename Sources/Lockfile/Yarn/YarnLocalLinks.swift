import LockgateCore

/// Collects local links once each (by name, path and kind), in the order first seen.
struct YarnLocalLinks: Sendable {
    private var seen: Set<String> = []

    /// The distinct links in file order.
    private(set) var result: [LocalLink] = []

    /// Adds a link unless the same name, path and kind was already added.
    /// - Parameter link: The link.
    mutating func add(_ link: LocalLink) {
        let key = "\(link.name ?? "")\u{0}\(link.path)\u{0}\(link.kind.rawValue)"
        if seen.insert(key).inserted { result.append(link) }
    }
}
