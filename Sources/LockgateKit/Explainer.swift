import Analysis
import Archive
import Foundation
import LockgateCore

/// `lockgate explain`: a package's behaviour sequence, with each token's evidence.
public struct Explainer: Sendable {
    /// Why a package could not be explained.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// The input as given.
        public var input: String
        /// What went wrong.
        public var message: String

        public var description: String { "\(input): \(message)" }
    }

    private let analyzer = PackageAnalyzer()

    /// Creates an explainer.
    public init() {}

    /// Reads an archive or package directory and analyses it.
    /// - Parameters:
    ///   - input: An archive or directory, as given.
    ///   - ecosystem: Forces the ecosystem instead of detecting it.
    ///   - workingDirectory: Resolves a relative input.
    ///   - limits: Archive reading limits.
    /// - Returns: The analysis (sequence, file analyses, identity).
    /// - Throws: `Failure` when the input is missing or not a readable package.
    public func explain(
        _ input: String, ecosystem: Ecosystem?, workingDirectory: String, limits: ArchiveLimits = ArchiveLimits()
    ) throws(Failure) -> PackageAnalysis {
        let absolute = RepositoryPaths(workingDirectory: workingDirectory).absolute(input)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory) else {
            throw Failure(input: input, message: "no such file or directory")
        }
        let package: ScannedPackage
        if isDirectory.boolValue {
            package = PackageDirectory.read(absolute, limits: limits)
        } else {
            guard let data = FileManager.default.contents(atPath: absolute) else {
                throw Failure(input: input, message: "cannot read the file")
            }
            package = ScannedPackage.archive(data, fileName: (input as NSString).lastPathComponent, limits: limits)
            if package.unreadable {
                throw Failure(input: input, message: package.findings.first?.message ?? "not a readable package archive")
            }
        }
        let files = package.files.map { PackageFile(path: $0.path, data: $0.data, isExecutable: $0.isExecutable) }
        return analyzer.analyse(files: files, ecosystem: ecosystem ?? package.ecosystem)
    }
}
