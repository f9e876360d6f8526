import Foundation
import LockgateCore

/// One file of a package, as the analysers see it.
public struct SourceFile: Sendable, Hashable {
    /// The path inside the package (archive path, e.g. `package/lib/index.js`).
    public var path: String
    /// The bytes.
    public var data: Data
    /// Where the file's code runs (decided by the package layout).
    public var context: CodeContext

    /// Creates a source file.
    public init(path: String, data: Data, context: CodeContext) {
        self.path = path
        self.data = data
        self.context = context
    }
}
