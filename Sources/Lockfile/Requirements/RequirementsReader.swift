import Foundation
import LockgateCore

/// Walks a requirements file and its `-r` includes, collecting distinct packages.
struct RequirementsReader {
    /// How deep `-r` includes may nest.
    static let maxIncludeDepth = 32

    /// The path and include reader.
    let context: ParseContext
    private var collector = PackageCollector()

    /// Creates a reader.
    /// - Parameter context: The path and include reader.
    init(context: ParseContext) {
        self.context = context
    }

    /// The distinct packages read so far.
    var packages: [LockedPackage] { collector.result }

    /// Reads one file.
    /// - Parameters:
    ///   - data: The file's bytes.
    ///   - path: The file's path (the lockfile's, or an included file's resolved path).
    ///   - origin: For an included file, the location of the top file's `-r` line; its packages take that location.
    ///   - stack: The normalised paths of the files being read, outermost first (the cycle guard).
    /// - Throws: `LockfileError` for the first invalid line, in this file or an included one.
    mutating func read(_ data: Data, path: String, origin: SourceLocation?, stack: [String]) throws(LockfileError) {
        let text = try TextDecoding.utf8(data, path: path)
        for line in RequirementsLine.split(text) {
            let start = line.text.firstIndex { !$0.isWhitespace } ?? line.text.endIndex
            if line.text[start...].hasPrefix("-") {
                try readOptions(line, from: start, path: path, origin: origin, stack: stack)
            } else {
                var package = try RequirementSpecifier(line: line, path: path).package(from: start, editable: false)
                if let origin { package.location = origin }
                collector.add(package)
            }
        }
    }

    /// A path with `.` and `dir/..` segments removed.
    /// - Parameter path: A relative or absolute path.
    /// - Returns: The normalised path.
    static func normalise(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/") where part != "." {
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if part != ".." || !absolute {
                parts.append(part)
            }
        }
        let body = parts.joined(separator: "/")
        return absolute ? "/" + body : (body.isEmpty ? "." : body)
    }

    // MARK: - Private

    /// Reads an option line: includes, editables, constraints and index options.
    private mutating func readOptions(
        _ line: RequirementsLine, from start: Substring.Index, path: String, origin: SourceLocation?, stack: [String]
    ) throws(LockfileError) {
        let tokens = RequirementsOption.tokens(line.text[start...])
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            let (name, attached) = RequirementsOption.split(token)
            guard token.hasPrefix("-"), let (option, takesValue) = RequirementsOption.fileOption(name) else {
                let shown = token.prefix { $0 != "=" }.prefix(40)
                throw LockfileError(
                    path: path, location: line.location(of: token.startIndex),
                    message: "unknown option '\(shown)'; expected a requirement or a pip option such as -r, -c, -e")
            }
            guard takesValue else { continue }
            var value = attached.flatMap { $0.isEmpty ? nil : $0 }
            if value == nil, index < tokens.count {
                value = tokens[index]
                index += 1
            }
            guard let value else {
                throw LockfileError(
                    path: path, location: line.location(of: token.startIndex), message: "option '\(name)' needs a value"
                )
            }
            switch option {
            case .editable:
                var package = try RequirementSpecifier(line: line, path: path).package(
                    from: value.startIndex, editable: true)
                if let origin { package.location = origin }
                collector.add(package)
                return
            case .include:
                let includeOrigin = origin ?? line.location(of: token.startIndex)
                try include(value, line: line, path: path, origin: includeOrigin, stack: stack)
            case .constraint, .ignored:
                continue
            }
        }
    }

    /// Follows `-r <value>`, resolved against the including file's directory.
    private mutating func include(
        _ value: Substring, line: RequirementsLine, path: String, origin: SourceLocation, stack: [String]
    ) throws(LockfileError) {
        let location = line.location(of: value.startIndex)
        let target = String(RequirementsOption.unquoted(value))
        guard !target.contains("://") else {
            throw LockfileError(
                path: path, location: location, message: "remote include '\(target)' is not supported; expected a file")
        }
        var joined = target
        if !target.hasPrefix("/"), let slash = path.lastIndex(of: "/") { joined = path[..<slash] + "/" + target }
        let resolved = Self.normalise(joined)
        guard !stack.contains(resolved) else { return }
        guard stack.count < Self.maxIncludeDepth else {
            throw LockfileError(
                path: path, location: location, message: "includes nested deeper than \(Self.maxIncludeDepth) files")
        }
        let data: Data?
        do {
            data = try context.readFile(resolved)
        } catch {
            throw LockfileError(
                path: path, location: location, message: "cannot read included file '\(resolved)': \(error)")
        }
        guard let data else {
            throw LockfileError(path: path, location: location, message: "included file '\(resolved)' does not exist")
        }
        try read(data, path: resolved, origin: origin, stack: stack + [resolved])
    }
}
