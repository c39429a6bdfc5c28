// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "casus",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "casus", targets: ["casus"]),
        .library(name: "CasusCore", targets: ["CasusCore"]),
        .library(name: "CasusStore", targets: ["CasusStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // The dossier model and its rules: Foundation only.
        .target(name: "CasusCore"),
        // SQLite persistence, audit log, full-text search, attachments and the key vault.
        .target(
            name: "CasusStore",
            dependencies: [
                "CasusCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        // The command-line tool: one file per subcommand.
        .executableTarget(
            name: "casus",
            dependencies: [
                "CasusCore", "CasusStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "CasusCoreTests", dependencies: ["CasusCore"]),
        .testTarget(
            name: "CasusStoreTests",
            dependencies: ["CasusStore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "CasusCLITests", dependencies: ["casus", "CasusCore"]),
    ]
)
