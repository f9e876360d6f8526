/// Works out which uv.lock packages are dev-only or optional, from the local projects' dependency edges.
///
/// uv.lock does not mark packages as dev or optional; it records the edges. A package reachable from a local project
/// (editable, virtual or directory entry) through `dependencies` is required; one reachable only through the projects'
/// `optional-dependencies` is optional; one reachable only through their `dev-dependencies` is dev-only. Edges of
/// reached packages are followed, including the optional dependencies of the extras a dependency requests.
struct UVDependencyGraph {
    /// How an entry is reached.
    struct Flags {
        /// Reached only through dev dependencies.
        var dev = false
        /// Reached only through optional dependencies (and not required).
        var optional = false
    }

    private let entries: [UVPackageEntry]
    private let byName: [String: [Int]]

    /// Indexes the entries by name.
    /// - Parameter entries: Every `[[package]]` entry in file order.
    init(entries: [UVPackageEntry]) {
        self.entries = entries
        var byName: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated() { byName[entry.name, default: []].append(index) }
        self.byName = byName
    }

    /// The flags of every entry, in entry order; all false when the lockfile has no local project.
    func flags() -> [Flags] {
        let roots = entries.indices.filter {
            if case .link = entries[$0].entry { return true }
            return false
        }
        var result = [Flags](repeating: Flags(), count: entries.count)
        guard !roots.isEmpty else { return result }
        let required = reach(from: roots.map { Ref.node($0) })
        let optional = reach(from: roots.flatMap { entries[$0].optionalDependencies.values.joined() })
        let dev = reach(from: roots.flatMap { entries[$0].devDependencies })
        for index in entries.indices where !required.contains(index) {
            if optional.contains(index) {
                result[index].optional = true
            } else if dev.contains(index) {
                result[index].dev = true
            }
        }
        return result
    }

    // MARK: - Private

    private enum Ref {
        case node(Int)
        case extra(Int, String)
    }

    private func reach(from dependencies: [UVPackageEntry.Dependency]) -> Set<Int> {
        reach(from: dependencies.flatMap(refs))
    }

    /// Breadth-first over nodes and (node, extra) pairs, so each is expanded once.
    private func reach(from start: [Ref]) -> Set<Int> {
        var nodes = Set<Int>()
        var extras = Set<String>()
        var queue = start
        var head = 0
        while head < queue.count {
            let ref = queue[head]
            head += 1
            switch ref {
            case .node(let index):
                guard nodes.insert(index).inserted else { continue }
                queue += entries[index].dependencies.flatMap(refs)
            case .extra(let index, let extra):
                guard extras.insert("\(index)\u{0}\(extra)").inserted else { continue }
                queue += (entries[index].optionalDependencies[extra] ?? []).flatMap(refs)
            }
        }
        return nodes
    }

    /// The entries a dependency points at: the named version, or every version of the name when none is given.
    private func refs(_ dependency: UVPackageEntry.Dependency) -> [Ref] {
        let targets = (byName[dependency.name] ?? []).filter {
            dependency.version == nil || entries[$0].version == dependency.version
        }
        return targets.flatMap { index in [Ref.node(index)] + dependency.extras.map { Ref.extra(index, $0) } }
    }
}
