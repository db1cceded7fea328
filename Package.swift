// swift-tools-version: 6.0
import PackageDescription

// Type metadata through direct accessor calls, not type names demangled at run time: the first
// demangling of each generic type (a `Set<String>`, a `[Severity: Int]`) scanned the static
// binary's conformance records, 2.1 M of the 8.6 M instructions of a one-note check.
let directMetadata: [SwiftSetting] = [.unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"])]

let package = Package(
    name: "notelint",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "notelint", targets: ["notelint"]),
        // For the fuzz targets, a separate package (Fuzz/) that links with -sanitize=fuzzer.
        .library(name: "NoteLintInternals", targets: ["NoteLint", "NoteSyntax", "JSONRPC", "LanguageServer", "NoteInvariants"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2")
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [
                .apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"]),
                .brew(["cmark-gfm"]),
            ]
        ),
        // An allocator for cmark-gfm's parses: one arena per thread, dropped after each parse.
        .target(name: "CParseArena"),
        .target(
            name: "NoteSyntax",
            dependencies: ["CCmarkGFM", "CParseArena", .product(name: "Yams", package: "Yams")],
            swiftSettings: directMetadata
        ),
        .target(name: "ArxivKit", swiftSettings: directMetadata),
        // The local arXiv index: Debian's SQLite (with FTS5) and zlib, no Swift package.
        .systemLibrary(name: "CSQLite", providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        // Linked statically: a shared SQLite costs every run (a one-note check included) 1.2 M
        // instructions of relocation before main.
        .target(
            name: "ArxivIndex", dependencies: ["ArxivKit", "CSQLite", "CZlib"], swiftSettings: directMetadata,
            linkerSettings: [.unsafeFlags(["-Xlinker", "-l:libsqlite3.a", "-Xlinker", "-l:libz.a"])]),
        // libcurl's easy interface through dlopen at first use: no libcurl at build or link time.
        .target(name: "CCurlLoader"),
        .target(name: "ArxivClient", dependencies: ["ArxivKit", "CCurlLoader"], swiftSettings: directMetadata),
        .target(
            name: "NoteLint",
            dependencies: ["NoteSyntax", "ArxivKit"],
            swiftSettings: directMetadata
        ),
        .target(name: "JSONRPC", swiftSettings: directMetadata),
        .target(
            name: "LanguageServer", dependencies: ["JSONRPC", "NoteLint", "NoteSyntax", "ArxivKit", "ArxivClient", "ArxivIndex"],
            swiftSettings: directMetadata),
        .target(name: "NoteInvariants", dependencies: ["NoteLint", "NoteSyntax"]),
        // bench/ProtocolCodec: the hand-written JSON layer against Codable (ARCHITECTURE.md).
        .executableTarget(name: "protocol-codec-bench", dependencies: ["JSONRPC"], path: "bench/ProtocolCodec"),
        .executableTarget(
            name: "notelint",
            dependencies: ["NoteLint", "ArxivClient", "ArxivIndex", "LanguageServer", "JSONRPC"],
            swiftSettings: directMetadata
        ),
        // What the test targets share: temporary folders that remove themselves, the package's
        // own files, golden files.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(
            name: "NoteSyntaxTests", dependencies: ["NoteSyntax", "CParseArena", "NoteInvariants", "TestSupport"], exclude: ["Goldens"]),
        .testTarget(name: "NoteLintTests", dependencies: ["NoteLint", "NoteInvariants", "TestSupport"]),
        .testTarget(name: "ArxivKitTests", dependencies: ["ArxivKit", "TestSupport"]),
        .testTarget(name: "ArxivIndexTests", dependencies: ["ArxivIndex", "TestSupport"]),
        // The fake arXiv server (Tests/arxiv/fake_arxiv.py) as the Swift tests start it.
        .target(name: "FakeArxivServer", dependencies: ["TestSupport"], path: "Tests/FakeArxivServer"),
        .testTarget(
            name: "ArxivClientTests", dependencies: ["ArxivClient", "ArxivKit", "NoteInvariants", "FakeArxivServer", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["notelint", "ArxivIndex", "FakeArxivServer", "TestSupport"]),
        .testTarget(name: "JSONRPCTests", dependencies: ["JSONRPC", "NoteInvariants"]),
        .testTarget(
            name: "LanguageServerTests",
            dependencies: ["LanguageServer", "JSONRPC", "NoteLint", "NoteInvariants", "FakeArxivServer", "ArxivIndex", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
