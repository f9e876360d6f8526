/// Why a corpus could not be read.
public enum CorpusError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A corpus folder or its labels.csv is missing.
    case missing(path: String)
    /// labels.csv or pypi-benign.json is malformed at a line.
    case malformed(path: String, line: Int, column: Int, expected: String)
    /// Nothing usable was read.
    case empty(String)

    public var description: String {
        switch self {
        case .missing(let path): "\(path): not found (a corpus folder holds labels.csv and the archives it lists)"
        case .malformed(let path, let line, let column, let expected): "\(path):\(line):\(column): expected \(expected)"
        case .empty(let reason): reason
        }
    }
}
