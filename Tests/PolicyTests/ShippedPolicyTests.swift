import Foundation
import LockgateCore
import Policy
import Testing

/// `policies/default.yml`, `policies/strict.yml` and the JSON Schema agree with the loader and `RuleCatalog`.
@Suite struct ShippedPolicyTests {
    @Test func defaultFileEqualsTheBuiltInDefault() throws {
        let policy = try PolicyLoader.load(path: PolicyTestSupport.shippedPolicy("default.yml"))
        #expect(policy == Policy.defaultPolicy)
    }

    @Test func builtInDefaultNamesEveryRuleAtItsCatalogSeverity() {
        // The default policy names every fixed rule; detector rules (detector_score, behaviour_<kind>) follow the
        // score thresholds.
        let fixed = RuleCatalog.all.filter { !$0.isScoreGraded }
        #expect(Set(Policy.defaultPolicy.rules.keys) == Set(fixed.map(\.id)))
        for rule in fixed {
            #expect(Policy.defaultPolicy.rules[rule.id]?.severity == rule.defaultSeverity, "\(rule.id)")
        }
    }

    @Test func strictBlocksEverySupplyChainRuleWithLowerThresholds() throws {
        let strict = try PolicyLoader.load(path: PolicyTestSupport.shippedPolicy("strict.yml"))
        // Two rules only inform: a registry-only hash check and files of a large release left unchecked are not
        // risks in themselves, so strict keeps them below block.
        let informational: [String: RuleLevel] = ["integrity_unverified": .info, "release_files_skipped": .warn]
        for rule in RuleCatalog.all where !rule.isScoreGraded {
            #expect(strict.rules[rule.id] == informational[rule.id] ?? .block, "\(rule.id)")
        }
        for ecosystem in Ecosystem.allCases {
            let lower = strict.thresholds(for: ecosystem)
            let standard = Policy.defaultPolicy.thresholds(for: ecosystem)
            #expect(lower.block < standard.block, "\(ecosystem)")
            #expect(lower.warn < standard.warn, "\(ecosystem)")
        }
        #expect(strict.registries == Policy.defaultPolicy.registries)
        #expect(strict.sources == Policy.defaultPolicy.sources)
        #expect(!strict.fetch.failOpen)
    }

    @Test func schemaListsExactlyTheAcceptedKeys() throws {
        let schema = try Self.schema()
        #expect(schema["additionalProperties"] as? Bool == false)
        #expect(schema["required"] as? [String] == ["version"])
        let properties = try #require(schema["properties"] as? [String: Any])
        #expect(Set(properties.keys) == Set(PolicyKeys.root))
        let definitions = try #require(schema["definitions"] as? [String: Any])
        func keys(_ object: Any?) -> Set<String> {
            Set(((object as? [String: Any])?["properties"] as? [String: Any])?.keys.map { $0 } ?? [])
        }
        #expect(keys(definitions["thresholds"]) == Set(PolicyKeys.thresholds))
        #expect(keys(definitions["ecosystemOverride"]) == Set(PolicyKeys.ecosystemOverride))
        #expect(keys(properties["ecosystems"]) == Set(PolicyKeys.ecosystems))
        #expect(keys(properties["registries"]) == Set(PolicyKeys.registries))
        #expect(keys(properties["sources"]) == Set(PolicyKeys.sources))
        #expect(keys(properties["fetch"]) == Set(PolicyKeys.fetch))
        #expect(keys(properties["rules"]) == Set(RuleCatalog.all.map(\.id)))
        #expect(keys((properties["allowlist"] as? [String: Any])?["items"]) == Set(PolicyKeys.allowlistEntry))
        #expect(keys((properties["denylist"] as? [String: Any])?["items"]) == Set(PolicyKeys.denylistEntry))
        let severity = (definitions["severity"] as? [String: Any])?["enum"] as? [String]
        #expect(severity == RuleLevel.allCases.map(\.rawValue))
    }

    @Test func schemaClosesEveryObject() throws {
        var open: [String] = []
        func walk(_ value: Any, _ path: String) {
            if let object = value as? [String: Any] {
                let types = (object["type"] as? [String]) ?? (object["type"] as? String).map { [$0] } ?? []
                if types.contains("object") && object["additionalProperties"] as? Bool != false { open.append(path) }
                for (key, child) in object { walk(child, "\(path)/\(key)") }
            } else if let array = value as? [Any] {
                for (index, child) in array.enumerated() { walk(child, "\(path)/\(index)") }
            }
        }
        walk(try Self.schema(), "#")
        #expect(open.isEmpty, "objects without additionalProperties: false: \(open)")
    }

