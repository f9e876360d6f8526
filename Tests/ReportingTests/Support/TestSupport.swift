import Foundation
import Testing

/// Paths the tests derive from this file's location: `Tests/ReportingTests/Support/TestSupport.swift`.
enum TestPaths {
    /// The repository root.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The golden files.
    static let snapshots = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Snapshots")

    /// The OASIS SARIF schema in the shared data folder next to the repository (absent for people who clone it).
    static let sarifSchema = repositoryRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/data/sarif-schema-2.1.0.json")

    /// Whether the SARIF schema is there.
    static var sarifSchemaIsPresent: Bool { FileManager.default.fileExists(atPath: sarifSchema.path) }
}

/// Runs `python3` with the `jsonschema` module, when both are installed.
enum PythonJSONSchema {
    /// Whether `python3 -c "import jsonschema"` succeeds.
    static let isAvailable: Bool = (try? run(arguments: ["-c", "import jsonschema"]).status) == 0

    /// Validates a JSON file against a draft-04 schema.
    /// - Parameters:
    ///   - document: The JSON file.
    ///   - schema: The schema file.
    /// - Returns: The validation errors, one per line; empty when valid.
    static func validate(document: URL, schema: URL) throws -> [String] {
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1], encoding="utf-8"))
            document = json.load(open(sys.argv[2], encoding="utf-8"))
            validator = jsonschema.Draft4Validator(schema)
            errors = sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.path)))
            for error in errors[:20]:
                print("/".join(map(str, error.path)) + ": " + error.message[:300])
            sys.exit(1 if errors else 0)
            """
        let result = try run(arguments: ["-c", script, schema.path, document.path])
        let lines = result.output.split(separator: "\n").map(String.init)
        if result.status != 0 && lines.isEmpty { return ["python3 exited with status \(result.status)"] }
        return result.status == 0 ? [] : lines
    }

    // MARK: - Private

    private static func run(arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
