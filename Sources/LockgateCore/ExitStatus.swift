/// The process exit codes, in one place. The CLI maps these to its `ExitCode`; README and `--help` list them.
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// Nothing was blocked.
    case ok = 0
    /// At least one package was blocked by policy.
    case blocked = 1
    /// A usage error or an invalid policy file.
    case usage = 2
    /// The run could not finish: a lockfile that does not parse, a package that could not be checked.
    case incomplete = 3

    /// One line per code, for `--help` and the README.
    public static let table = """
        Exit codes:
          0  nothing blocked
          1  blocked by policy
          2  usage or policy-file error
          3  could not finish (a lockfile that does not parse, a package that could not be checked)
        """
}
