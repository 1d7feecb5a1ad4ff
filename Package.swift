// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "bargain",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Bargaining", targets: ["Bargaining"]),
        .executable(name: "bargain", targets: ["bargain"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.0"),
    ],
    targets: [
        // libxml2 from the system (Debian: libxml2-dev). Only XMLCore may import it: its headers
        // pull in ICU, which clashes with Foundation's (see shared/design/PLATFORM.md).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .target(
            name: "XMLCore",
            dependencies: ["CLibXML2"]
        ),
        .target(
            name: "Bargaining",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "bargain",
            dependencies: [
                "Bargaining",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "BargainingTests",
            dependencies: [
                "Bargaining",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: []
        ),
        .testTarget(
            name: "XMLCoreTests",
            dependencies: ["XMLCore"]
        ),
    ]
)
