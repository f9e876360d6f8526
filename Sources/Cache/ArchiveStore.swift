import Foundation

/// Archives kept by content: `archives/<first two hex>/<sha256>`. Each is written under a temporary name and renamed
/// into place, so a killed run never leaves a partial entry, and each is checked against its name when read back.
public struct ArchiveStore: Sendable {
    /// The folder holding the archives.
    public let directory: String
    private let digest: @Sendable (Data) -> String

    /// Opens (creating if needed) the archive store under a cache directory.
    /// - Parameters:
    ///   - cacheDirectory: The cache directory.
    ///   - sha256: Computes an archive's sha256 as lowercase hex (the fetch stage's digest).
    /// - Throws: `CacheError` when the folder cannot be created.
    public init(cacheDirectory: String, sha256: @escaping @Sendable (Data) -> String) throws(CacheError) {
        directory = (cacheDirectory as NSString).appendingPathComponent("archives")
        digest = sha256
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw CacheError(path: directory, message: "cannot create the folder: \(error.localizedDescription)")
        }
    }

    /// Stores an archive.
    /// - Parameters:
    ///   - data: The bytes.
    ///   - sha256: Their sha256, already computed.
    /// - Throws: `CacheError` when it cannot be written.
    public func put(_ data: Data, sha256: String) throws(CacheError) {
        let final = path(for: sha256)
        if FileManager.default.fileExists(atPath: final) { return }
        let folder = (final as NSString).deletingLastPathComponent
        let temporary = folder + "/.\(sha256).\(UUID().uuidString).tmp"
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try data.write(to: URL(fileURLWithPath: temporary))
            if rename(temporary, final) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(atPath: temporary)
                throw CacheError(path: final, message: "cannot move the archive into place: \(reason)")
            }
        } catch let error as CacheError {
            throw error
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw CacheError(path: final, message: "cannot write the archive: \(error.localizedDescription)")
        }
    }

    /// Reads an archive back, or nil when it is absent or no longer hashes to its name (then it is removed).
    /// - Parameter sha256: The archive's sha256.
    /// - Returns: The bytes.
    public func get(_ sha256: String) -> Data? {
        let file = path(for: sha256)
        guard let data = FileManager.default.contents(atPath: file) else { return nil }
        guard digest(data) == sha256 else {
            try? FileManager.default.removeItem(atPath: file)
            return nil
        }
        return data
    }

    /// Removes archives not modified for a given time, and stray temporary files.
    /// - Parameter age: Seconds; archives older than this are removed.
    /// - Returns: How many files were removed and their total size.
    public func prune(olderThan age: TimeInterval) -> (files: Int, bytes: Int) {
        var removed = (files: 0, bytes: 0)
        let cutoff = Date().addingTimeInterval(-age)
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return removed }
        while let relative = enumerator.nextObject() as? String {
            let file = (directory as NSString).appendingPathComponent(relative)
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: file),
                attributes[.type] as? FileAttributeType == .typeRegular
            else { continue }
            let modified = attributes[.modificationDate] as? Date ?? .distantPast
            if modified < cutoff || relative.hasSuffix(".tmp") {
                let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
                if (try? FileManager.default.removeItem(atPath: file)) != nil {
                    removed.files += 1
                    removed.bytes += size
                }
            }
        }
        return removed
    }

    // MARK: - Private

    private func path(for sha256: String) -> String {
        let safe = sha256.filter { $0.isHexDigit }
        let prefix = String(safe.prefix(2))
        return "\(directory)/\(prefix)/\(safe)"
    }
}
