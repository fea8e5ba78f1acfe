// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "suivi",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "suivi", targets: ["SuiviCLI"]),
        .library(name: "LegalText", targets: ["LegalText"]),
        // The measurements of README and docs/BENCHMARKS.md; never part of the user's `suivi`.
        .executable(name: "suivi-bench", targets: ["SuiviBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // The web front end (`suivi serve`): HTTP server, templates, password hashing, in-process HTTP tests.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // Already in the graph through Hummingbird; declared because SuiviWeb imports them itself (its logger,
        // and NIO's thread pool for bcrypt).
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
        // Already in the graph through Hummingbird: the server's service group, which runs the periodic sync with
        // the forge beside the HTTP server and stops it on shutdown.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        // The HTTP client of `suivi sources verifier` (SourceChecking), on the SwiftNIO already in the graph.
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        // Declared because SourceChecking tells a failed TLS handshake by its error type (in the graph through the client).
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        // Already in the graph through hummingbird-auth: Ed25519 and SHA-2 for git's SSH commit signatures
        // (Register's SSHSIG signing and verification, in process: `suivi verifier` needs no ssh-keygen).
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
    ],
    targets: [
        // System libraries: the dependency on libxml2 / libgit2 is stated once, here.
        .systemLibrary(
            name: "CXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CGit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]
        ),

        // Layers, bottom up (see DESIGN.md): a target declares exactly the modules it imports, and imports
        // none above its layer; `scripts/check-layers` checks both.
        .target(name: "LegalText", dependencies: ["CXML2"]),
        .target(name: "Register", dependencies: ["CGit2", "LegalText", .product(name: "Crypto", package: "swift-crypto")]),

        .target(name: "ClauseDiff", dependencies: ["Register", "LegalText"]),
        .target(name: "Committee", dependencies: ["Register", "LegalText"]),
        .target(
            name: "Publishing",
            dependencies: [
                "Committee", "ClauseDiff", "Register", "LegalText",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),

        // Checking the addresses of Annexe II's documentary references over HTTP (`suivi sources verifier`): the
        // network stays out of the layers below; the outcomes are recorded through Committee.
        .target(
            name: "SourceChecking",
            dependencies: [
                "Committee", "Register", "LegalText",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),

        // Front ends.
        .target(
            name: "SuiviWeb",
            dependencies: [
                "LegalText",
                "Register",
                "ClauseDiff",
                "Committee",
                "Publishing",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HummingbirdBasicAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                // Sessions that survive a restart (`web --cle-sessions`): HKDF, HMAC and AES-GCM (already built for Register).
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "SuiviCLI",
            dependencies: [
                "LegalText",
                "Register",
                "ClauseDiff",
                "Committee",
                "Publishing",
                "SuiviWeb",
                "SourceChecking",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
            // Release builds link the Swift runtime and Foundation statically with the supported
            // `swift build -c release --static-swift-stdlib` (README): the dynamic loader's relocations of
            // libFoundation/ICU cost more than a whole `suivi diff` of the corpus pair (docs/BENCHMARKS.md).
        ),

        // Tooling, outside the product: nothing above depends on it and the `suivi` executable never links it.
        // Generators of synthetic acts, LEGI extracts, histories and revisions, and the seeded generator
        // (SplitMix64), for the tests and the benchmarks.
        .target(name: "SuiviSynthetic", dependencies: ["LegalText", "Register", "Publishing"]),
        // `suivi-bench`: the measurements of README and docs/BENCHMARKS.md (a plain executable, see there why).
        .executableTarget(
            name: "SuiviBench",
            dependencies: [
                "SuiviSynthetic", "LegalText", "Register", "ClauseDiff", "Publishing",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/SuiviBench"
        ),
        // What the test targets share: tags, the frozen fixture copy of the shipped corpus and committee,
        // external tools (enabled or required under CI=true).
        .target(name: "SuiviTestSupport", dependencies: ["SuiviSynthetic"], path: "Tests/SuiviTestSupport"),

        // Tests.
        .testTarget(
            name: "LegalTextTests",
            dependencies: ["LegalText", "SuiviSynthetic", "SuiviTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "ClauseDiffTests",
            dependencies: ["ClauseDiff", "Register", "LegalText", "SuiviSynthetic", "SuiviTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "SuiviCLITests",
            // SuiviBench: the concurrent-writer tests run `suivi-bench write` in several processes.
            // SourceChecking, Committee: the checks of references against a loopback HTTP server.
            dependencies: ["SuiviCLI", "SuiviBench", "SourceChecking", "Committee", "LegalText", "SuiviSynthetic", "SuiviTestSupport",
                           .product(name: "NIOCore", package: "swift-nio")]
        ),
        .testTarget(
            name: "PublishingTests",
            dependencies: ["Publishing", "Committee", "ClauseDiff", "Register", "LegalText", "SuiviSynthetic", "SuiviTestSupport",
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "SuiviWebTests",
            dependencies: [
                "SuiviWeb",
                "Publishing",
                "Committee",
                "ClauseDiff",
                "Register",
                "LegalText",
                "SuiviSynthetic",
                "SuiviTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HummingbirdBasicAuth", package: "hummingbird-auth"),
            ]
        ),
        .testTarget(name: "CommitteeTests", dependencies: ["Committee", "Register", "LegalText", "SuiviSynthetic", "SuiviTestSupport"]),
        .testTarget(
            name: "RegisterTests",
            dependencies: ["Register", "LegalText", "CGit2", "SuiviSynthetic", "SuiviTestSupport"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
