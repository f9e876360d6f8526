#!/usr/bin/env bash
# The steps of lockgate's GitHub Action (action/action.yml): `run.sh locate`, `run.sh build`, `run.sh audit`.
# Inputs arrive as INPUT_* environment variables set by action.yml (never interpolated into a script), and results
# leave through $GITHUB_OUTPUT and $GITHUB_STEP_SUMMARY, so the script runs the same on a laptop with those set.
set -euo pipefail

action_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_dir=$(dirname "$action_dir")

# Appends name=value to the step's outputs.
output() {
    echo "$1=$2" >>"${GITHUB_OUTPUT:?GITHUB_OUTPUT is not set}"
}

# Outputs where the lockgate binary and lockgate's cache live, and the build's cache key: lockgate's version plus a
# hash of its sources, so a cached binary is reused exactly while the action's code is unchanged.
locate() {
    local version sources bin_dir binary
    version=$(sed -n 's/.*static let current = "\(.*\)".*/\1/p' "$repo_dir/Sources/LockgateCore/LockgateVersion.swift")
    sources=$(cd "$repo_dir" && find Package.swift Package.resolved Sources -type f 2>/dev/null | LC_ALL=C sort \
        | xargs sha256sum | sha256sum | cut -c1-16)
    bin_dir="$HOME/.cache/lockgate-action/${version:-unknown}-$sources"
    binary="$bin_dir/lockgate"
    if [ -n "${INPUT_BINARY:-}" ]; then
        binary=$INPUT_BINARY
        if ! [ -x "$binary" ]; then
            echo "::error title=lockgate::the binary input $binary is not an executable file"
            exit 2
        fi
    fi
    output version "${version:-unknown}"
    output build-key "lockgate-build-${RUNNER_OS:-os}-${RUNNER_ARCH:-arch}-${version:-unknown}-$sources"
    output bin-dir "$bin_dir"
    output binary "$binary"
    output cache-dir "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/lockgate-cache"
}

# Builds the release binary from the action's own source (scripts/setup installs the system packages it needs) and
# copies it, with its resource bundles, to $LOCKGATE_BIN_DIR.
build() {
    if ! command -v swift >/dev/null; then
        echo "::error title=lockgate::building lockgate needs Swift 6.1 or later on the runner (or set the binary input)"
        exit 2
    fi
    (cd "$repo_dir" && ./scripts/setup)
    local products
    products=$(cd "$repo_dir" && swift build -c release --show-bin-path)
    mkdir -p "${LOCKGATE_BIN_DIR:?}"
    cp "$products/lockgate" "$LOCKGATE_BIN_DIR/"
    for bundle in "$products"/*.resources; do
        [ -e "$bundle" ] && cp -R "$bundle" "$LOCKGATE_BIN_DIR/"
    done
    "$LOCKGATE_BIN_DIR/lockgate" --version
}

# Runs the audit, writes the reports, fills the job summary and exits as fail-on says (lockgate's own code by
# default).
audit() {
    cd "${GITHUB_WORKSPACE:-.}"
    local binary=${LOCKGATE_BIN:?LOCKGATE_BIN is not set}
    local reports="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/lockgate-reports"
    mkdir -p "$reports"
    local args=(audit)
    [ -n "${INPUT_POLICY:-}" ] && args+=(--policy "$INPUT_POLICY")
    [ -n "${LOCKGATE_CACHE_DIR:-}" ] && args+=(--cache-dir "$LOCKGATE_CACHE_DIR")

    local base=${INPUT_DIFF_BASE:-}
    if [ -n "$base" ] && [ "$base" != none ]; then
        if ! git rev-parse --verify --quiet "$base^{commit}" >/dev/null 2>&1; then
            git fetch --quiet --no-tags --depth=1 origin "$base" >/dev/null 2>&1 || true
        fi
        if git rev-parse --verify --quiet "$base^{commit}" >/dev/null 2>&1; then
            args+=(--diff "$base")
        else
            echo "::warning title=lockgate::diff base $base is not available; auditing every package"
            base=""
        fi
    else
        base=""
    fi

    local format markdown="" json=""
    for format in $(echo "${INPUT_FORMATS:-sarif,markdown}" | tr ',' ' '); do
        case "$format" in
            sarif) args+=(--format sarif --output "$reports/lockgate.sarif"); output sarif "$reports/lockgate.sarif" ;;
            markdown) markdown="$reports/lockgate.md"; args+=(--format markdown --output "$markdown") ;;
            json) json="$reports/lockgate.json"; args+=(--format json --output "$json") ;;
            text) ;;
            *)
                echo "::error title=lockgate::unknown format '$format' in the formats input (sarif, markdown, json, text)"
                exit 2
                ;;
        esac
    done
    local fail_on=${INPUT_FAIL_ON:-block}
    case "$fail_on" in
        block | never) ;;
        warn) [ -n "$json" ] || { json="$reports/lockgate.json"; args+=(--format json --output "$json"); } ;;
        *)
            echo "::error title=lockgate::fail-on must be block, warn or never, not '$fail_on'"
            exit 2
            ;;
    esac
    args+=(--format text)

    local extra=() paths=()
    read -r -a extra <<<"${INPUT_ARGS:-}"
    read -r -a paths <<<"$(echo "${INPUT_PATH:-.}" | tr '\n' ' ')"
    [ ${#paths[@]} -gt 0 ] || paths=(.)

    local status=0
    "$binary" "${args[@]}" ${extra[@]+"${extra[@]}"} -- "${paths[@]}" || status=$?

    [ -n "$markdown" ] && [ -f "$markdown" ] && output markdown "$markdown"
    [ -n "$json" ] && [ -f "$json" ] && output json "$json"
    if [ -n "$markdown" ] && [ -f "$markdown" ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
        {
            cat "$markdown"
            if [ -n "$base" ]; then
                echo
                echo "<sub>Only packages new or changed since \`$base\` were audited.</sub>"
            fi
        } >>"$GITHUB_STEP_SUMMARY"
    fi
    output exit-code "$status"

    case "$status" in
        0) ;;
        1) echo "::error title=lockgate::packages were blocked by the policy; see the job summary" ;;
        3) echo "::error title=lockgate::some packages or lockfiles could not be checked; see the job summary" ;;
        *) echo "::error title=lockgate::lockgate stopped with exit code $status (usage or policy error)" ;;
    esac
    if [ "$fail_on" = warn ] && [ "$status" -eq 0 ] && grep -Eq '"verdict" ?: ?"warn"' "$json"; then
        echo "::error title=lockgate::packages warned and fail-on is warn"
        exit 1
    fi
    if [ "$fail_on" = never ] && [ "$status" -ne 2 ]; then
        exit 0
    fi
    exit "$status"
}

case "${1:-}" in
    locate) locate ;;
    build) build ;;
    audit) audit ;;
    *)
        echo "usage: run.sh locate|build|audit" >&2
        exit 2
        ;;
esac
