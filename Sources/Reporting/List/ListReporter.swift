import Foundation
import LockgateCore

/// Renders the output of `lockgate list`: what each lockfile locks, and the lockfiles that could not be read.
public enum ListReporter {
    /// Renders parsed lockfiles.
    ///
    /// Lockfiles are sorted by path (then format); packages and local links keep the order of the file.
    /// - Parameters:
    ///   - lockfiles: Parsed lockfiles, in any order.
    ///   - problems: Lockfiles that could not be read.
    ///   - format: The output format.
    /// - Returns: UTF-8 bytes ending in a newline.
    /// - Throws: Never at present; the signature leaves room for formats that can fail.
    public static func render(_ lockfiles: [LockfileContents], problems: [RunProblem], format: ListFormat) throws
        -> Data
    {
        switch format {
        case .json: Data(ListDocument.build(lockfiles: lockfiles, problems: problems).bytes)
        case .text: Data(ListTextRenderer.text(sorted(lockfiles), problems: ReportOrdering.problems(problems)).utf8)
        }
    }

    /// Lockfiles in path order, ties broken by format, version and package count, so input order never shows.
    /// - Parameter lockfiles: Lockfiles in any order.
    /// - Returns: The sorted lockfiles.
    static func sorted(_ lockfiles: [LockfileContents]) -> [LockfileContents] {
        lockfiles.sorted { left, right in
            let leftKey = [left.path, left.format.rawValue, left.formatVersion ?? ""]
            let rightKey = [right.path, right.format.rawValue, right.formatVersion ?? ""]
            if leftKey != rightKey {
                return leftKey.lexicographicallyPrecedes(rightKey) {
                    $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars)
                }
            }
            return left.packages.count < right.packages.count
        }
    }
}
