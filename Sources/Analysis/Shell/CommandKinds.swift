import LockgateCore

/// What a command line that code hands to a process call would do, read by the shell analyser: `os.system('env')`
/// dumps the environment, `execSync('curl -s URL | sh')` downloads and runs code, `subprocess.run(['dig',
/// 'x.example.com'])` looks a name up. The process start itself is `spawn_process`, reported by the caller.
enum CommandKinds {
    /// The kinds a command adds to its process call. String signals (URL kinds, credential paths, shell
    /// commands) are left out: the literal that holds the command reports them where it is written.
    static let reported: Set<BehaviourKind> = [
        .useNetwork, .downloadExecute, .writeExecute, .dnsLookup, .dnsExfiltration, .reconHost, .readEnvironmentAll,
        .readEnvironmentVariable, .readFile, .writeFile, .useEncoding, .evalCode, .persistence, .hiddenProcess,
        .urlRawIP,
    ]
    /// Longer command texts are not read (a command line this long is a script, which the string signals see).
    static let maxLength = 4_096

    /// The distinct kinds of ``reported`` that a command line shows, in the order the shell analyser finds them.
    /// - Parameters:
    ///   - command: The command line (a list of arguments joined by spaces).
    ///   - context: Where the calling code runs.
    static func kinds(of command: String, context: CodeContext) -> [BehaviourKind] {
        guard !command.isEmpty, command.utf8.count <= maxLength else { return [] }
        let steps = ShellAnalyzer().analyse(command, origin: ShellOrigin(path: "", context: context))
        var seen: Set<BehaviourKind> = []
        var kinds: [BehaviourKind] = []
        for case .behaviour(let behaviour) in steps
        where reported.contains(behaviour.kind) && seen.insert(behaviour.kind).inserted {
            kinds.append(behaviour.kind)
        }
        return kinds
    }
}
