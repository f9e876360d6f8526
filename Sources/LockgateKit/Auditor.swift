import Classifier
import Foundation
import Lockfile
import LockgateCore
import Names
import Policy

/// The pipeline of `lockgate audit` and `lockgate list`: find lockfiles, parse them, check every package against the
/// policy and the name lists, and return a report. It writes nothing; the CLI renders and writes reports.
public struct Auditor: Sendable {
    let typosquats: TyposquatDetector
    let detector: Detector
    private let reader = LockfileReader()

    /// Creates an auditor.
    /// - Parameters:
    ///   - typosquats: The typosquat detector (with the bundled popular-name lists in production).
    ///   - classifier: The behaviour model (the bundled one in production); nil analyses without scoring
    ///     and reports every analysed package as `not_analysed` (warn), never as passed.
    public init(typosquats: TyposquatDetector, classifier: BehaviourClassifier? = nil) {
        self.typosquats = typosquats
        detector = Detector(classifier: classifier)
    }

    /// Creates an auditor with the name lists and the model shipped in the package.
    /// - Throws: When the bundled name lists or model cannot be read (a broken installation).
    public init() throws {
        self.init(typosquats: TyposquatDetector(popular: try PopularNames.bundled()), classifier: try BundledModel.load())
    }

    /// The behaviour model's version, or nil when none is loaded: packages are then analysed but not scored, and
    /// each gets a `not_analysed` warning instead of a verdict from the detector.
    public var modelVersion: String? { detector.hasModel ? detector.modelVersion : nil }

    /// What `list` returns: parsed lockfiles and the ones that could not be read.
    public struct Listing: Sendable {
        /// Lockfiles that parsed, with display paths.
        public var lockfiles: [LockfileContents]
        /// Lockfiles that did not.
        public var problems: [RunProblem]
    }

    /// Parses every lockfile named by the options (or found under them).
    /// - Parameter options: Paths, working directory and forced format.
    /// - Returns: The parsed lockfiles and problems, in path order.
    public func list(_ options: AuditOptions) -> Listing {
        let (parsed, problems) = parseAll(options)
        return Listing(lockfiles: parsed.map(\.contents), problems: problems)
    }

    // MARK: - Private

    private struct Target {
        var absolute: String
        var display: String
    }

    private func resolveTargets(_ options: AuditOptions, paths: RepositoryPaths, problems: inout [RunProblem]) -> [Target] {
        var targets: [Target] = []
        let given = options.paths.isEmpty ? ["."] : options.paths
        for path in given {
            let absolute = paths.absolute(path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory) else {
                problems.append(RunProblem(path: path, location: nil, message: "no such file or directory"))
                continue
            }
            guard isDirectory.boolValue else {
                targets.append(Target(absolute: absolute, display: paths.display(path)))
                continue
            }
            let found = LockfileDiscovery.lockfiles(under: absolute)
            if found.isEmpty {
                problems.append(RunProblem(
                    path: path, location: nil,
                    message: "no lockfile found in this directory tree (looked for package-lock.json, "
                        + "npm-shrinkwrap.json, yarn.lock, pnpm-lock.yaml, requirements*.txt, poetry.lock, "
                        + "Pipfile.lock, uv.lock)"))
            }
            targets += found.map { Target(absolute: $0, display: paths.display($0)) }
        }
        var seen = Set<String>()
        return targets.filter { seen.insert($0.absolute).inserted }
    }

    struct Parsed {
        var contents: LockfileContents
        var data: Data
        /// The lockfile's absolute path.
        var absolutePath: String
    }

    /// Reads each target once and parses it; failures become problems reported under the display path.
    func parseAll(_ options: AuditOptions) -> ([Parsed], [RunProblem]) {
        let paths = RepositoryPaths(workingDirectory: options.workingDirectory)
        var problems: [RunProblem] = []
        var parsed: [Parsed] = []
        for target in resolveTargets(options, paths: paths, problems: &problems) {
            guard let data = FileManager.default.contents(atPath: target.absolute) else {
                problems.append(RunProblem(path: target.display, location: nil, message: "cannot read the file"))
                continue
            }
            do {
                var contents = try reader.parse(data, path: target.absolute, format: options.lockfileFormat)
                contents.path = target.display
                parsed.append(Parsed(contents: contents, data: data, absolutePath: target.absolute))
            } catch {
                let path = error.path == target.absolute ? target.display : paths.display(error.path)
                problems.append(RunProblem(path: path, location: error.location, message: error.message))
            }
        }
        return (parsed, problems)
    }
}
