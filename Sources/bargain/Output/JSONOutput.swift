import Foundation

/// JSON for scripts: keys sorted and pretty-printed, so output is stable between runs and diffs
/// cleanly; Chinese stays readable (not `\u` escaped).
enum JSONOutput {
    static func render(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
