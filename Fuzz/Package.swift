// swift-tools-version: 6.1
// Fuzz targets for suivi's XML readers (libFuzzer + AddressSanitizer). A separate package, depending on the
// main one by path, so that `swift build` of the main package never sees sanitizer flags. Build and run with
// `Fuzz/run` (see docs/RELIABILITY.md).
//
// Adding a fuzz target is one file and one line: write `Sources/Fuzz<Name>/<Name>.swift` defining
// an `@main` calling `FuzzDriver.run { data in … }` (copy FuzzAkomaNtoso), and add `fuzzer("Fuzz<Name>")` to `fuzzers` below.
// `Fuzz/run` runs every fuzzer listed here.
import PackageDescription

let fuzzers: [Target] = [
    fuzzer("FuzzAkomaNtoso"),
    fuzzer("FuzzCommitteeRecord"),
    fuzzer("FuzzLegi"),
    fuzzer("FuzzAknImport"),
]

/// An executable whose `@main` hands one Swift function to libFuzzer's driver (FuzzSupport/FuzzDriver.swift).
func fuzzer(_ name: String) -> Target {
    .executableTarget(name: name, dependencies: ["FuzzSupport", .product(name: "LegalText", package: "suivi")])
}

let package = Package(
    name: "suivi-fuzz",
    products: fuzzers.map { .executable(name: $0.name, targets: [$0.name]) },
    dependencies: [.package(name: "suivi", path: "..")],
    targets: fuzzers + [
        .target(name: "CFuzzDriver"),
        .target(name: "FuzzSupport", dependencies: ["CFuzzDriver"]),
    ]
)
