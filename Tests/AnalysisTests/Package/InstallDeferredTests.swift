import LockgateCore
import Testing

@testable import Analysis

/// Behaviour-17: in an install entry, a function nothing calls is install code only in the files the entry runs
/// itself (setup.py, the script a lifecycle hook names); in a module they import it waits for a caller, `deferred`.
@Suite struct InstallDeferredTests {
    @Test func setupPyImportingItsPackageForTheVersionRunsNoneOfItsFunctions() {
        let trace = PackageFixture.trace(
            [
                ("demo-1.0/PKG-INFO", "Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n"),
                (
                    "demo-1.0/setup.py",
                    "import demo\nb read_file\ndef helper\n  b write_file\nend\nsetup(name='demo')"
                ),
                ("demo-1.0/demo/__init__.py", "b import_network_module\ndef fetch\n  b use_network\nend"),
            ], ecosystem: .pypi)
        #expect(
            trace == [
                "start:install",
                "install:install_hook@demo-1.0/setup.py:6",
                "install:import_network_module@demo-1.0/demo/__init__.py:1",
                "install:read_file@demo-1.0/setup.py:2",
                "deferred:use_network@demo-1.0/demo/__init__.py:3",
                "install:write_file@demo-1.0/setup.py:4",
                "end:install",
                // The package ran at install; importing it again runs nothing new.
                "start:main",
                "end:main",
            ])
    }

    @Test func anInstallScriptsOwnFunctionsStayInstallCodeAndItsModulesWait() {
        let trace = PackageFixture.trace(
            [
                (
                    "package/package.json",
                    #"{"name": "demo", "main": "index.js", "scripts": {"postinstall": "node setup.js"}}"#
                ),
                ("package/setup.js", "import ./lib\ndef run\n  b read_env_all\nend"),
                ("package/lib.js", "b import_os_module\ndef exports.grab\n  b read_browser_store\nend"),
                ("package/index.js", "b url"),
            ], ecosystem: .npm)
        #expect(trace.contains("install:read_env_all@package/setup.js:3"))
        #expect(trace.contains("install:import_os_module@package/lib.js:1"))
        #expect(trace.contains("deferred:read_browser_store@package/lib.js:3"))
        #expect(!trace.contains("install:read_browser_store@package/lib.js:3"))
    }
}
