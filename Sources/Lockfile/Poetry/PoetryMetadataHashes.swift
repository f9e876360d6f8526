import LockgateCore

/// The hashes poetry.lock lists by package name under `[metadata]`: 1.x `[metadata.files]` (`name = [{file, hash}]`)
/// and pre-1.0 `[metadata.hashes]` (`name = ["<sha256 hex>", ...]`), keyed by PEP 503 name.
struct PoetryMetadataHashes {
    private var byName: [String: [Integrity]] = [:]
    private var seen = Set<String>()

    /// Reads both tables when present.
    /// - Parameters:
    ///   - metadata: The `[metadata]` table, if any.
    ///   - path: The lockfile path, for errors.
    /// - Throws: `LockfileError` when a list or an element has the wrong type.
    init(metadata: TOMLFields?, path: String) throws(LockfileError) {
        guard let metadata else { return }
        if let files = try metadata.table("files", context: "`[metadata.files]`") {
            for entry in files.table.entries {
                let list = try Self.list(entry, in: files)
                for element in list {
                    let file = try TOMLFields(value: element, context: "a `[metadata.files]` element", path: path)
                    if let hash = try file.string("hash").flatMap(Integrity.prefixedHex) { add(hash, to: entry.key) }
                }
            }
        }
        if let hashes = try metadata.table("hashes", context: "`[metadata.hashes]`") {
            for entry in hashes.table.entries {
                guard let texts = try hashes.strings(entry.key) else { continue }
                for text in texts {
                    if let hash = Self.bareOrPrefixed(text) { add(hash, to: entry.key) }
                }
            }
        }
    }

    /// The hashes listed for a name.
    /// - Parameter name: A PEP 503 name.
    /// - Returns: The hashes, empty when none are listed.
    func hashes(for name: String) -> [Integrity] {
        byName[name] ?? []
    }

    // MARK: - Private

    private mutating func add(_ hash: Integrity, to name: String) {
        let key = PackageName.pep503(name)
        if seen.insert("\(key)\u{0}\(hash)").inserted { byName[key, default: []].append(hash) }
    }

    private static func list(_ entry: TOMLTable.Entry, in table: TOMLFields) throws(LockfileError) -> [TOMLValue] {
        guard let list = try table.array(entry.key) else { return [] }
        return list
    }

    /// A bare 64-digit hex string is a sha256 (pre-1.0 poetry); otherwise `algorithm:hex`.
    private static func bareOrPrefixed(_ text: String) -> Integrity? {
        if Integrity.isHex(Substring(text), byteCount: DigestAlgorithm.sha256.byteCount) {
            return Integrity(algorithm: .sha256, hex: text)
        }
        return Integrity.prefixedHex(text)
    }
}
