import Foundation
import LockgateCore
import Reporting
import Testing

/// The output of `lockgate list`.
@Suite struct ListReporterTests {
    @Test func jsonSchema() throws {
        let data = try ListReporter.render(ReportFixture.lockfiles, problems: ReportFixture.listProblems, format: .json)
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(document["schemaVersion"] as? Int == 1)
        let lockfiles = try #require(document["lockfiles"] as? [[String: Any]])
        #expect(lockfiles.compactMap { $0["path"] as? String } == ["package-lock.json", "requirements.txt"])
        #expect(lockfiles[0]["formatVersion"] as? String == "3")
        #expect(lockfiles[1]["formatVersion"] == nil)
        let npm = try #require(lockfiles[0]["packages"] as? [[String: Any]])
        #expect(npm.compactMap { $0["name"] as? String } == ["string-width", "fsevents", "my-fork"])
        #expect(npm[0]["aliases"] as? [String] == ["string-width-cjs"])
        #expect(npm[1]["aliases"] == nil)
        #expect(npm[0]["integrity"] as? [String] == ["sha1:0123456789abcdef0123456789abcdef01234567"])
        #expect(npm[1]["dev"] as? Bool == true && npm[1]["optional"] as? Bool == true)
        #expect(npm[2]["bundled"] as? Bool == true)
        #expect((npm[2]["source"] as? [String: Any])?["kind"] as? String == "git")
        #expect((npm[1]["source"] as? [String: Any])?["url"] == nil)
        #expect((npm[0]["location"] as? [String: Int]) == ["line": 20, "column": 5])
        let pypi = try #require(lockfiles[1]["packages"] as? [[String: Any]])
        #expect(pypi[0]["pinned"] as? Bool == false)
        #expect((pypi[1]["integrity"] as? [String])?.first?.hasPrefix("sha256:12f1d8f6") == true)
        let links = try #require(lockfiles[0]["localLinks"] as? [[String: Any]])
        #expect(links.count == 2 && links[1]["name"] == nil && links[1]["kind"] as? String == "link")
        let problems = try #require(document["problems"] as? [[String: Any]])
        #expect(problems.compactMap { $0["path"] as? String } == ["pnpm-lock.yaml", "yarn.lock"])
        #expect(problems[1]["location"] == nil)
    }

    @Test func textTables() throws {
        let data = try ListReporter.render(ReportFixture.lockfiles, problems: ReportFixture.listProblems, format: .text)
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "package-lock.json (package-lock v3): 3 packages, 2 local links")
        #expect(lines.contains("requirements.txt (requirements): 2 packages, 0 local links"))
        #expect(lines.contains("could not read: yarn.lock: not a yarn lockfile"))
        // Columns line up: VERSION starts at the same offset in the header and every row of a table.
        let header = try #require(lines.firstIndex { $0.hasPrefix("  NAME") })
        let offset = try #require(lines[header].range(of: "VERSION")).lowerBound.utf16Offset(in: lines[header])
        for row in lines[(header + 1)...(header + 3)] {
            let cell = row.dropFirst(offset)
            #expect(cell.first?.isNumber == true, "\(row)")
        }
        #expect(!lines.contains { $0.hasSuffix(" ") })
    }

    @Test(arguments: ListFormat.allCases)
    func emptyInput(format: ListFormat) throws {
        let text = String(decoding: try ListReporter.render([], problems: [], format: format), as: UTF8.self)
        switch format {
        case .json:
            #expect(text == "{\n  \"lockfiles\" : [\n\n  ],\n  \"problems\" : [\n\n  ],\n  \"schemaVersion\" : 1\n}\n")
        case .text: #expect(text == "no lockfiles\n")
        }
    }
}
