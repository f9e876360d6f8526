import Foundation
import LockgateTestSupport

/// Reads YAML through `python3` and its `yaml` module (installed by `scripts/setup --test-deps`), as JSON values.
enum PythonYAML {
    /// Whether `python3 -c "import yaml"` succeeds.
    static let isAvailable: Bool = {
        let directory = FileManager.default.temporaryDirectory.path
        return (try? CommandRunner.run("python3", ["-c", "import yaml"], in: directory).status) == 0
    }()

    /// Parses a YAML file.
    /// - Parameter url: The file.
    /// - Returns: The document as JSONSerialization values.
    /// - Throws: When python fails or prints something that is not JSON.
    static func load(_ url: URL) throws -> Any {
        let script =
            "import json, sys, yaml; json.dump(yaml.safe_load(open(sys.argv[1], encoding='utf-8')), sys.stdout)"
        let result = try CommandRunner.run(
            "python3", ["-c", script, url.path], in: FileManager.default.temporaryDirectory.path)
        guard result.status == 0 else { throw CocoaError(.fileReadCorruptFile, userInfo: ["stderr": result.stderr]) }
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }
}
