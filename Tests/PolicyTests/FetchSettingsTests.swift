import LockgateCore
import Policy
import Testing

/// The keys that steer downloading and archive reading: `registries.npm`/`pypi`, `fetch.*`, `archives.*`.
@Suite struct FetchSettingsTests {
    @Test func fetchAndArchiveKeysParse() throws {
        let policy = try PolicyLoader.parse("""
            version: 1
            registries:
              npm: https://npm.corp.example/
              pypi: https://pypi.corp.example/simple/
            fetch:
              fail-open: true
              max-files-per-release: 3
            archives:
              max-entries: 500
              max-entry-bytes: 1_000_000
              max-total-bytes: 5000000
              max-compression-ratio: 20
              max-path-depth: 8
            """, path: "p.yml")
        #expect(policy.registries.npm == "https://npm.corp.example/")
        #expect(policy.registries.pypi == "https://pypi.corp.example/simple/")
        #expect(policy.registries.allowed == Policy.defaultPolicy.registries.allowed)
        #expect(policy.fetch.failOpen && policy.fetch.maxFilesPerRelease == 3)
        #expect(policy.archives == Policy.Archives(
            maxEntries: 500, maxEntryBytes: 1_000_000, maxTotalBytes: 5_000_000, maxCompressionRatio: 20, maxPathDepth: 8))
    }

    @Test(arguments: [
        ("version: 1\nfetch:\n  max-files-per-release: 0\n", 3, "fetch.max-files-per-release"),
        ("version: 1\nfetch:\n  max-files-per-release: many\n", 3, "fetch.max-files-per-release"),
        ("version: 1\narchives:\n  max-entries: -4\n", 3, "archives.max-entries"),
        ("version: 1\narchives:\n  max-entrys: 4\n", 3, "archives.max-entrys"),
        ("version: 1\nregistries:\n  npm: npm.corp.example\n", 3, "registries.npm"),
    ])
    func invalidValuesNameLineAndKey(_ text: String, _ line: Int, _ key: String) {
        let error = PolicyTestSupport.parseError(text)
        #expect(error?.location?.line == line)
        #expect(error?.keyPath == key)
    }
}
