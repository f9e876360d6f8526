import Foundation
import LockgateCore
import Testing

@testable import Analysis

/// JavaScript calls into the package's other modules: the sequence builder descends into the exported function
/// where the call is made, and functions nothing calls wait for the end of the entry.
@Suite struct ModuleCallSequenceTests {
    @Test func javascriptCallsIntoPackageModulesRunAtLoad() {
        let trace = PackageFixture.trace(
            [
                ("package/package.json", #"{"name": "api", "main": "index.js"}"#),
                (
                    "package/index.js",
                    """
                    import ./lib/core
                    import ./lib/run.js
                    callimported ./lib/core#start
                    callimported ./lib/run.js#
                    callimported ./lib/core#Engine.constructor
                    callimported ./lib/core#start
                    callimported ./lib/missing#go
                    callimported lodash#map
                    b url
                    """
                ),
                (
                    "package/lib/core.js",
                    """
                    b import_os_module
                    def exports.start
                      b recon_host
                    end
                    def Engine.constructor
                      b spawn_process
                    end
                    def unused
                      b eval_code
                    end
                    """
                ),
                (
                    "package/lib/run.js",
                    "def module.exports\n  b use_network\n  call helper\nend\ndef helper\n  b read_file\nend"
                ),
            ], ecosystem: .npm)
        #expect(
            trace == [
                "start:main",
                "runtime:import_os_module@package/lib/core.js:1",
                "runtime:recon_host@package/lib/core.js:3",
                "runtime:use_network@package/lib/run.js:2",
                "runtime:read_file@package/lib/run.js:6",
                "runtime:spawn_process@package/lib/core.js:6",
                "runtime:url@package/index.js:9",
                "deferred:eval_code@package/lib/core.js:9",
                "end:main",
            ])
    }

    @Test func exportedNamesAndDefaultExportsAreFound() {
        // `#` alone is the module itself: `module.exports`, else `exports.default`; `#default` the other way
        // round; a member is `exports.member`, else a function of that name.
        let trace = PackageFixture.trace(
            [
                ("package/package.json", #"{"name": "api", "main": "index.js"}"#),
                (
                    "package/index.js",
                    "import ./a\nimport ./b\ncallimported ./a#\ncallimported ./b#default\ncallimported ./b#steal"
                ),
                ("package/a.js", "def exports.default\n  b read_env_all\nend"),
                ("package/b.js", "def module.exports\n  b write_file\nend\ndef steal\n  b read_browser_store\nend"),
            ], ecosystem: .npm)
        #expect(
            trace == [
                "start:main",
                "runtime:read_env_all@package/a.js:2",
                "runtime:write_file@package/b.js:2",
                "runtime:read_browser_store@package/b.js:5",
                "end:main",
            ])
    }

    @Test func aCallFromDeferredCodeReachesDeferredCode() {
        // The require and the call sit in a function nothing called: the module and the callee are deferred too.
        let trace = PackageFixture.trace(
            [
                ("package/package.json", #"{"name": "api", "main": "index.js"}"#),
                ("package/index.js", "b url\ndef later\n  import ./c\n  callimported ./c#go\nend"),
                ("package/c.js", "def exports.go\n  b spawn_process\nend"),
            ], ecosystem: .npm)
        #expect(
            trace == [
                "start:main",
                "runtime:url@package/index.js:1",
                "deferred:spawn_process@package/c.js:2",
                "end:main",
            ])
    }
}
