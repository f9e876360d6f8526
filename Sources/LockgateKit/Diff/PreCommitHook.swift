/// The pre-commit hook `lockgate hook install` writes: byte for byte the file `hooks/pre-commit` of lockgate's
/// repository (a test keeps the two identical).
///
/// The script does the cheap part in the shell: when `git diff --cached --name-only` names no lockfile it exits 0
/// without starting lockgate, so an ordinary commit costs one git command and no network. Otherwise it runs
/// `lockgate hook run`, which audits the staged lockfiles against HEAD.
public enum PreCommitHook {
    /// The text that marks a hook as lockgate's own, so `hook install` may update it without `--force`.
    public static let marker = "lockgate-managed-hook"

    /// The script.
    public static let script = #"""
        #!/bin/sh
        # lockgate pre-commit hook (lockgate-managed-hook: `lockgate hook install` writes and updates this file; delete this
        # line to keep your own edits). The same script as hooks/pre-commit in lockgate's repository.
        #
        # Audits the lockfiles staged for this commit -- the version in git's index, not the working tree -- against HEAD:
        # only packages that are new or changed are checked. The commit is blocked when one of them is blocked by the
        # policy (lockgate exit 1) or could not be checked (exit 3), and the packages are named.
        # Skip the check once with: git commit --no-verify
        #
        # The binary: $LOCKGATE, else `git config lockgate.path`, else lockgate on PATH.
        # Extra audit options: LOCKGATE_HOOK_ARGS, e.g. LOCKGATE_HOOK_ARGS=--lockfile-only (split on spaces).

        # A commit that stages no lockfile costs one git command: lockgate is not started and nothing touches the network.
        lockfiles='(^|/)(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|poetry\.lock|Pipfile\.lock|uv\.lock|[^/]*requirements[^/]*\.txt|requirements/[^/]*\.txt)"?$'
        if ! git -c core.quotepath=off diff --cached --name-only --no-renames --diff-filter=ACMRT | grep -Eiq "$lockfiles"; then
            exit 0
        fi

        lockgate=${LOCKGATE:-$(git config --get lockgate.path)}
        lockgate=${lockgate:-lockgate}
        if ! command -v "$lockgate" >/dev/null 2>&1; then
            echo "lockgate: a lockfile is staged but the lockgate binary ($lockgate) was not found." >&2
            echo "lockgate: put lockgate on PATH, set LOCKGATE=/path/to/lockgate or rerun \`lockgate hook install\`;" >&2
            echo "lockgate: or skip the check once with: git commit --no-verify" >&2
            exit 1
        fi

        # shellcheck disable=SC2086 # LOCKGATE_HOOK_ARGS is split into words on purpose.
        exec "$lockgate" hook run ${LOCKGATE_HOOK_ARGS:-}

        """#
}
