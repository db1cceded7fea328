// swift-tools-version: 6.0
// The fuzz targets, kept apart from the main package: they only link with -sanitize=fuzzer,
// which would break a plain `swift build` of the main package. Build and run with
// scripts/fuzz.
import PackageDescription

let package = Package(
    name: "notelint-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "notelint", path: "..")],
    targets: [
        // Declares libFuzzer's LLVMFuzzerRunDriver, which each target's main.swift calls.
        .target(name: "CFuzzerDriver"),
        .executableTarget(
            name: "PipelineFuzzer",
            dependencies: ["CFuzzerDriver", .product(name: "NoteLintInternals", package: "notelint")],
            swiftSettings: [.unsafeFlags(["-sanitize=fuzzer"])],
            linkerSettings: [.unsafeFlags(["-sanitize=fuzzer"])]
        ),
        .executableTarget(
            name: "ServerFuzzer",
            dependencies: ["CFuzzerDriver", .product(name: "NoteLintInternals", package: "notelint")],
            swiftSettings: [.unsafeFlags(["-sanitize=fuzzer"])],
            linkerSettings: [.unsafeFlags(["-sanitize=fuzzer"])]
        ),
    ],
    swiftLanguageModes: [.v5]
)
