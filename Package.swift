// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "bargain",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Bargaining", targets: ["Bargaining"]),
        .library(name: "BargainingStore", targets: ["BargainingStore"]),
        .library(name: "BargainingService", targets: ["BargainingService"]),
        .executable(name: "bargain", targets: ["bargain"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.0"),
        // The city server (issue 15): HTTP, password hashing, pages, lifecycle, logs; the CLI as
        // its client.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        // Workbooks and letters (.xlsx, .docx): the ZIP container; their XML parts go through XMLCore.
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
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
        // xmlsec from the system (Debian: libxmlsec1-dev, OpenSSL back end), for XML Signature.
        // Its headers include libxml2's, so the same ICU rule holds: only XMLSecurity imports it.
        .systemLibrary(
            name: "CXMLSec",
            pkgConfig: "xmlsec1-openssl",
            providers: [.apt(["libxmlsec1-dev"]), .brew(["libxmlsec1"])]
        ),
        .target(
            name: "XMLSecurity",
            dependencies: ["CXMLSec"]
        ),
        // The pure core: the law as rules and workflows, the engine. No storage, no terminal.
        .target(
            name: "Bargaining",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The file-system edge: data files read from disk, the workflows directory located, the
        // running executable found, CSV files streamed in and out. The core and the coverage
        // code read and write nothing themselves.
        .target(
            name: "BargainingFiles",
            dependencies: ["Bargaining", "BargainingCoverage"]
        ),
        // Durable negotiations: SQLite (embedded default) and PostgreSQL (a city's shared store).
        .target(
            name: "BargainingStore",
            dependencies: [
                "Bargaining",
                // The registry, external contracts and reminder ledger are stored as its types.
                "BargainingCoverage",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The application layer every front end calls: decide with the pinned engine, record what
        // the decision does in one transaction, retry on a conflict.
        .target(
            name: "BargainingService",
            // BargainingOffice: coverage imports read workbooks, reminder runs write letters.
            dependencies: ["Bargaining", "BargainingFiles", "BargainingStore", "BargainingCoverage", "BargainingKeys", "BargainingOffice"]
        ),
        // The organisation's P-256 key pair: signs exports and the store's chain checkpoints.
        .target(
            name: "BargainingKeys",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        // Filed contracts and congress records as XML (own schema and Akoma Ntoso), BagIt, import.
        // Reaches libxml2 only through XMLCore's plain Swift API.
        .target(
            name: "BargainingXML",
            // The store: an export reads a negotiation's verified history from it, for the CLI
            // and the server's OAI-PMH alike.
            dependencies: ["Bargaining", "BargainingFiles", "BargainingKeys", "BargainingStore", "XMLCore", "XMLSecurity", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Registry of enterprises, contract index, signing / renewal / coverage rates, laggards,
        // reminder letters, charts (SPEC §6). Pure: data in, report out.
        .target(
            name: "BargainingCoverage",
            dependencies: ["Bargaining"]
        ),
        // Office Open XML in and out: workbooks staff keep their registries in, the tables and
        // letters they hand on. ZIPFoundation for the container, XMLCore for every part.
        .target(
            name: "BargainingOffice",
            dependencies: ["Bargaining", "BargainingCoverage", "XMLCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // The city server: accounts and seats, the JSON API and the pages, over the same service
        // and stores as the CLI.
        .target(
            name: "BargainingServer",
            dependencies: [
                "Bargaining",
                "BargainingStore",
                "BargainingService",
                "BargainingCoverage",
                // OAI-PMH serves the exports (signed with the organisation's key); its envelope is
                // written with XMLCore.
                "BargainingKeys",
                "BargainingXML",
                "XMLCore",
                "BargainingOffice",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The union chair's CLI against the city server: the application service's protocol
        // over HTTP (AsyncHTTPClient), so the commands are the same code on a store or a server.
        .target(
            name: "BargainingClient",
            dependencies: [
                "Bargaining",
                "BargainingStore",
                "BargainingService",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        .executableTarget(
            name: "bargain",
            dependencies: [
                "Bargaining",
                "BargainingFiles",
                "BargainingStore",
                "BargainingService",
                "BargainingCoverage",
                "BargainingKeys",
                "BargainingXML",
                "BargainingOffice",
                "BargainingServer",
                "BargainingClient",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // A child process for the store's concurrency and crash tests (many writers, SIGKILL).
        .executableTarget(
            name: "bargain-store-stress",
            dependencies: ["Bargaining", "BargainingFiles", "BargainingStore", "BargainingService"]
        ),
        // Benchmarks print ratios against a baseline measured in the same run (see README). Built
        // with the same optimisation as the product (-O), so they measure what users run.
        .executableTarget(
            name: "bargain-bench",
            dependencies: [
                "Bargaining",
                "BargainingFiles",
                "BargainingStore",
                "BargainingService",
                "BargainingServer",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                "BargainingCoverage",
                "BargainingXML",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What the test targets share: the repository's workflows, random walks for property tests.
        .target(
            name: "TestSupport",
            dependencies: ["Bargaining", "BargainingFiles"],
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "BargainingTests",
            dependencies: [
                "Bargaining",
                "BargainingFiles",
                "TestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "BargainingStoreTests",
            dependencies: [
                "Bargaining",
                "BargainingFiles",
                "TestSupport",
                "BargainingStore",
                "BargainingService",
                "BargainingCoverage",
                "bargain-store-stress",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "BargainCLITests",
            dependencies: ["TestSupport", "Bargaining", "BargainingFiles", "BargainingService", "BargainingStore", "BargainingOffice", "bargain"]
        ),
        .testTarget(
            name: "BargainingCoverageTests",
            dependencies: ["TestSupport", "Bargaining", "BargainingFiles", "BargainingCoverage"]
        ),
        .testTarget(
            name: "BargainingXMLTests",
            dependencies: ["TestSupport", "Bargaining", "BargainingFiles", "BargainingKeys", "BargainingXML", "XMLCore", "XMLSecurity"]
        ),
        .testTarget(
            name: "BargainingOfficeTests",
            dependencies: ["TestSupport", "Bargaining", "BargainingOffice", "XMLCore"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "BargainingServerTests",
            dependencies: [
                "TestSupport",
                "Bargaining",
                "BargainingFiles",
                "BargainingStore",
                "BargainingService",
                "BargainingServer",
                "BargainingKeys",
                "BargainingXML",
                "XMLCore",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "XMLCoreTests",
            dependencies: ["TestSupport", "XMLCore"]
        ),
    ]
)
