// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "lockgate",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "lockgate", targets: ["lockgate"]),
        .library(name: "LockgateKit", targets: ["LockgateKit"]),
    ],
    dependencies: [
        // The command line.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The policy file (YAML with line numbers for every error).
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // The verdict cache (SQLite in WAL mode).
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // Vocabulary shared by every stage; depends on nothing.
        .target(name: "LockgateCore"),
        // One parser per lockfile format.
        .target(name: "Lockfile", dependencies: ["LockgateCore"]),
        // Typosquat and name/URL checks over package names; ships the popular-name lists.
        .target(name: "Names", dependencies: ["LockgateCore"], resources: [.copy("Resources")]),
        // The policy file and the evaluator that turns findings into verdicts.
        .target(name: "Policy", dependencies: ["LockgateCore", "Yams"]),
        // Text, JSON, SARIF and Markdown reports.
        .target(name: "Reporting", dependencies: ["LockgateCore"]),
        // libcurl, behind typed wrappers for its variadic setopt/getinfo.
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        // OpenSSL's libcrypto digests (libcurl already loads it).
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        // zlib's inflate for .tgz and zip archives.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // liblzma's decoder for .tar.xz sdists.
        .systemLibrary(name: "CLzma", pkgConfig: "liblzma", providers: [.apt(["liblzma-dev"])]),
        // libbz2's decoder for .tar.bz2 sdists (libbz2 ships no pkg-config file; the modulemap links bz2).
        .systemLibrary(name: "CBzip2", providers: [.apt(["libbz2-dev"])]),
        // Downloads: registries, indexes, credentials, retries, integrity checks.
        .target(name: "Fetch", dependencies: ["LockgateCore", "CCurl", "CCrypto"]),
        // Package archives read in memory with safety limits.
        .target(name: "Archive", dependencies: ["CZlib", "CLzma", "CBzip2"]),
        // Lexers, behaviour rules and the sequence builder: what a package's code would do, in execution order.
        .target(name: "Analysis", dependencies: ["LockgateCore", "CZlib"]),
        // The bilingual behaviour-sequence model: training, evaluation, inference; the shipped model as a resource.
        .target(name: "Classifier", dependencies: ["LockgateCore"], resources: [.copy("Resources")]),
        // The content-addressed archive store and the SQLite verdict database.
        .target(name: "Cache", dependencies: [.product(name: "GRDB", package: "GRDB.swift")]),
        // The pipeline: the only module that knows every stage.
        .target(
            name: "LockgateKit",
            dependencies: [
                "LockgateCore", "Lockfile", "Names", "Policy", "Reporting", "Fetch", "Archive", "Analysis", "Classifier",
                "Cache",
            ]),
        .executableTarget(
            name: "lockgate",
            dependencies: ["LockgateKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "archive-memory-bench", dependencies: ["Archive"], path: "Benchmarks/ArchiveMemory"),
        .executableTarget(name: "analysis-bench", dependencies: ["Analysis", "Archive"], path: "Benchmarks/AnalysisBench"),
        .executableTarget(name: "classifier-bench", dependencies: ["Classifier"], path: "Benchmarks/ClassifierBench"),
        .target(name: "LockgateTestSupport", dependencies: ["LockgateKit"], path: "Tests/TestSupport"),
        .testTarget(name: "CoreTests", dependencies: ["LockgateCore"]),
        .testTarget(name: "LockfileTests", dependencies: ["Lockfile"], resources: [.copy("Fixtures")]),
        .testTarget(name: "NamesTests", dependencies: ["Names"]),
        .testTarget(name: "PolicyTests", dependencies: ["Policy"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting"], exclude: ["Snapshots"]),
        .testTarget(name: "FetchTests", dependencies: ["Fetch", "LockgateTestSupport"]),
        .testTarget(name: "ArchiveTests", dependencies: ["Archive"]),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "Archive"]),
        .testTarget(name: "ClassifierTests", dependencies: ["Classifier"]),
        .testTarget(name: "CacheTests", dependencies: ["Cache", "Fetch", "LockgateTestSupport"]),
        .testTarget(name: "LockgateKitTests", dependencies: ["LockgateKit", "LockgateTestSupport"]),
        .testTarget(name: "IntegrationTests", dependencies: ["LockgateKit", "LockgateTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
