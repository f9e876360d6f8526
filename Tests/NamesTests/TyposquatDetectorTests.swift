import LockgateCore
import Testing

@testable import Names

@Suite struct TyposquatDetectorTests {
    /// A small list, so each case shows one transform against a known name (all within the top-500 rank limit).
    static let detector = TyposquatDetector(
        popular: PopularNames(
            npm: [
                "lodash", "cross-env", "mongoose", "electron", "babel-cli", "@types/node", "express",
                "conventional-changelog", "react", "@babel/core",
            ],
            pypi: ["requests", "python-dateutil", "urllib3", "jellyfish", "colorama"]))

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var ecosystem: Ecosystem
        var popular: String
        var kind: TyposquatKind
        var testDescription: String { "\(name) → \(popular)" }
    }

    static let cases: [Case] = [
        Case(name: "loadsh", ecosystem: .npm, popular: "lodash", kind: .transposition),
        Case(name: "lodassh", ecosystem: .npm, popular: "lodash", kind: .doubledLetter),
        Case(name: "mongose", ecosystem: .npm, popular: "mongoose", kind: .droppedLetter),
        Case(name: "crossenv", ecosystem: .npm, popular: "cross-env", kind: .separatorSwap),
        Case(name: "cross_env", ecosystem: .npm, popular: "cross-env", kind: .separatorSwap),
        Case(name: "babel.cli", ecosystem: .npm, popular: "babel-cli", kind: .separatorSwap),
        Case(name: "1odash", ecosystem: .npm, popular: "lodash", kind: .homoglyph),
        Case(name: "l0dash", ecosystem: .npm, popular: "lodash", kind: .homoglyph),
        Case(name: "rnongoose", ecosystem: .npm, popular: "mongoose", kind: .homoglyph),
        Case(name: "Lodash", ecosystem: .npm, popular: "lodash", kind: .caseChange),
        Case(name: "lodash-js", ecosystem: .npm, popular: "lodash", kind: .affix("-js")),
        Case(name: "lodash.js", ecosystem: .npm, popular: "lodash", kind: .affix(".js")),
        Case(name: "node-express", ecosystem: .npm, popular: "express", kind: .affix("node-")),
        Case(name: "@typse/node", ecosystem: .npm, popular: "@types/node", kind: .scopeConfusion),
        Case(name: "@type/node", ecosystem: .npm, popular: "@types/node", kind: .scopeConfusion),
        Case(name: "electrom", ecosystem: .npm, popular: "electron", kind: .editDistance(1)),
        Case(name: "convenshional-changelog", ecosystem: .npm, popular: "conventional-changelog",
             kind: .editDistance(2)),
        Case(name: "python-requests", ecosystem: .pypi, popular: "requests", kind: .affix("python-")),
        Case(name: "pyrequests", ecosystem: .pypi, popular: "requests", kind: .affix("py")),
        Case(name: "requests-py", ecosystem: .pypi, popular: "requests", kind: .affix("-py")),
        Case(name: "dateutil", ecosystem: .pypi, popular: "python-dateutil", kind: .affix("python-")),
        Case(name: "pythondateutil", ecosystem: .pypi, popular: "python-dateutil", kind: .separatorSwap),
        Case(name: "jeIlyfish", ecosystem: .pypi, popular: "jellyfish", kind: .homoglyph),
        Case(name: "jeilyfish", ecosystem: .pypi, popular: "jellyfish", kind: .homoglyph),
        Case(name: "urlib3", ecosystem: .pypi, popular: "urllib3", kind: .droppedLetter),
        Case(name: "request", ecosystem: .pypi, popular: "requests", kind: .droppedLetter),
    ]

    @Test(arguments: cases)
    func eachTransformIsFound(_ item: Case) throws {
        let match = try #require(Self.detector.match(item.name, ecosystem: item.ecosystem))
        #expect(match.popular == item.popular)
        #expect(match.kind == item.kind)
        #expect(match.description.hasPrefix("'\(item.name)' "))
        #expect(match.description.contains("'\(item.popular)'"))
    }

    @Test func descriptionReadsAsASentence() throws {
        let match = try #require(Self.detector.match("loadsh", ecosystem: .npm))
        #expect(match.description == "'loadsh' is one transposition from the popular package 'lodash'")
        let affix = try #require(Self.detector.match("dateutil", ecosystem: .pypi))
        #expect(
            affix.description == "'dateutil' differs from the popular package 'python-dateutil' by the affix 'python-'")
    }

    @Test func everyBundledPopularNameIsClean() throws {
        let popular = try PopularNames.bundled()
        let detector = TyposquatDetector(popular: popular)
        for ecosystem in Ecosystem.allCases {
            let flagged = popular.names(ecosystem).filter { detector.match($0, ecosystem: ecosystem) != nil }
            #expect(flagged.isEmpty, "popular \(ecosystem) names flagged: \(flagged.prefix(10))")
        }
    }

    @Test(arguments: ["Python_Dateutil", "python.dateutil", "PYTHON-DATEUTIL", "python__dateutil", "URLLib3"])
    func pep503SpellingsOfAPopularProjectAreTheSameProject(spelling: String) {
        #expect(Self.detector.match(spelling, ecosystem: .pypi) == nil)
    }

    @Test func npmSeparatorsStillCountOnNpm() {
        // On npm `cross_env` is a different package from `cross-env`; on PyPI it would be the same project.
        #expect(Self.detector.match("cross_env", ecosystem: .npm)?.kind == .separatorSwap)
        #expect(Self.detector.match("cross_env", ecosystem: .pypi) == nil)
    }

    @Test(arguments: ["reac", "raect", "recat", "reactt", "lodah", "expres", "exprss", "lodas", "ab", "", "   "])
    func shortNamesAndNoiseOnlyMatchByStrongEdits(name: String) {
        // Five letters are enough for a transposition, a doubled letter or a letter dropped inside the word; a
        // letter dropped at the end needs six (`expres` counts, `reac` and `lodas` do not).
        let match = Self.detector.match(name, ecosystem: .npm)
        switch name {
        case "raect", "recat": #expect(match?.kind == .transposition)
        case "reactt": #expect(match?.kind == .doubledLetter)
        case "lodah", "exprss", "expres": #expect(match?.kind == .droppedLetter)
        default: #expect(match == nil, "\(name) flagged as \(String(describing: match))")
        }
    }

    @Test func shortNamesAgainstTheBundledList() throws {
        let detector = TyposquatDetector(popular: try PopularNames.bundled())
        for name in ["chal", "axio", "vuee", "rect", "pgg", "wss", "mss", "tap2", "vue3", "zod2"] {
            #expect(detector.match(name, ecosystem: .npm) == nil, "\(name)")
        }
    }

    @Test func namesUnderAPopularScopeAreNeverTyposquats() {
        // Only a scope's owner publishes in it.
        #expect(Self.detector.match("@types/nodee", ecosystem: .npm) == nil)
        #expect(Self.detector.match("@babel/cor", ecosystem: .npm) == nil)
    }

    @Test func sameBareNameUnderAnUnrelatedScopeIsNotATyposquat() {
        #expect(Self.detector.match("@acme/node", ecosystem: .npm) == nil)
        #expect(Self.detector.match("@myorg/core", ecosystem: .npm) == nil)
        #expect(Self.detector.match("types-node", ecosystem: .npm) == nil)
        #expect(Self.detector.match("node", ecosystem: .npm) == nil)
    }

    @Test func weakEditsOnlyCountAgainstTheMostPopularNames() {
        var names = (0..<600).map { "filler-package-\($0)" }
        names.append("electron")
        let detector = TyposquatDetector(popular: PopularNames(npm: names, pypi: []))
        // A neighbouring-key slip against a name ranked 601st is noise; a transposition still counts.
        #expect(detector.match("electrom", ecosystem: .npm) == nil)
        #expect(detector.match("electorn", ecosystem: .npm)?.kind == .transposition)
    }

    @Test func sharedDetectorIsSafeAcrossTasks() async throws {
        let detector = TyposquatDetector(popular: try PopularNames.bundled())
        let results = await withTaskGroup(of: String?.self) { group in
            for _ in 0..<8 { group.addTask { detector.match("loadsh", ecosystem: .npm)?.popular } }
            return await group.reduce(into: [String?]()) { $0.append($1) }
        }
        #expect(results == Array(repeating: "lodash", count: 8))
    }
}