    @Test(.enabled(if: Python.hasJSONSchema, "python3 with the jsonschema and yaml modules is not installed"))
    func shippedPoliciesAndValidFixturesValidateAgainstTheSchema() throws {
        let files = [
            PolicyTestSupport.shippedPolicy("default.yml"), PolicyTestSupport.shippedPolicy("strict.yml"),
            try PolicyTestSupport.fixturePath("valid/full.yml"),
        ]
        let result = try Python.validate(files)
        #expect(result.invalid.isEmpty, "\(result.output)")
        #expect(result.valid == Set(files), "\(result.output)")
    }

    /// Errors the schema can express (not calendar dates, warn above block or host syntax details).
    static let schemaRejected = [
        "unknown-top-key.yml", "unknown-nested-key.yml", "threshold-out-of-range.yml", "fail-open-string.yml",
        "bool-yes.yml", "missing-version.yml", "newer-version.yml", "date-wrong-format.yml", "missing-reason.yml",
        "unknown-rule.yml", "invalid-severity.yml", "denylisted-not-block.yml", "both-package-and-sha256.yml",
        "neither-package-nor-sha256.yml", "bad-sha256.yml", "host-is-url.yml", "entry-unknown-key.yml",
        "not-a-mapping.yml", "section-not-mapping.yml", "entry-not-mapping.yml", "threshold-quoted.yml",
    ]

    @Test(.enabled(if: Python.hasJSONSchema, "python3 with the jsonschema and yaml modules is not installed"))
    func schemaRejectsWhatTheLoaderRejects() throws {
        let files = try Self.schemaRejected.map { try PolicyTestSupport.fixturePath("errors/\($0)") }
        let result = try Python.validate(files)
        #expect(result.invalid == Set(files), "\(result.output)")
    }

    // MARK: - Private

    private static func schema() throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath:
            PolicyTestSupport.shippedPolicy("lockgate-policy.schema.json")))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}

/// Runs python3 to validate YAML files against the schema.
enum Python {
    /// Whether python3 and its jsonschema and yaml modules are available.
    static let hasJSONSchema: Bool = {
        (try? run(["-c", "import jsonschema, yaml"]).status) == 0
    }()

    /// Validates each file against the schema in one python3 run.
    /// - Returns: The files that validate, the files that do not, and python's output (the errors).
    static func validate(_ files: [String]) throws -> (valid: Set<String>, invalid: Set<String>, output: String) {
        let script = """
            import json, re, sys, yaml, jsonschema
            # Read YAML the way lockgate does (YAML 1.2 core): dates stay strings, and only true/false are booleans,
            # so `off` is the severity and `yes` is not a boolean.
            class Loader(yaml.SafeLoader): pass
            Loader.yaml_implicit_resolvers = {
                k: [r for r in v if r[0] not in ('tag:yaml.org,2002:timestamp', 'tag:yaml.org,2002:bool')]
                for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
            Loader.add_implicit_resolver(
                'tag:yaml.org,2002:bool', re.compile(r'^(?:true|True|TRUE|false|False|FALSE)$'), list('tTfF'))
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft7Validator.check_schema(schema)
            validator = jsonschema.Draft7Validator(schema)
            for path in sys.argv[2:]:
                errors = list(validator.iter_errors(yaml.load(open(path), Loader=Loader)))
                for error in errors:
                    print('#', path, list(error.path), error.message)
                print('INVALID' if errors else 'VALID', path)
            """
        let schema = PolicyTestSupport.shippedPolicy("lockgate-policy.schema.json")
        let result = try run(["-c", script, schema] + files)
        var valid = Set<String>()
        var invalid = Set<String>()
        for line in result.output.split(separator: "\n") {
            if line.hasPrefix("VALID ") { valid.insert(String(line.dropFirst("VALID ".count))) }
            if line.hasPrefix("INVALID ") { invalid.insert(String(line.dropFirst("INVALID ".count))) }
        }
        return (valid, invalid, "exit \(result.status)\n\(result.output)")
    }

    private static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
