import LockgateCore
import Names
import Testing

@Suite struct PopularNamesTests {
    @Test func bundledListsLoadInRankOrder() throws {
        let popular = try PopularNames.bundled()
        #expect(popular.names(.npm).count == 5000)
        #expect(popular.names(.pypi).count == 5000)
        #expect(popular.names(.npm).first == "semver")
        #expect(popular.names(.pypi).first == "boto3")
        #expect(popular.contains("lodash", ecosystem: .npm))
        #expect(popular.contains("requests", ecosystem: .pypi))
        #expect(!popular.contains("requests", ecosystem: .npm))
    }

    @Test func bundledPyPINamesAreNormalised() throws {
        let names = try PopularNames.bundled().names(.pypi)
        #expect(names.allSatisfy { PackageName.pep503($0) == $0 })
        #expect(Set(names).count == names.count)
    }

    @Test(arguments: ["python-dateutil", "Python_Dateutil", "python.dateutil", "PYTHON--DATEUTIL"])
    func pypiLookupIsPEP503(spelling: String) throws {
        #expect(try PopularNames.bundled().contains(spelling, ecosystem: .pypi))
    }

    @Test func npmLookupIsCaseSensitive() throws {
        let popular = try PopularNames.bundled()
        #expect(popular.contains("JSONStream", ecosystem: .npm))
        #expect(!popular.contains("jsonstream", ecosystem: .npm))
    }

    @Test func initNormalisesAndDeduplicates() {
        let popular = PopularNames(npm: ["a-b", "", "a-b", "c"], pypi: ["Foo_Bar", "foo-bar", "Baz.Qux"])
        #expect(popular.names(.npm) == ["a-b", "c"])
        #expect(popular.names(.pypi) == ["foo-bar", "baz-qux"])
        #expect(popular.contains("FOO.bar", ecosystem: .pypi))
    }
}
