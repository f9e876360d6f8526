import Foundation
import LockgateTestSupport
import Testing

/// The GitHub Action (action/action.yml and action/run.sh) and the pre-commit framework's hook definition.
@Suite struct ActionTests {
    static let actionFile = RepositoryLayout.root.appendingPathComponent("action/action.yml")
    static let runScript = RepositoryLayout.root.appendingPathComponent("action/run.sh")

    @Test(.enabled(if: PythonYAML.isAvailable, "needs python3 with the yaml module (scripts/setup --test-deps)"))
    func everyInputUsedIsDeclaredAndEveryRunStepHasItsShell() throws {
        let action = try #require(PythonYAML.load(Self.actionFile) as? [String: Any])
        let inputs = try #require(action["inputs"] as? [String: Any])
        let text = try String(contentsOf: Self.actionFile, encoding: .utf8)
        let used = Self.matches(#"inputs\.([A-Za-z0-9_-]+)"#, in: text)
        #expect(!used.isEmpty)
        #expect(used.subtracting(inputs.keys).isEmpty, "used but not declared: \(used.subtracting(inputs.keys))")
        #expect(
            Set(inputs.keys).subtracting(used).isEmpty, "declared but never used: \(Set(inputs.keys).subtracting(used))"
        )
        for name in ["path", "policy", "formats", "fail-on", "diff-base", "cache", "binary"] {
            #expect(inputs[name] != nil, "input \(name) is missing")
        }

        let runs = try #require(action["runs"] as? [String: Any])
        #expect(runs["using"] as? String == "composite")
        let steps = try #require(runs["steps"] as? [[String: Any]])
        var ids = Set<String>()
        for step in steps {
            let name = step["name"] as? String ?? "?"
            #expect((step["run"] == nil) != (step["uses"] == nil), "step \(name) needs exactly one of run and uses")
            if step["run"] != nil { #expect(step["shell"] as? String == "bash", "step \(name) has no shell") }
            if let id = step["id"] as? String { ids.insert(id) }
        }
        let referenced = Self.matches(#"steps\.([A-Za-z0-9_-]+)\."#, in: text)
        #expect(referenced.subtracting(ids).isEmpty, "steps referenced but not defined: \(referenced.subtracting(ids))")

        // The SARIF upload: category lockgate, through code scanning's own action.
        let upload = try #require(
            steps.first { ($0["uses"] as? String)?.hasPrefix("github/codeql-action/upload-sarif") == true })
        #expect((upload["with"] as? [String: Any])?["category"] as? String == "lockgate")
        // Every INPUT_* variable the script reads is set by a step.
        let script = try String(contentsOf: Self.runScript, encoding: .utf8)
        let read = Self.matches(#"\$\{?(INPUT_[A-Z_]+)"#, in: script)
        let set = Set(steps.flatMap { ($0["env"] as? [String: Any] ?? [:]).keys })
        #expect(read.subtracting(set).isEmpty, "run.sh reads \(read.subtracting(set)) that no step sets")
        #expect(FileManager.default.isExecutableFile(atPath: Self.runScript.path))
    }

    @Test(.enabled(if: PythonYAML.isAvailable, "needs python3 with the yaml module (scripts/setup --test-deps)"))
    func preCommitFrameworkHookMatchesEveryLockfileName() throws {
        let hooks = try #require(
            PythonYAML.load(RepositoryLayout.root.appendingPathComponent(".pre-commit-hooks.yaml")) as? [[String: Any]])
        #expect(hooks.map { $0["id"] as? String } == ["lockgate", "lockgate-system"])
        for hook in hooks {
            #expect(hook["entry"] as? String == "lockgate hook run")
            #expect(hook["pass_filenames"] as? Bool == false)
            let pattern = try #require(hook["files"] as? String)
            let regex = try NSRegularExpression(
                pattern: pattern.replacingOccurrences(of: "(?i)", with: ""), options: .caseInsensitive)
            func matches(_ path: String) -> Bool {
                regex.firstMatch(in: path, range: NSRange(path.startIndex..., in: path)) != nil
            }
            for path in [
                "package-lock.json", "web/npm-shrinkwrap.json", "yarn.lock", "a/b/pnpm-lock.yaml",
                "requirements.txt", "dev-requirements.txt", "requirements/base.txt", "poetry.lock",
                "Pipfile.lock", "api/uv.lock",
            ] {
                #expect(matches(path), "\(path) does not trigger the hook")
            }
            for path in ["package.json", "README.md", "src/yarn.lock.js", "notes.txt"] {
                #expect(!matches(path), "\(path) triggers the hook")
            }
        }
    }

    @Test func auditStepWritesSARIFAndSummaryAndExitsWithLockgatesCode() throws {
        let sandbox = try GitSandbox()
        let entries = [("lockgate-fixture-alpha", "1.0.0"), ("lockgate-fixture-evil", "6.6.6")].map {
            NPMLockfile.Entry(name: $0.0, version: $0.1, integrity: NPMLockfile.placeholderIntegrity)
        }
        try sandbox.write("package-lock.json", NPMLockfile.text(entries))
        try sandbox.write(
            ".lockgate.yml",
            """
            version: 1
            denylist:
              - package: lockgate-fixture-evil@6.6.6
                reason: known credential stealer
            """)
        try sandbox.commitAll("start")
        let github = try FakeGitHub()
        let result = try github.run(
            "audit", in: sandbox,
            inputs: [
                "PATH": ".", "FORMATS": "sarif,markdown,json", "FAIL_ON": "block", "DIFF_BASE": "",
                "ARGS": "--lockfile-only", "POLICY": "",
            ])
        #expect(result.status == 1, "\(result.stdout)\n\(result.stderr)")
        let outputs = try github.outputs()
        #expect(outputs["exit-code"] == "1")
        let sarifPath = try #require(outputs["sarif"])
        let sarif =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: sarifPath))) as? [String: Any]
        #expect(sarif?["version"] as? String == "2.1.0")
        let runs = sarif?["runs"] as? [[String: Any]] ?? []
        let results = runs.first?["results"] as? [[String: Any]] ?? []
        #expect(results.contains { ($0["ruleId"] as? String) == "denylisted" }, "\(results)")
        let summary = try github.summary()
        #expect(summary.contains("lockgate blocked 1 package"), "\(summary)")
        #expect(summary.contains("lockgate-fixture-evil@6.6.6"))
        #expect(summary.contains("1 of 2 packages passed"))
        #expect(outputs["json"] != nil && outputs["markdown"] != nil)
        // The log shows the text table.
        #expect(result.stdout.contains("lockgate-fixture-evil@6.6.6"))

        // fail-on never reports without failing the step.
        let lenient = try FakeGitHub()
        let reportOnly = try lenient.run(
            "audit", in: sandbox, inputs: ["FORMATS": "markdown", "FAIL_ON": "never", "ARGS": "--lockfile-only"])
        #expect(reportOnly.status == 0, "\(reportOnly.stderr)")
        #expect(try lenient.outputs()["exit-code"] == "1")
        #expect(try lenient.outputs()["sarif"] == nil)
    }

    @Test func auditStepWithADiffBaseAndTheLoopbackRegistry() throws {
        let registry = try FakeRegistry()
        defer { registry.stop() }
        var entries: [NPMLockfile.Entry] = []
        for name in ["lockgate-fixture-alpha", "lockgate-fixture-beta"] {
            let tarball = try PackageFixtures.npmPackage(name: name, version: "1.0.0")
            let integrity = registry.publishNPM(name: name, version: "1.0.0", tarball: tarball)
            entries.append(NPMLockfile.Entry(name: name, version: "1.0.0", integrity: integrity))
        }
        let sandbox = try GitSandbox(extraEnvironment: ["npm_config_registry": registry.baseURL])
        try sandbox.write("package-lock.json", NPMLockfile.text([entries[0]]))
        let base = try sandbox.commitAll("base")
        try sandbox.write("package-lock.json", NPMLockfile.text(entries))
        try sandbox.commitAll("pull request")
        let github = try FakeGitHub()
        let result = try github.run(
            "audit", in: sandbox, inputs: ["FORMATS": "sarif markdown json", "DIFF_BASE": base, "FAIL_ON": "warn"])
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        let outputs = try github.outputs()
        #expect(outputs["exit-code"] == "0")
        let json =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: try #require(outputs["json"])))) as? [String: Any]
        let names = (json?["packages"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(names == ["lockgate-fixture-beta"], "only the package the pull request adds")
        let summary = try github.summary()
        #expect(summary.contains("nothing blocked"), "\(summary)")
        #expect(summary.contains("Only packages new or changed since `\(base)` were audited"))
        #expect(registry.requests.contains { $0.path.hasSuffix("lockgate-fixture-beta-1.0.0.tgz") })
        #expect(!registry.requests.contains { $0.path.hasSuffix("lockgate-fixture-alpha-1.0.0.tgz") })
        // The cache folder the action keeps between runs is the one lockgate used.
        #expect(FileManager.default.fileExists(atPath: github.cacheDirectory))
    }

    @Test func locateStepNamesTheBinaryAndTheCaches() throws {
        let github = try FakeGitHub()
        let sandbox = try GitSandbox()
        let result = try github.run("locate", in: sandbox, inputs: ["BINARY": RepositoryLayout.lockgateBinary.path])
        #expect(result.status == 0, "\(result.stderr)")
        let outputs = try github.outputs()
        #expect(outputs["binary"] == RepositoryLayout.lockgateBinary.path)
        #expect(outputs["build-key"]?.hasPrefix("lockgate-build-Linux-X64-") == true, "\(outputs)")
        #expect(outputs["cache-dir"]?.hasSuffix("lockgate-cache") == true)
        let missing = try FakeGitHub().run("locate", in: sandbox, inputs: ["BINARY": "/nonexistent/lockgate"])
        #expect(missing.status == 2)
    }

    // MARK: - Private

    private static func matches(_ pattern: String, in text: String) -> Set<String> {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        return Set(
            regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
                Range(match.range(at: 1), in: text).map { String(text[$0]) }
            })
    }
}
