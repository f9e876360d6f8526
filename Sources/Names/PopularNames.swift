import Foundation
import LockgateCore

/// The most-downloaded package names of each ecosystem, most popular first.
///
/// npm names are kept as written (npm names are case-sensitive); PyPI names are PEP 503-normalised, so
/// `contains` treats `Foo_Bar` and `foo-bar` as the same project.
public struct PopularNames: Sendable {
    private let npm: [String]
    private let pypi: [String]
    private let npmSet: Set<String>
    private let pypiSet: Set<String>

    /// Creates name lists from names in popularity order.
    /// - Parameters:
    ///   - npm: npm package names, most popular first.
    ///   - pypi: PyPI project names, most popular first (normalised here with PEP 503).
    public init(npm: [String], pypi: [String]) {
        self.npm = Self.unique(npm.filter { !$0.isEmpty })
        self.pypi = Self.unique(pypi.map { NameForms.key($0, .pypi) }.filter { !$0.isEmpty })
        npmSet = Set(self.npm)
        pypiSet = Set(self.pypi)
    }

    /// Loads the lists shipped with lockgate (`popular-npm.txt`, `popular-pypi.txt`, made by
    /// `scripts/make-name-lists`).
    /// - Returns: The bundled popular names.
    /// - Throws: `NamesError` when a list is missing or not UTF-8 text.
    public static func bundled() throws -> PopularNames {
        try PopularNames(npm: load("popular-npm"), pypi: load("popular-pypi"))
    }

    /// Whether a name is one of the popular names of its ecosystem.
    /// - Parameters:
    ///   - name: The package name (PyPI names in any spelling).
    ///   - ecosystem: The ecosystem whose list to consult.
    /// - Returns: True when the name is popular.
    public func contains(_ name: String, ecosystem: Ecosystem) -> Bool {
        switch ecosystem {
        case .npm: npmSet.contains(name)
        case .pypi: pypiSet.contains(NameForms.key(name, .pypi))
        }
    }

    /// The popular names of an ecosystem.
    /// - Parameter ecosystem: The ecosystem.
    /// - Returns: Its names, most popular first (PyPI names PEP 503-normalised).
    public func names(_ ecosystem: Ecosystem) -> [String] {
        switch ecosystem {
        case .npm: npm
        case .pypi: pypi
        }
    }

    // MARK: - Private

    private static func load(_ resource: String) throws -> [String] {
        guard let url = Bundle.module.url(forResource: resource, withExtension: "txt", subdirectory: "Resources")
            ?? Bundle.module.url(forResource: resource, withExtension: "txt")
        else { throw NamesError.resourceMissing("\(resource).txt") }
        guard let data = try? Data(contentsOf: url), String(data: data, encoding: .utf8) != nil else {
            throw NamesError.resourceUnreadable("\(resource).txt")
        }
        return lines(in: [UInt8](data))
    }

    /// The non-empty lines of a list, trimmed of spaces, tabs and carriage returns; `#` lines are comments.
    private static func lines(in bytes: [UInt8]) -> [String] {
        var names: [String] = []
        var start = 0
        for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: "\n") {
            var first = start
            var last = end
            while first < last, [0x20, 0x09, 0x0D].contains(bytes[first]) { first += 1 }
            while last > first, [0x20, 0x09, 0x0D].contains(bytes[last - 1]) { last -= 1 }
            if first < last, bytes[first] != UInt8(ascii: "#") {
                names.append(String(decoding: bytes[first..<last], as: UTF8.self))
            }
            start = end + 1
        }
        return names
    }

    private static func unique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }
}
