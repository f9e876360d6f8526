import Foundation
import LockgateCore
import Testing

@testable import Analysis

/// Rule tests on marked source: every example reports its kind exactly at its markers, and the same text in a
/// comment or a string literal reports no code behaviour.
@Suite struct JavaScriptBehaviourTests {
    typealias Support = JavaScriptTestSupport

    @Test(arguments: JavaScriptBehaviourExamples.triggering)
    func triggers(_ example: JavaScriptExample) {
        let (source, marks) = Support.unmark(example.source)
        let analysis = Support.analyse(source)
        #expect(Support.positions(of: example.kind, in: analysis) == marks, "\(analysis.allBehaviours.map(\.kind))")
    }

    @Test(arguments: JavaScriptBehaviourExamples.triggering)
    func nothingInsideBlockOrLineComments(_ example: JavaScriptExample) {
        let (source, _) = Support.unmark(example.source)
        let block = "/* " + source.replacingOccurrences(of: "*/", with: "* /") + " */"
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map { "// " + $0 }.joined(
            separator: "\n")
        #expect(Support.analyse(block).allBehaviours.isEmpty)
        #expect(Support.analyse(lines).allBehaviours.isEmpty)
    }

    @Test(arguments: JavaScriptBehaviourExamples.triggering)
    func noCodeBehaviourInsideAStringLiteral(_ example: JavaScriptExample) {
        let (source, _) = Support.unmark(example.source)
        let escaped = source.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
        let wrapped = "const text = \"" + escaped + "\";"
        let kinds = Support.kinds(in: wrapped)
        #expect(kinds.isDisjoint(with: Support.codeKinds), "\(kinds)")
    }

    static let nonTriggering: [(BehaviourKind, String)] = [
        (.spawnProcess, "const exec = (x) => x;\nexec('ls');"),
        (.spawnProcess, "const cp = { exec() {} };\ncp.exec('id');"),
        (.importProcessModule, "function f(require) { return require('child_process'); }"),
        (.evalCode, "obj.eval(code);"),
        (.evalCode, "const x = a / b / c;\nconst re = /eval\\(x\\)/g;"),
        (.evalCode, "const g = new Function('return this')();"),
        (.evalCode, "setTimeout(() => run(), 10);"),
        (.evalCode, "setTimeout(\n  () => {\n    reject(new Error(msg + ' - timed out after ' + ms + 'ms'))\n  },\n  ms\n);"),
        (.evalCode, "setTimeout(function () { done(name + ' timed out'); }, 10);"),
        (.evalCode, "setImmediate(async () => emit('error', new Error('rejected ' + name)));"),
        (.evalCode, "setInterval(x => tick(x + 'ms'), 100);"),
        (.evalCode, "const has = Function.call.bind(Object.prototype.hasOwnProperty);"),
        (.evalCode, "var Ctor = Function.bind.apply(Parent, args);"),
        (.evalCode, "var global = (0, eval)('this');"),
        (.readEnvironmentAll, "const off = 'NO_UPDATE_NOTIFIER' in process.env;"),
        (.readEnvironmentAll, "if (key in process.env) { use(key); }"),
        (.hiddenProcess, "const cp = require('child_process');\ncp.spawn('x', [], { windowsHide: true });"),
        (.useEncoding, "const b = Buffer.from('abc');"),
        (.readEnvironmentVariable, "const { env } = options;\nenv.HOME;"),
        (.readEnvironmentAll, "spawn('x', [], { env: process.env });"),
        (.dnsExfiltration, "const dns = require('dns');\ndns.lookup('example.com', cb);"),
        (.dnsExfiltration, "const dns = require('dns');\ndns.resolve(prefix + '.' + host, 'SRV', cb);"),
        (.dnsExfiltration, "const dns = require('dns');\ndns.resolveSrv(`_mongodb._tcp.${address}`, cb);"),
        (.hiddenProcess, "const cp = require('child_process');\ncp.spawn('x', [], { detached: false });"),
        (
            .writeExecute,
            "const fs = require('fs');\nconst cp = require('child_process');\nfs.writeFileSync('a', b);\ncp.exec('ls');"
        ),
        (.downloadExecute, "const https = require('https');\nhttps.get(u, (res) => { eval('1'); });"),
        (.useNetwork, "const http = require('http');\nhttp.createServer(() => {});"),
        (.reconHost, "process.platform === 'win32';"),
        (.obfuscatedIdentifiers, "var a=function(b,c){return b+c},d=a(1,2),e=[d].map(function(f){return f*2});"),
        (.packedEval, "eval(function(a,b){return a}(1,2));"),
        (.url, "// see https://example.com\nconst x = 1;"),
        (.shellCommand, "const s = 'run the tests with npm';"),
        (.urlRawIP, "const net = require('net');\nnet.connect(8080, '127.0.0.1');\nnet.connect(1, '1.2.3');"),
        (.importProcessModule, "var require = loader.require || fallback;\nrequire('child_process');"),
    ]

    @Test(arguments: nonTriggering)
    func doesNotTrigger(_ kind: BehaviourKind, _ source: String) {
        let analysis = Support.analyse(source)
        #expect(Support.positions(of: kind, in: analysis).isEmpty, "\(analysis.allBehaviours)")
    }

    @Test func evidenceCarriesPathContextAndSnippet() throws {
        let source = "const cp = require('child_process');\n  cp.exec('id');  \n"
        let analysis = JavaScriptAnalyzer().analyse(
            SourceFile(path: "package/install.js", data: Data(source.utf8), context: .install))
        let spawn = try #require(analysis.allBehaviours.first { $0.kind == .spawnProcess })
        #expect(spawn.path == "package/install.js")
        #expect(spawn.context == .install)
        #expect(spawn.language == .javascript)
        #expect(spawn.snippet == "cp.exec('id');")
        #expect((spawn.line, spawn.column) == (2, 6))
    }

    @Test func decodedValuesShowDecodedInTheSnippet() throws {
        let analysis = Support.analyse("const u = atob('aHR0cHM6Ly9kaXNjb3JkLmNvbS9hcGkvd2ViaG9va3MvMS9h');")
        let webhook = try #require(analysis.allBehaviours.first { $0.kind == .urlWebhook })
        #expect(webhook.snippet == "decoded: https://discord.com/api/webhooks/1/a")
    }
}
