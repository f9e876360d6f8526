import Foundation
import LockgateCore

/// Reads any supported lockfile: detects its format and hands it to that format's parser.
public struct LockfileReader: Sendable {
    /// Creates a reader.
    public init() {}

    /// The parser for a format.
    /// - Parameter format: The format.
    /// - Returns: Its parser.
    public static func parser(for format: LockfileFormat) -> any LockfileParser {
        switch format {
        case .npm, .npmShrinkwrap: NPMLockParser()
        case .yarnClassic: YarnClassicParser()
        case .yarnBerry: YarnBerryParser()
        case .pnpm: PNPMLockParser()
        case .requirements: RequirementsParser()
        case .poetry: PoetryLockParser()
        case .pipfile: PipfileLockParser()
        case .uv: UVLockParser()
        }
    }

    /// Reads and parses a lockfile from disk.
    /// - Parameters:
    ///   - path: The path as given (reported as such).
    ///   - format: The format, or nil to detect it.
    /// - Returns: What the lockfile locks.
    /// - Throws: `LockfileError` when the file cannot be read, its format is unknown, or it is malformed.
    public func read(path: String, format: LockfileFormat? = nil) throws(LockfileError) -> LockfileContents {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw LockfileError(path: path, location: nil, message: "cannot read the file: \(Self.reason(error))")
        }
        return try parse(data, path: path, format: format)
    }

    /// Parses lockfile bytes.
    /// - Parameters:
    ///   - data: The bytes.
    ///   - path: The path to report (and to resolve includes against).
    ///   - format: The format, or nil to detect it.
    /// - Returns: What the lockfile locks.
    /// - Throws: `LockfileError` naming path, line and column.
    public func parse(_ data: Data, path: String, format: LockfileFormat? = nil) throws(LockfileError)
        -> LockfileContents
    {
        let resolved: LockfileFormat
        if let format { resolved = format } else { resolved = try LockfileDetector.detect(path: path, data: data) }
        // An empty requirements file is a valid file that requires nothing; every other format has a header.
        if data.isEmpty && resolved != .requirements {
            throw LockfileError(path: path, line: 1, column: 1, message: "the file is empty; expected a \(resolved.rawValue) lockfile")
        }
        return try Self.parser(for: resolved).parse(data, format: resolved, context: ParseContext(path: path))
    }

    // MARK: - Private

    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
            underlying.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(underlying.code))
        {
            return String(cString: strerror(code.rawValue))
        }
        return nsError.localizedDescription
    }
}
