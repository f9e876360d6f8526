import LockgateCore
import Names
import Testing

/// Recall on real typosquat names seen on npm and PyPI, and silence on real, distinct packages that happen to be close
/// to popular ones — both against the bundled lists.
@Suite struct TyposquatRecallTests {
    static let detector: TyposquatDetector = {
        let popular = (try? PopularNames.bundled()) ?? PopularNames(npm: [], pypi: [])
        return TyposquatDetector(popular: popular)
    }()

    struct Known: CustomTestStringConvertible, Sendable {
        var name: String
        var ecosystem: Ecosystem
        var popular: String
        var testDescription: String { "\(ecosystem):\(name)" }
    }

    /// Real typosquats: most come from the 2017 npm campaign (`crossenv`, `cross-env.js`, `jquery.js`, `mongose`,
    /// `nodemailer-js`, ... stole environment variables) and the 2017-2023 PyPI reports (`urlib3`, `colourama`,
    /// `jeIlyfish`, `python-sqlalchemy`, `setup-tools`, `reqeusts`).
    static let known: [Known] = [
        Known(name: "crossenv", ecosystem: .npm, popular: "cross-env"),
        Known(name: "cross-env.js", ecosystem: .npm, popular: "cross-env"),
        Known(name: "loadsh", ecosystem: .npm, popular: "lodash"),
        Known(name: "lodahs", ecosystem: .npm, popular: "lodash"),
        Known(name: "lodashs", ecosystem: .npm, popular: "lodash"),
        Known(name: "mongose", ecosystem: .npm, popular: "mongoose"),
        Known(name: "jquerry", ecosystem: .npm, popular: "jquery"),
        Known(name: "jquery.js", ecosystem: .npm, popular: "jquery"),
        Known(name: "nodemailer.js", ecosystem: .npm, popular: "nodemailer"),
        Known(name: "nodemailer-js", ecosystem: .npm, popular: "nodemailer"),
        Known(name: "reqeusts", ecosystem: .pypi, popular: "requests"),
        Known(name: "request", ecosystem: .pypi, popular: "requests"),
        Known(name: "requestes", ecosystem: .pypi, popular: "requests"),
        Known(name: "urlib3", ecosystem: .pypi, popular: "urllib3"),
        Known(name: "dateutil", ecosystem: .pypi, popular: "python-dateutil"),
        Known(name: "jeIlyfish", ecosystem: .pypi, popular: "jellyfish"),
        Known(name: "colourama", ecosystem: .pypi, popular: "colorama"),
        Known(name: "python-sqlalchemy", ecosystem: .pypi, popular: "sqlalchemy"),
        Known(name: "setup-tools", ecosystem: .pypi, popular: "setuptools"),
        Known(name: "python-urllib3", ecosystem: .pypi, popular: "urllib3"),
        Known(name: "reqests", ecosystem: .pypi, popular: "requests"),
    ]

    @Test(arguments: known)
    func knownTyposquatIsFound(_ item: Known) throws {
        let match = Self.detector.match(item.name, ecosystem: item.ecosystem)
        #expect(match?.popular == item.popular)
    }

    @Test func targetsMissingFromTheBundledListAreFoundWhenListed() throws {
        // `electron` and `babel-cli` are not in the 2026 top 5,000; a project list that has them catches these.
        let detector = TyposquatDetector(popular: PopularNames(npm: ["electron", "babel-cli"], pypi: []))
        #expect(try #require(detector.match("electorn", ecosystem: .npm)).kind == .transposition)
        #expect(try #require(detector.match("babelcli", ecosystem: .npm)).kind == .separatorSwap)
    }

    static let distinct: [(String, Ecosystem)] = [
        ("react-dom", .npm), ("preact", .npm), ("pg", .npm), ("ws", .npm), ("nano", .npm), ("chalk", .npm),
        ("chai", .npm), ("request", .npm), ("semiver", .npm), ("delegate", .npm), ("cli-spinner", .npm),
        ("clipboard", .npm), ("css-parse", .npm), ("lodash.set", .npm), ("flatten", .npm), ("nprogress", .npm),
        ("tslint-config-prettier", .npm), ("buffer-equals", .npm), ("esbuild-linux-arm64", .npm),
        ("rollup-plugin-babel", .npm), ("firebase-functions", .npm), ("@jspm/core", .npm), ("postcss-less", .npm),
        ("vue2", .npm), ("@babel/core-7.12", .npm), ("parseuri", .npm),
        ("six", .pypi), ("attrs", .pypi), ("attr", .pypi), ("pyyaml", .pypi), ("jwt", .pypi),
        ("pyjwt", .pypi), ("numpy", .pypi), ("flask", .pypi),
    ]

    @Test(arguments: distinct)
    func realDistinctPackageIsNotFlagged(_ name: String, _ ecosystem: Ecosystem) {
        let match = Self.detector.match(name, ecosystem: ecosystem)
        #expect(match == nil, "\(name): \(match?.description ?? "")")
    }
}
