import Foundation
import LockgateTestSupport
import Testing

/// Validates SARIF logs against the OASIS SARIF 2.1.0 schema with Python's jsonschema (as `AuditSARIFTests` does).
enum SARIFSchema {
    /// Expects the log at `path` to be valid against the schema.
    /// - Parameters:
    ///   - path: The SARIF file.
    ///   - schema: The schema file (../shared/data/sarif-schema-2.1.0.json).
    ///   - directory: Where to run Python.
    /// - Throws: When Python cannot run, or lacks jsonschema.
    static func expectValid(
        _ path: String, schema: String, in directory: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        let check = try CommandRunner.run("python3", ["-c", """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1])); doc = json.load(open(sys.argv[2]))
            errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(doc), key=lambda e: list(e.path))
            for e in errors[:20]: print(list(e.path), e.message)
            sys.exit(1 if errors else 0)
            """, schema, path], in: directory)
        try #require(
            !check.stderr.contains("No module named"), "python3 with jsonschema is needed: ./scripts/setup --test-deps",
            sourceLocation: sourceLocation)
        #expect(
            check.status == 0, "SARIF schema errors: \(check.stdout)\(check.stderr)", sourceLocation: sourceLocation)
    }
}
