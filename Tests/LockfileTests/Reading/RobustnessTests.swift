import Foundation
import Lockfile
import LockgateCore
import Testing

/// Malformed input of every format ends in a located `LockfileError`, never a crash or a hang.
@Suite struct RobustnessTests {
    static let names = [
        "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "requirements.txt", "poetry.lock",
        "Pipfile.lock", "uv.lock",
    ]

    @Test(arguments: names)
    func binaryInputIsRejectedWithALocation(_ name: String) {
        var bytes = Data("# header\n".utf8)
        bytes.append(contentsOf: [0x00, 0xFF, 0xFE, 0x13, 0x37, 0x80, 0x81])
        #expect {
            try LockfileReader().parse(bytes, path: name)
        } throws: { error in
            guard let error = error as? LockfileError else { return false }
            return error.path == name && (error.location?.line ?? 0) >= 1
        }
    }

    @Test(arguments: names.filter { $0 != "requirements.txt" })
    func emptyInputIsRejectedWithALocation(_ name: String) {
        #expect {
            try LockfileReader().parse(Data(), path: name)
        } throws: { error in
            (error as? LockfileError)?.location?.line == 1
        }
    }

    @Test func emptyRequirementsFileRequiresNothing() throws {
        let contents = try LockfileReader().parse(Data(), path: "requirements.txt")
        #expect(contents.packages.isEmpty)
    }

    @Test func unknownFormatSaysWhatWasExpected() {
        #expect {
            try LockfileReader().parse(Data("hello world\n".utf8), path: "notes.md")
        } throws: { error in
            (error as? LockfileError)?.message.contains("cannot tell the lockfile format") == true
        }
    }

    /// Every real lockfile cut at several points either parses or throws a located error.
    @Test(.enabled(if: TestPaths.sharedLockfilesPresent, "../shared/lockfiles is absent"), arguments: ManifestRow.all)
    func truncatedRealLockfilesNeverCrash(_ row: ManifestRow) throws {
        let url = TestPaths.sharedLockfiles.appendingPathComponent(row.file)
        let data = try Data(contentsOf: url)
        for fraction in [0.13, 0.5, 0.77] {
            let cut = data.prefix(Int(Double(data.count) * fraction))
            do {
                _ = try LockfileReader().parse(cut, path: url.lastPathComponent)
            } catch {
                #expect((error.location?.line ?? 0) >= 1, "\(row.file) cut at \(fraction): \(error)")
            }
        }
    }
}

/// Format detection by name, including requirements files named by their folder.
@Suite struct DetectionTests {
    @Test(arguments: [
        ("requirements.txt", LockfileFormat.requirements), ("requirements/pip.txt", .requirements),
        ("ci/requirements-dev.txt", .requirements), ("project__package-lock.json", .npm),
        ("npm-shrinkwrap.json", .npmShrinkwrap), ("a/pnpm-lock.yaml", .pnpm), ("poetry.lock", .poetry),
        ("Pipfile.lock", .pipfile), ("uv.lock", .uv),
    ])
    func formatFromFileName(_ path: String, _ format: LockfileFormat) {
        #expect(LockfileDetector.format(forFileName: path) == format)
    }

    @Test(arguments: ["notes.txt", "docs/readme.txt", "yarn.lock", "Cargo.lock"])
    func namesThatDoNotDecide(_ path: String) {
        #expect(LockfileDetector.format(forFileName: path) == nil)
    }
}
