import Foundation
import LockgateCore
import Testing

@testable import Analysis

/// Sequence order: install entries first in npm's lifecycle order, then main (imports in order, each module once,
/// called functions at their call sites, uncalled ones after the top level), then bin, then the rest in path order.
@Suite struct SequenceOrderTests {
    static let manifest = """
        {
          "name": "demo",
          "version": "1.2.3",
          "main": "lib/index.js",
          "bin": {"demo": "bin/cli.js"},
          "scripts": {
            "test": "node test/run.js",
            "postinstall": "node scripts/post.js",
            "preinstall": "node scripts/pre.js"
          }
        }
        """

    @Test func npmPackageRunsInstallThenMainThenBinThenRest() {
        let files = PackageFixture.files([
            ("package/package.json", Self.manifest),
            ("package/scripts/pre.js", "b read_env_all"),
            ("package/scripts/post.js", "import ../lib/util\nb use_network"),
            (
                "package/lib/index.js",
                """
                import ./util
                import ./helpers
                call main
                b write_file
                def main
                  b spawn_process
                  call main
                end
                def unused
                  b eval_code
                end
                """
            ),
            ("package/lib/util.js", "b url"),
            ("package/lib/helpers/index.js", "import ../util\nb read_file"),
            ("package/bin/cli.js", "b recon_host"),
            ("package/test/run.js", "b shell_command"),
            ("package/lib/orphan.js", "b dns_lookup"),
        ])
        let analysis = PackageFixture.analyzer.analyse(files: files, ecosystem: nil)
        #expect(analysis.ecosystem == .npm)
        #expect(analysis.name == "demo")
        #expect(analysis.version == "1.2.3")
        #expect(
            PackageFixture.trace(analysis) == [
                "start:install",
                "install:install_hook@package/package.json:9",
                "install:read_env_all@package/scripts/pre.js:1",
                "end:install",
                "start:install",
                "install:install_hook@package/package.json:8",
                "install:url@package/lib/util.js:1",
                "install:use_network@package/scripts/post.js:2",
                "end:install",
                "start:main",
                "runtime:read_file@package/lib/helpers/index.js:2",
                "runtime:spawn_process@package/lib/index.js:6",
                "runtime:write_file@package/lib/index.js:4",
                "deferred:eval_code@package/lib/index.js:10",
                "end:main",
                "start:bin",
                "runtime:recon_host@package/bin/cli.js:1",
                "end:bin",
                "start:other",
                "deferred:dns_lookup@package/lib/orphan.js:1",
                "end:other",
                "start:other",
                "auxiliary:shell_command@package/test/run.js:1",
                "end:other",
            ])
        #expect(analysis.entryNames.first == "preinstall: node scripts/pre.js")
        #expect(analysis.entryNames.contains("main: package/lib/index.js"))
        let hook = analysis.sequence.behaviours.first { $0.kind == .installHook }
        #expect(hook?.column == 5)
        #expect(hook?.snippet == "\"preinstall\": \"node scripts/pre.js\"")
    }

    @Test func pythonSdistRunsSetupAndCmdclassThenPackageThenConsoleScript() {
        let files = PackageFixture.files([
            ("demo-1.0/PKG-INFO", "Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n"),
            (
                "demo-1.0/setup.py",
                """
                import os
                from setuptools import setup
                b read_env_var
                class PostInstall(install):
                def PostInstall.run
                  b spawn_process
                end
                setup(name='demo', cmdclass={'install': PostInstall},
                      entry_points={'console_scripts': ['demo = demo.cli:main']})
                """
            ),
            ("demo-1.0/demo/__init__.py", "import .core\nb import_os_module"),
            ("demo-1.0/demo/core.py", "b read_file"),
            (
                "demo-1.0/demo/cli.py",
                "import demo.core\ndef main\n  b use_network\nend\ndef other\n  b write_file\nend"
            ),
            ("demo-1.0/tests/test_core.py", "b eval_code"),
        ])
        let analysis = PackageFixture.analyzer.analyse(files: files, ecosystem: nil)
        #expect(analysis.ecosystem == .pypi)
        #expect(analysis.name == "demo")
        #expect(analysis.version == "1.0")
        #expect(
            PackageFixture.trace(analysis) == [
                "start:install",
                "install:install_hook@demo-1.0/setup.py:8",
                "install:read_env_var@demo-1.0/setup.py:3",
                "install:install_hook@demo-1.0/setup.py:4",
                "install:spawn_process@demo-1.0/setup.py:6",
                "end:install",
                "start:main",
                "runtime:read_file@demo-1.0/demo/core.py:1",
                "runtime:import_os_module@demo-1.0/demo/__init__.py:2",
                "end:main",
                "start:bin",
                "runtime:use_network@demo-1.0/demo/cli.py:3",
                "deferred:write_file@demo-1.0/demo/cli.py:6",
                "end:bin",
                "start:other",
                "auxiliary:eval_code@demo-1.0/tests/test_core.py:1",
                "end:other",
            ])
        #expect(analysis.sequence.features.hasInstallHook)
    }

    @Test func aPackagesMainModuleRunsAsABinEntryLikePythonDashM() {
        let files = PackageFixture.files([
            ("demo-1.0/PKG-INFO", "Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n"),
            ("demo-1.0/demo/__init__.py", "b import_os_module"),
            ("demo-1.0/demo/__main__.py", "import .steal\ncall run\ndef run\n  b read_discord_store\nend"),
            ("demo-1.0/demo/steal.py", "b url_webhook"),
            ("demo-1.0/demo/inner/__main__.py", "b write_file"),
            ("demo-1.0/tests/__main__.py", "b eval_code"),
        ])
        let analysis = PackageFixture.analyzer.analyse(files: files, ecosystem: nil)
        #expect(
            PackageFixture.trace(analysis) == [
                "start:main",
                "runtime:import_os_module@demo-1.0/demo/__init__.py:1",
                "end:main",
                "start:bin",
                "runtime:url_webhook@demo-1.0/demo/steal.py:1",
                "runtime:read_discord_store@demo-1.0/demo/__main__.py:4",
                "end:bin",
                "start:other",
                "deferred:write_file@demo-1.0/demo/inner/__main__.py:1",
                "end:other",
                "start:other",
                "auxiliary:eval_code@demo-1.0/tests/__main__.py:1",
                "end:other",
            ])
    }

    @Test func wheelPthRunsAtInstallAndBinaryShipsInOther() {
        var files = PackageFixture.files([
            ("demo-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n"),
            ("demo-1.0.dist-info/entry_points.txt", "[console_scripts]\ndemo = demo:main\n"),
            ("demo-1.0.dist-info/WHEEL", "Root-Is-Purelib: true\nTag: py3-none-any\n"),
            ("demo_hook.pth", "./vendor\nimport demo._hook\n"),
            ("demo/__init__.py", "b import_os_module"),
            ("demo/_hook.py", "b spawn_process"),
        ])
        files.append(PackageFile(path: "demo/tool.bin", data: Data([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0])))
        let analysis = PackageFixture.analyzer.analyse(files: files, ecosystem: nil)
        #expect(analysis.ecosystem == .pypi)
        #expect(
            PackageFixture.trace(analysis) == [
                "start:install",
                "install:install_hook@demo_hook.pth:2",
                "install:import_os_module@demo/__init__.py:1",
                "install:spawn_process@demo/_hook.py:1",
                "end:install",
                "start:main", "end:main",
                "start:bin", "end:bin",
                "start:other",
                "deferred:native_binary@demo/tool.bin:1",
                "end:other",
            ])
        #expect(analysis.sequence.features.binaryFiles == 1)
    }

    @Test func callGraphVisitsEachFunctionOnceAtItsCallSite() {
        let files = PackageFixture.files([
            ("package/package.json", #"{"name": "calls", "main": "index.js"}"#),
            (
                "package/index.js",
                """
                b url
                call first
                b write_file
                def first
                  b read_file
                  call second
                  call first
                end
                def second
                  call first
                  b spawn_process
                end
                def zeta
                  b eval_code
                end
                def alpha
                  b dns_lookup
                end
                """
            ),
        ])
        let trace = PackageFixture.trace(PackageFixture.analyzer.analyse(files: files, ecosystem: .npm))
        #expect(
            trace == [
                "start:main",
                "runtime:url@package/index.js:1",
                "runtime:read_file@package/index.js:5",
                "runtime:spawn_process@package/index.js:11",
                "runtime:write_file@package/index.js:3",
                "deferred:dns_lookup@package/index.js:17",
                "deferred:eval_code@package/index.js:14",
                "end:main",
            ])
    }

    @Test func codeNothingCallsWhileLoadingIsDeferredAndSoIsWhatItCallsOrImports() {
        let files = PackageFixture.files([
            ("package/package.json", #"{"name": "api", "main": "index.js"}"#),
            (
                "package/index.js",
                """
                b read_env_var
                call setup
                def setup
                  b read_file
                end
                def exported
                  b use_network
                  call helper
                  import ./lazy.js
                end
                def helper
                  b spawn_process
                end
                """
            ),
            ("package/lazy.js", "b write_file"),
        ])
        let trace = PackageFixture.trace(PackageFixture.analyzer.analyse(files: files, ecosystem: .npm))
        #expect(
            trace == [
                "start:main",
                "runtime:read_env_var@package/index.js:1",
                "runtime:read_file@package/index.js:4",
                "deferred:use_network@package/index.js:7",
                "deferred:spawn_process@package/index.js:12",
                "deferred:write_file@package/lazy.js:1",
                "end:main",
            ])
    }

    @Test func pythonCallsIntoSiblingModulesRunAtLoad() {
        // `from ._core import Engine, start` / `from . import helpers`, then `Engine()`, `start()`, `helpers.go()`
        // at the top level of `__init__.py`: the functions they reach run at load; what nothing calls waits.
        let files = PackageFixture.files([
            ("demo-1.0/PKG-INFO", "Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n"),
            (
                "demo-1.0/demo/__init__.py",
                "import ._core\nimport .helpers\ncallimported ._core.Engine\ncallimported ._core.start\n"
                    + "callimported .helpers.go\ncallimported .helpers.go\ncallimported .missing.run\nb url"
            ),
            (
                "demo-1.0/demo/_core.py",
                "b import_os_module\ndef Engine.__init__\n  b spawn_process\nend\ndef start\n  b recon_host\nend\n"
                    + "def unused\n  b eval_code\nend"
            ),
            ("demo-1.0/demo/helpers.py", "def go\n  b use_network\n  callimported demo._core.unused\nend"),
        ])
        let trace = PackageFixture.trace(PackageFixture.analyzer.analyse(files: files, ecosystem: .pypi))
        #expect(
            trace == [
                "start:main",
                "runtime:import_os_module@demo-1.0/demo/_core.py:1",
                "runtime:spawn_process@demo-1.0/demo/_core.py:3",
                "runtime:recon_host@demo-1.0/demo/_core.py:6",
                "runtime:use_network@demo-1.0/demo/helpers.py:2",
                "runtime:eval_code@demo-1.0/demo/_core.py:9",
                "runtime:url@demo-1.0/demo/__init__.py:8",
                "end:main",
            ])
    }

    @Test func pythonFunctionsNoModuleCallsStayDeferred() {
        let files = PackageFixture.files([
            ("demo-1.0/PKG-INFO", "Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n"),
            ("demo-1.0/demo/__init__.py", "import ._core\nb url"),
            ("demo-1.0/demo/_core.py", "b import_os_module\ndef start\n  b recon_host\nend"),
        ])
        let trace = PackageFixture.trace(PackageFixture.analyzer.analyse(files: files, ecosystem: .pypi))
        #expect(
            trace == [
                "start:main",
                "runtime:import_os_module@demo-1.0/demo/_core.py:1",
                "runtime:url@demo-1.0/demo/__init__.py:2",
                "deferred:recon_host@demo-1.0/demo/_core.py:3",
                "end:main",
            ])
    }

    @Test func importOrderIsKeptAndEachModuleWalkedOnce() {
        let files = PackageFixture.files([
            ("package/package.json", #"{"name": "order"}"#),
            ("package/index.js", "import ./a\nimport ./b\nimport ./a\nb url"),
            ("package/a.js", "import ./b\nb read_file"),
            ("package/b.mjs", "b write_file"),
        ])
        let trace = PackageFixture.trace(PackageFixture.analyzer.analyse(files: files, ecosystem: .npm))
        #expect(
            trace == [
                "start:main",
                "runtime:write_file@package/b.mjs:1",
                "runtime:read_file@package/a.js:2",
                "runtime:url@package/index.js:4",
                "end:main",
            ])
    }

    @Test func longImportChainsAreWalkedWithoutRecursion() {
        let count = 5_000
        var pairs = [("package/package.json", #"{"name": "chain", "main": "m0.js"}"#)]
        for index in 0..<count {
            let next = index + 1 < count ? "import ./m\(index + 1)\n" : ""
            pairs.append(("package/m\(index).js", next + "b url"))
        }
        let analysis = PackageFixture.analyzer.analyse(files: PackageFixture.files(pairs), ecosystem: .npm)
        #expect(analysis.sequence.behaviours.count == count)
        #expect(analysis.sequence.behaviours.first?.path == "package/m\(count - 1).js")
        #expect(analysis.sequence.behaviours.last?.path == "package/m0.js")
    }

    @Test func exportsAreMainEntriesInDocumentOrder() {
        let files = PackageFixture.files([
            (
                "package/package.json",
                """
                {"name": "dual", "exports": {".": {"require": "./cjs/index.js", "import": "./esm/index.mjs"}}}
                """
            ),
            ("package/esm/index.mjs", "b url"),
            ("package/cjs/index.js", "b read_file"),
        ])
        let analysis = PackageFixture.analyzer.analyse(files: files, ecosystem: .npm)
        #expect(analysis.entryNames == ["main: package/cjs/index.js", "main: package/esm/index.mjs"])
    }

    @Test func entryTokensAreBalanced() {
        let files = PackageFixture.files([
            ("package/package.json", Self.manifest),
            ("package/lib/index.js", "b url"),
            ("package/scripts/post.js", "b url"),
        ])
        let tokens = PackageFixture.analyzer.analyse(files: files, ecosystem: .npm).sequence.tokens
        var open: EntryKind?
        for token in tokens {
            switch token {
            case .entryStart(let kind):
                #expect(open == nil)
                open = kind
            case .entryEnd(let kind):
                #expect(open == kind)
                open = nil
            case .behaviour: #expect(open != nil)
            }
        }
        #expect(open == nil)
    }
}
