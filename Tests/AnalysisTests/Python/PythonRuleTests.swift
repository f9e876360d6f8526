import Analysis
import LockgateCore
import Testing

/// Rule tests on marked source: every behaviour is reported at each `↓`, and not when the same text is a comment,
/// an ordinary string literal or a docstring.
@Suite struct PythonRuleTests {
    @Test(arguments: PythonRuleExamples.triggering)
    func reportsAtEveryMarker(_ example: PythonExample) {
        let marked = PythonMarkedSource(example.source)
        let analysis = PythonTestSupport.analyse(marked.source, path: example.path)
        #expect(!marked.marks.isEmpty)
        for mark in marked.marks {
            #expect(
                PythonTestSupport.reports(analysis, example.kind, at: mark),
                "expected \(example.kind.rawValue) at \(mark); got \(PythonTestSupport.describe(analysis))")
        }
        let count = analysis.allBehaviours.filter { $0.kind == example.kind }.count
        #expect(count >= marked.marks.count)
    }

    @Test func loopbackOrComputedAddressesAreNotRawAddresses() {
        let analysis = PythonTestSupport.analyse(
            "import socket\ns = socket.socket()\ns.connect(('127.0.0.1', 80))\ns.connect((host, 80))\n"
                + "s.connect(('1.2.3', 80))\n")
        #expect(PythonTestSupport.kinds(analysis).contains(.useNetwork))
        #expect(!PythonTestSupport.kinds(analysis).contains(.urlRawIP), "\(PythonTestSupport.describe(analysis))")
    }

    @Test(arguments: PythonRuleExamples.triggering)
    func silentInComments(_ example: PythonExample) {
        let source = PythonMarkedSource(example.source).source
        let commented = source.split(separator: "\n", omittingEmptySubsequences: false).map { "# " + $0 }
            .joined(separator: "\n")
        let analysis = PythonTestSupport.analyse(commented)
        #expect(analysis.allBehaviours.isEmpty, "\(PythonTestSupport.describe(analysis))")
        #expect(analysis.topLevel.isEmpty)
    }

    @Test(arguments: PythonRuleExamples.triggering.filter { !PythonTestSupport.stringKinds.contains($0.kind) })
    func silentInStringLiterals(_ example: PythonExample) {
        let source = PythonMarkedSource(example.source).source
        guard !source.contains("'''") else { return }
        let analysis = PythonTestSupport.analyse("text = r'''" + source + "'''\n")
        #expect(!PythonTestSupport.kinds(analysis).contains(example.kind), "\(PythonTestSupport.describe(analysis))")
    }

    @Test(arguments: PythonRuleExamples.triggering)
    func silentInDocstrings(_ example: PythonExample) {
        let source = PythonMarkedSource(example.source).source
        guard !source.contains("\"\"\"") else { return }
        let module = PythonTestSupport.analyse("\"\"\"" + source + "\"\"\"\nimport json\n")
        #expect(module.allBehaviours.isEmpty, "\(PythonTestSupport.describe(module))")
        guard !source.contains("'''") else { return }
        let function = PythonTestSupport.analyse("def f():\n    r'''" + source + "\n    '''\n    return 1\n")
        #expect(function.allBehaviours.isEmpty, "\(PythonTestSupport.describe(function))")
    }

    @Test func everyApplicableKindHasAnExample() {
        let covered = Set(PythonRuleExamples.triggering.map(\.kind))
        let notPython: Set<BehaviourKind> = [.obfuscatedIdentifiers, .packedEval, .nativeBinary, .installHook]
        for kind in BehaviourKind.allCases where !notPython.contains(kind) {
            #expect(covered.contains(kind), "no Python example for \(kind.rawValue)")
        }
    }

    @Test func behavioursCarryEvidence() throws {
        let analysis = PythonTestSupport.analyse(
            "import os\n\nos.system('id')  # run\n", path: "pkg/x.py",
            context: .install)
        let spawn = try #require(analysis.allBehaviours.first { $0.kind == .spawnProcess })
        #expect(spawn.path == "pkg/x.py")
        #expect(spawn.line == 3 && spawn.column == 1)
        #expect(spawn.snippet == "os.system('id')  # run")
        #expect(spawn.language == .python)
        #expect(spawn.context == .install)
        #expect(analysis.language == .python)
    }

    @Test func decodedValuesShowDecodedSnippets() throws {
        let analysis = PythonTestSupport.analyse(
            "import base64\nu = base64.b64decode('aHR0cHM6Ly9wYXN0ZWJpbi5jb20vcmF3L3h5eg==').decode()\n")
        let pastes = analysis.allBehaviours.filter { $0.kind == .urlPaste }
        // At the decoding call, and at the literal (what an encoded literal says once decoded).
        #expect(pastes.map(\.column) == [22, 5])
        #expect(pastes.allSatisfy { $0.line == 2 && $0.snippet == "decoded: https://pastebin.com/raw/xyz" })
    }

    @Test func snippetsOfLongLinesAreShort() throws {
        let source = "x = [" + String(repeating: "1, ", count: 5_000) + "]; import os; os.system('id')\n"
        let analysis = PythonTestSupport.analyse(source)
        let spawn = try #require(analysis.allBehaviours.first { $0.kind == .spawnProcess })
        #expect(spawn.snippet.count <= 161)
        #expect(spawn.snippet.contains("os.system"))
    }
}
