import LockgateCore
import Testing

@testable import Analysis

/// Functions, local calls, imports and statement order.
@Suite struct JavaScriptStructureTests {
    typealias Support = JavaScriptTestSupport

    private func summary(_ events: [CodeEvent]) -> [String] { Support.summary(events) }

    @Test func functionsKeepTheirEventsAndCallsAreOrdered() {
        let analysis = Support.analyse(
            """
            const os = require('os');
            function collect() { return os.hostname(); }
            const send = (data) => { fetch('https://example.com', { body: data }); };
            const helper = function () { eval('1'); };
            class Worker {
              run() { this.step(); }
              step() { require('./lib/step'); }
            }
            send(collect());
            new Worker().run();
            """)
        #expect(
            summary(analysis.topLevel) == [
                "import_os_module", "import:os@1", "call:send", "call:collect", "call:Worker.run",
            ])
        #expect(summary(analysis.functions["collect"] ?? []) == ["recon_host"])
        #expect(summary(analysis.functions["send"] ?? []) == ["use_network", "url"])
        #expect(summary(analysis.functions["helper"] ?? []) == ["eval_code"])
        #expect(summary(analysis.functions["Worker.run"] ?? []) == ["call:Worker.step"])
        #expect(summary(analysis.functions["Worker.step"] ?? []) == ["import:./lib/step@7"])
    }

    @Test func hoistedCallsAndMemberFunctions() {
        let analysis = Support.analyse(
            """
            main();
            exports.install = function () { require('child_process').exec('make'); };
            function main() { exports.install(); }
            process.on('exit', main);
            """)
        #expect(summary(analysis.topLevel) == ["call:main", "call:main"])
        #expect(summary(analysis.functions["main"] ?? []) == ["call:exports.install"])
        #expect(
            summary(analysis.functions["exports.install"] ?? []) == [
                "import_process_module", "import:child_process@2", "spawn_process",
            ])
    }

    @Test func relativeImportsAreImportsOnly() {
        let analysis = Support.analyse(
            "import './setup';\nimport x from './x.js';\nconst y = require('../y');\nexport * from './z';")
        #expect(summary(analysis.topLevel) == ["import:./setup@1", "import:./x.js@2", "import:../y@3", "import:./z@4"])
    }

    @Test func anonymousCallbacksStayInline() {
        let analysis = Support.analyse(
            """
            const fs = require('fs');
            [1].forEach(function () { fs.readFileSync('a'); });
            (() => { fs.writeFileSync('b', ''); })();
            """)
        #expect(
            summary(analysis.topLevel) == [
                "import_fs_module", "import:fs@1", "read_file", "write_file",
            ])
        #expect(analysis.functions.isEmpty)
    }

    @Test func expressionBodiedArrowsEndAtTheirExpression() {
        let analysis = Support.analyse("const f = (x) => eval(x)\nconst os = require('os')\nf(1)")
        #expect(summary(analysis.functions["f"] ?? []) == ["eval_code"])
        #expect(summary(analysis.topLevel) == ["import_os_module", "import:os@2", "call:f"])
    }

    @Test func deeplyNestedInputIsBounded() {
        let nested = String(repeating: "(", count: 100_000) + "x" + String(repeating: ")", count: 100_000)
        let braces = String(repeating: "{", count: 100_000) + "eval(x)"
        let calls = String(repeating: "atob(", count: 20_000) + "'eA=='" + String(repeating: ")", count: 20_000)
        #expect(Support.analyse(nested).allBehaviours.isEmpty)
        #expect(Support.kinds(in: braces) == [.evalCode])
        #expect(Support.kinds(in: calls).contains(.useEncoding))
    }
}
