// swift-tools-version:6.0
// A client of mojifix's two library products, as another package would use them. It depends on
// this repository by path; a package elsewhere names it by URL instead:
//     .package(url: "https://…/mojifix.git", from: "0.9.0")
import PackageDescription

let package = Package(
    name: "SampleClient",
    dependencies: [
        .package(name: "mojifix", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "SampleClient",
            dependencies: [
                .product(name: "MojifixCore", package: "mojifix"),
                .product(name: "MojifixMarkdown", package: "mojifix"),
            ]
        ),
    ]
)
