import LockgateCore
import Testing

@testable import Analysis

/// Calls into the package's other modules and what a module exports: the events the sequence builder follows
/// across files.
@Suite struct JavaScriptModuleCallTests {
    typealias Support = JavaScriptTestSupport

    private func summary(_ events: [CodeEvent]) -> [String] { Support.summary(events, imports: false) }

    @Test func callsOfPackageModulesNameTheModuleAndTheMember() {
        let analysis = Support.analyse(
            """
            const core = require('./lib/core');
            const { steal, send: post } = require('../steal');
            const run = require('./run.js');
            core.start(1);
            steal();
            post('x');
            run();
            new core.Engine();
            setTimeout(post, 10);
            """)
        #expect(
            summary(analysis.topLevel) == [
                "call-imported:./lib/core#start", "call-imported:../steal#steal", "call-imported:../steal#send",
                "call-imported:./run.js#", "call-imported:./lib/core#Engine.constructor", "call-imported:../steal#send",
            ])
    }

    @Test func compiledModulesAndESImportsAreFollowedToo() {
        // TypeScript's and Babel's output: the interop wrappers give the module back, `(0, m.f)()` calls `m.f`.
        let analysis = Support.analyse(
            """
            var __importDefault = (this && this.__importDefault) || function (mod) { return mod; };
            const collect_1 = __importDefault(require("./collect"));
            var _send = _interopRequireDefault(require("./send"));
            const send_1 = require("./send");
            (0, collect_1.default)();
            _send.default();
            (0, send_1.send)('x');
            import start, { steal as grab } from './esm.js';
            import * as ns from './ns.js';
            start();
            grab();
            ns.go();
            """)
        #expect(
            summary(analysis.topLevel) == [
                "call-imported:./collect#default", "call-imported:./send#default", "call-imported:./send#send",
                "call-imported:./esm.js#", "call-imported:./esm.js#steal", "call-imported:./ns.js#go",
            ])
    }

    @Test func aFunctionAssignedToModuleExportsRunsWhenCalledNotAtLoad() {
        let analysis = Support.analyse(
            """
            const https = require('https');
            module.exports = function (url) { https.get(url); };
            """)
        #expect(summary(analysis.topLevel) == ["import_network_module"])
        #expect(summary(analysis.functions["module.exports"] ?? []) == ["use_network"])
        // Called on the spot, it runs at load.
        let called = Support.analyse("module.exports = function () { eval(x); }();")
        #expect(summary(called.topLevel) == ["eval_code"])
        #expect(called.functions.isEmpty)
    }

    @Test func exportedNamesStandForTheFunctionsTheyName() {
        let analysis = Support.analyse(
            """
            const { relay } = require('./relay');
            function collect() { return process.env; }
            exports.default = collect;
            module.exports = { collect, later: start, relay, send: function (d) { fetch(d); }, n: 1, x: other.y };
            function start() { eval(a); }
            """)
        #expect(summary(analysis.functions["exports.default"] ?? []) == ["call:collect"])
        #expect(summary(analysis.functions["exports.collect"] ?? []) == ["call:collect"])
        #expect(summary(analysis.functions["exports.later"] ?? []) == ["call:start"])
        #expect(summary(analysis.functions["exports.relay"] ?? []) == ["call-imported:./relay#relay"])
        #expect(summary(analysis.functions["exports.send"] ?? []) == ["use_network"])
        #expect(analysis.functions["exports.n"] == nil)
        #expect(analysis.functions["exports.x"] == nil)
    }

    @Test func absoluteRequiresAndUnknownHelpersAreNotPackageModules() {
        // Their calls are local calls of names the file does not define, which the analysis drops.
        let analysis = Support.analyse(
            """
            const a = require('/etc/x');
            const b = wrap(require('./b'));
            const c = require('c/./d');
            a.f(); b.g(); c.h();
            function wrap(m) { return m; }
            """)
        #expect(summary(analysis.topLevel) == ["call:wrap"])
    }
}
