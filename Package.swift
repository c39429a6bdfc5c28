// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "casus",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "casus", targets: ["casus"]),
        .library(name: "CasusCore", targets: ["CasusCore"]),
        .library(name: "CasusStore", targets: ["CasusStore"]),
        .library(name: "CasusDocuments", targets: ["CasusDocuments"]),
        .library(name: "CasusLint", targets: ["CasusLint"]),
        .library(name: "CasusReports", targets: ["CasusReports"]),
        .library(name: "CasusJourney", targets: ["CasusJourney"]),
        .library(name: "CasusApp", targets: ["CasusApp"]),
        .library(name: "CasusQDA", targets: ["CasusQDA"]),
        .library(name: "CasusWeb", targets: ["CasusWeb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
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
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        // Documents: reading text out of Markdown, DOCX and ODT; the document model and its writers (Markdown, HTML, ODT, DOCX).
        .target(
            name: "CasusDocuments",
            dependencies: ["CasusCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // The narrative linter: text pipeline, rules as data, readability, quote checks, reporters.
        .target(
            name: "CasusLint",
            dependencies: ["CasusCore", "CasusDocuments", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Rules")]
        ),
        // Customer-journey maps: lanes on a real time axis, hand-offs, the end user's experience; SVG, HTML, Mermaid, CSV.
        .target(
            name: "CasusJourney",
            dependencies: ["CasusCore", "CasusDocuments", .product(name: "Yams", package: "Yams")]
        ),
        // Reports: templates, consent-aware builders for the case description and the outside-in report.
        .target(
            name: "CasusReports",
            dependencies: [
                "CasusCore", "CasusDocuments", "CasusJourney", .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "MultipartKit", package: "multipart-kit"),
            ],
            resources: [.copy("Templates")]
        ),
        // Exchange with QDA software: REFI-QDA projects (.qdpx) in and out.
        .target(
            name: "CasusQDA",
            dependencies: [
                "CasusCore", "CasusDocuments", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The application layer: operations every front end calls (data protection, backup).
        .target(
            name: "CasusApp",
            dependencies: [
                "CasusCore", "CasusStore", "CasusLint", "CasusDocuments", "CasusReports", "CasusJourney", "CasusQDA",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // The browser front end: Hummingbird 2, server-rendered pages, accounts and a role per dossier.
        .target(
            name: "CasusWeb",
            dependencies: [
                "CasusCore", "CasusStore", "CasusApp", "CasusReports", "CasusJourney", "CasusLint",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Pages"), .copy("Assets")]
        ),
        // The command-line tool: one file per subcommand.
        .executableTarget(
            name: "casus",
            dependencies: [
                "CasusCore", "CasusStore", "CasusDocuments", "CasusLint", "CasusReports", "CasusJourney", "CasusApp",
                "CasusQDA", "CasusWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // A position-dependent executable: no 130,000 relocations to apply at every start.
            linkerSettings: [
                .unsafeFlags(["-Xlinker", "-no-pie"], .when(platforms: [.linux], configuration: .release))
            ]
        ),
        // Fuzz targets for libFuzzer (scripts/fuzz builds them with -sanitize=fuzzer); a replay tool otherwise.
        .executableTarget(
            name: "casus-fuzz",
            dependencies: ["CasusCore", "CasusDocuments", "CasusLint", "CasusReports"]
        ),
        // What the test targets share: the repository's folders, the samples, golden files.
        .target(name: "CasusTestSupport", dependencies: ["CasusCore"], path: "Tests/Support"),
        .testTarget(name: "CasusCoreTests", dependencies: ["CasusCore", "CasusTestSupport"]),
        .testTarget(
            name: "CasusStoreTests",
            dependencies: ["CasusStore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "CasusDocumentsTests",
            dependencies: ["CasusDocuments", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(
            name: "CasusLintTests", dependencies: ["CasusLint", "CasusDocuments", "CasusCore", "CasusTestSupport"],
            exclude: ["Fixtures", "Golden"]),
        .testTarget(
            name: "CasusReportsTests",
            dependencies: [
                "CasusReports", "CasusDocuments", "CasusCore", "CasusJourney", "CasusTestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Golden"]),
        .testTarget(
            name: "CasusJourneyTests", dependencies: ["CasusJourney", "CasusCore", "CasusTestSupport"],
            exclude: ["Golden"]),
        .testTarget(
            name: "CasusCLITests", dependencies: ["casus", "CasusCore", "CasusTestSupport"], exclude: ["Golden"]),
        .testTarget(
            name: "CasusAppTests",
            dependencies: [
                "CasusApp", "CasusStore", "CasusCore", "CasusTestSupport", "CasusQDA", "CasusDocuments", "CasusReports",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "CasusWebTests",
            dependencies: [
                "CasusWeb", "CasusApp", "CasusStore", "CasusCore", "CasusTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ]
)
