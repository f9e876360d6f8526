import Foundation
import Lockfile
import LockgateCore

extension Auditor {
    /// Reads the lockfiles an audit covers — from the working tree, or from git's index with `--staged` — and, with
    /// `--diff BASE`, which of their packages are new or changed since BASE (read through git, without a checkout).
    /// - Parameter options: The audit's options; `options.diff` selects the git behaviour.
    /// - Returns: The parsed lockfiles, the problems met, and the change set (nil audits every package).
    func readForAudit(_ options: AuditOptions) -> (parsed: [Parsed], problems: [RunProblem], changes: ChangeSet?) {
        guard let diff = options.diff, diff.staged || diff.base != nil else {
            let (parsed, problems) = parseAll(options)
            return (parsed, problems, nil)
        }
        let repository: GitRepository
        do {
            repository = try GitRepository(directory: options.workingDirectory)
        } catch {
            let display = RepositoryPaths(workingDirectory: options.workingDirectory).display(".")
            return ([], [RunProblem(path: display, location: nil, message: error.description)], nil)
        }
        let (parsed, initialProblems) = diff.staged ? parseStaged(options, repository: repository) : parseAll(options)
        var problems = initialProblems
        guard let base = diff.base else { return (parsed, problems, nil) }
        let commit: String
        do {
            commit = try repository.commit(base)
        } catch {
            // Fail closed: with no baseline every package is audited, and the run reports why.
            problems.append(RunProblem(path: base, location: nil, message: error.description))
            return (parsed, problems, nil)
        }
        var changes = ChangeSet(base: commit)
        let reader = LockfileReader()
        for file in parsed {
            guard let relative = repository.relativePath(of: file.absolutePath),
                let data = repository.blob(relative, at: .commit(commit)),
                let contents = try? reader.parse(data, path: file.absolutePath, format: options.lockfileFormat)
            else { continue }
            changes.record(contents.packages, lockfile: file.absolutePath)
        }
        return (parsed, problems, changes)
    }

    // MARK: - Private

    /// Reads the named lockfiles (or those found under named directories) from git's index.
    private func parseStaged(_ options: AuditOptions, repository: GitRepository) -> ([Parsed], [RunProblem]) {
        let paths = RepositoryPaths(workingDirectory: options.workingDirectory)
        let reader = LockfileReader()
        var problems: [RunProblem] = []
        var parsed: [Parsed] = []
        var seen = Set<String>()
        for given in options.paths.isEmpty ? ["."] : options.paths {
            for target in stagedTargets(given, paths: paths, repository: repository, problems: &problems)
            where seen.insert(target.relative).inserted {
                let absolute = paths.absolute(target.asGiven)
                let display = paths.display(target.asGiven)
                guard let data = repository.blob(target.relative, at: .index) else {
                    problems.append(
                        RunProblem(path: display, location: nil, message: "cannot read it from git's index"))
                    continue
                }
                do {
                    var contents = try reader.parse(data, path: absolute, format: options.lockfileFormat)
                    contents.path = display
                    parsed.append(Parsed(contents: contents, data: data, absolutePath: absolute))
                } catch {
                    let path = error.path == absolute ? display : paths.display(error.path)
                    problems.append(RunProblem(path: path, location: error.location, message: error.message))
                }
            }
        }
        return (parsed, problems)
    }

    /// One lockfile in the index: its path relative to the repository root, and as the user would write it.
    private struct StagedTarget {
        var relative: String
        var asGiven: String
    }

    /// The index entries a path names: the file itself, or the lockfiles under a directory.
    private func stagedTargets(
        _ given: String, paths: RepositoryPaths, repository: GitRepository, problems: inout [RunProblem]
    ) -> [StagedTarget] {
        let absolute = paths.absolute(given)
        guard let relative = repository.relativePath(of: absolute) else {
            problems.append(
                RunProblem(
                    path: given, location: nil, message: "not inside the git work tree at \(repository.root)"))
            return []
        }
        let entries: [String]
        do {
            entries = try repository.indexedFiles(under: relative)
        } catch {
            problems.append(RunProblem(path: paths.display(given), location: nil, message: error.description))
            return []
        }
        if entries == [relative] { return [StagedTarget(relative: relative, asGiven: given)] }
        let lockfiles = StagedLockfiles.filter(entries)
        if lockfiles.isEmpty {
            let message =
                entries.isEmpty
                ? "not in git's index (stage it with git add)"
                : "no lockfile in git's index under this directory (looked for package-lock.json, npm-shrinkwrap.json, "
                    + "yarn.lock, pnpm-lock.yaml, requirements*.txt, poetry.lock, Pipfile.lock, uv.lock)"
            problems.append(RunProblem(path: paths.display(given), location: nil, message: message))
        }
        let prefix = relative.isEmpty ? 0 : relative.count + 1
        return lockfiles.map { entry in
            let rest = String(entry.dropFirst(prefix))
            let asGiven =
                given == "." || given.isEmpty ? rest : (given.hasSuffix("/") ? given + rest : given + "/" + rest)
            return StagedTarget(relative: entry, asGiven: asGiven)
        }
    }
}
