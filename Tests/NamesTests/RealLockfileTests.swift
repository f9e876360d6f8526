import Foundation
import LockgateCore
import Names
import Testing

/// Measurements over the 47 real lockfiles of `../shared/lockfiles` (all from benign projects) and the name tables of
/// `../shared/data`. Skipped, with a message, where `../shared` is absent.
@Suite(.enabled(if: SharedData.isPresent, "../shared is absent: real-lockfile and name-table checks skipped"))
struct RealLockfileTests {
    /// The false-positive budget: flagged names / distinct names stays at or under this (see docs/typosquats.md).
    static let flaggedBudget = 12

    @Test func typosquatFalsePositivesOnRealLockfiles() throws {
        let entries = try RealLockfileEntries.all()
        let detector = TyposquatDetector(popular: try PopularNames.bundled())
        let names = Set(entries.map { "\($0.ecosystem.rawValue)\t\($0.name)" }).sorted()
        #expect(names.count > 5000)
        var flagged: [String] = []
        for item in names {
            let parts = item.split(separator: "\t").map(String.init)
            guard let ecosystem = Ecosystem(rawValue: parts[0]) else { continue }
            if let match = detector.match(parts[1], ecosystem: ecosystem) { flagged.append(match.description) }
        }
        print("typosquat candidates on real lockfiles: \(flagged.count) of \(names.count) distinct names")
        flagged.forEach { print("  \($0)") }
        #expect(flagged.count <= Self.flaggedBudget, "\(flagged.joined(separator: "\n"))")
    }

    @Test func realArchiveURLsNameTheirEntries() throws {
        let entries = try RealLockfileEntries.all().filter { $0.url != nil }
        var recognised = 0
        var mismatches: [String] = []
        for entry in entries {
            let package = LockedPackage(
                ecosystem: entry.ecosystem, name: entry.name, version: "0",
                source: PackageSource(kind: .registry, url: entry.url), location: SourceLocation(line: 1, column: 1),
                aliases: entry.aliases)
            if NameURLCheck.claimedName(inTarballURL: entry.url ?? "", ecosystem: entry.ecosystem) != nil {
                recognised += 1
            }
            if let other = NameURLCheck.mismatch(for: package) { mismatches.append("\(entry.name) → \(other)") }
        }
        print("name/URL check on real lockfiles: \(recognised) URLs recognised, \(mismatches.count) mismatches")
        #expect(recognised > 15000)
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }

    @Test func shippedNameListsMatchTheScriptOutput() throws {
        let script = SharedData.repositoryRoot.appendingPathComponent("scripts/make-name-lists")
        try #require(FileManager.default.isExecutableFile(atPath: script.path), "scripts/make-name-lists missing")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("names-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", script.path, "--data", SharedData.root.appendingPathComponent("data").path, "--out", output.path,
        ]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let shipped = SharedData.repositoryRoot.appendingPathComponent("Sources/Names/Resources")
        for file in ["popular-npm.txt", "popular-pypi.txt"] {
            let fresh = try Data(contentsOf: output.appendingPathComponent(file))
            #expect(fresh == (try Data(contentsOf: shipped.appendingPathComponent(file))), "\(file) is stale")
        }
    }
}
