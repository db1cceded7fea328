// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "notelint",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "notelint", targets: ["notelint"]),
        // For the fuzz targets, a separate package (Fuzz/) that links with -sanitize=fuzzer.
        .library(name: "NoteLintInternals", targets: ["NoteLint", "NoteSyntax", "JSONRPC", "LanguageServer", "NoteInvariants"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
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
        .target(
            name: "NoteSyntax",
            dependencies: ["CCmarkGFM", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "ArxivKit"),
        .target(
            name: "NoteLint",
            dependencies: ["NoteSyntax", "ArxivKit"]
        ),
        .target(name: "JSONRPC"),
        .target(name: "LanguageServer", dependencies: ["JSONRPC", "NoteLint", "NoteSyntax"]),
        .target(name: "NoteInvariants", dependencies: ["NoteLint", "NoteSyntax"]),
        .executableTarget(
            name: "notelint",
            dependencies: ["NoteLint", "LanguageServer", "JSONRPC", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "NoteSyntaxTests", dependencies: ["NoteSyntax"], exclude: ["Goldens"]),
        .testTarget(name: "NoteLintTests", dependencies: ["NoteLint", "NoteInvariants"]),
        .testTarget(name: "ArxivKitTests", dependencies: ["ArxivKit"]),
        .testTarget(name: "CLITests", dependencies: ["notelint"]),
        .testTarget(name: "JSONRPCTests", dependencies: ["JSONRPC"]),
        .testTarget(name: "LanguageServerTests", dependencies: ["LanguageServer", "JSONRPC", "NoteLint", "NoteInvariants"]),
    ],
    swiftLanguageModes: [.v5]
)
