import Analysis
import Foundation
import LockgateCore
import Testing

/// Bad input never crashes or hangs, and what can be read still is.
@Suite struct PythonRobustnessTests {
    static func analyse(_ data: Data, path: String = "pkg/x.py") -> FileAnalysis {
        PythonAnalyzer().analyse(SourceFile(path: path, data: data, context: .runtime))
    }

    @Test func emptyAndWhitespaceFiles() {
        for source in ["", "\n", "   ", "\t\n\t\n", "\\", "#", "'", "f'", "f'{", "(", ")", "@", "\u{FEFF}"] {
            let analysis = Self.analyse(Data(source.utf8))
            #expect(analysis.allBehaviours.isEmpty, "\(source.debugDescription)")
        }
    }

    @Test func binaryGarbage() {
        var generator = SplitMix(seed: 7)
        for length in [1, 17, 4_096, 200_000] {
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            _ = Self.analyse(Data(bytes))
            _ = PythonLexer.tokenize(Data(bytes))
        }
        let mixed = Data([0x00, 0xFF, 0xFE]) + Data("import os\nos.system('id')\n".utf8) + Data([0x80, 0xC3])
        #expect(PythonTestSupport.kinds(Self.analyse(mixed)).contains(.spawnProcess))
    }

    @Test func oneMegabyteSingleLine() {
        var line = "import os;"
        while line.utf8.count < 1_000_000 { line += "a=b+c*d-(e/f)[1:2]+'s'+g(h,i=j);" }
        line += "os.system('id')"
        let analysis = Self.analyse(Data(line.utf8))
        #expect(PythonTestSupport.kinds(analysis).contains(.spawnProcess))
        let string = "x = '" + String(repeating: "ab", count: 500_000) + "'; eval(y)"
        #expect(PythonTestSupport.kinds(Self.analyse(Data(string.utf8))).contains(.evalCode))
        let concatenation = "x = " + Array(repeating: "'abc'", count: 100_000).joined(separator: "+") + "\n"
        #expect(PythonTestSupport.kinds(Self.analyse(Data(concatenation.utf8))).contains(.longString))
    }

    @Test func unbalancedBrackets() {
        for source in [
            "x = (((\nimport os\nos.system('id')\n", "x = )))]]]\nimport os\nos.system('id')\n",
            "f(a, [b, {c: )\nimport os\nos.system('id')\n", "x = {'a': [1, 2}\nimport os\nos.system('id')\n",
        ] {
            let analysis = Self.analyse(Data(source.utf8))
            #expect(PythonTestSupport.kinds(analysis).contains(.spawnProcess), "\(source.debugDescription)")
        }
    }

    @Test func deepNesting() {
        let depth = 100_000
        let parentheses = String(repeating: "(", count: depth) + "eval(x)" + String(repeating: ")", count: depth)
        #expect(PythonTestSupport.kinds(Self.analyse(Data(parentheses.utf8))).contains(.evalCode))
        let unclosed = "import os\nx = " + String(repeating: "[", count: depth) + "os.system('id')"
        #expect(PythonTestSupport.kinds(Self.analyse(Data(unclosed.utf8))).contains(.spawnProcess))
        let unary = "x = " + String(repeating: "-", count: depth) + "1\neval(y)\n"
        #expect(PythonTestSupport.kinds(Self.analyse(Data(unary.utf8))).contains(.evalCode))
        let ternary = "x = " + String(repeating: "a if b else ", count: 20_000) + "c\neval(y)\n"
        #expect(PythonTestSupport.kinds(Self.analyse(Data(ternary.utf8))).contains(.evalCode))
        let lambdas = "f = " + String(repeating: "lambda: ", count: 20_000) + "eval(y)\n"
        #expect(PythonTestSupport.kinds(Self.analyse(Data(lambdas.utf8))).contains(.evalCode))
        let fstrings = String(repeating: "f'{", count: 5_000) + "eval(y)" + String(repeating: "}'", count: 5_000)
        _ = Self.analyse(Data(fstrings.utf8))
        let indents = (0..<5_000).map { String(repeating: " ", count: $0) + "if x:\n" }.joined() + "eval(y)\n"
        #expect(PythonTestSupport.kinds(Self.analyse(Data(indents.utf8))).contains(.evalCode))
        let calls = "x = " + String(repeating: "f(", count: depth)
        _ = Self.analyse(Data(calls.utf8))
    }

    @Test func manyStatementsAndDefinitions() {
        var source = "import os\n"
        for index in 0..<5_000 { source += "def f\(index)(a, b=1):\n    return a + b\nclass C\(index):\n    x = 1\n" }
        source += "os.system('id')\n"
        let analysis = Self.analyse(Data(source.utf8))
        #expect(analysis.functions.count == 5_000)
        #expect(PythonTestSupport.kinds(analysis).contains(.spawnProcess))
    }
}
