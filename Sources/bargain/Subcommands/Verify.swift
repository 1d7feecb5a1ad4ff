import ArgumentParser
import Bargaining

extension Bargain {
    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Check that no recorded event was changed: recompute the hash chain.",
            discussion: """
                Each event is stored with the SHA-256 of the previous event's hash and its own \
                content. This recomputes the chain of one negotiation, or of every negotiation in \
                the store, and names the first event of each that does not match. Exit status 0 \
                when every chain is intact, 1 when one is not.

                With --json, prints one object: negotiationsChecked, eventsChecked, intact, \
                mismatches[] {negotiation, sequence, reason}.
                """)

        @Argument(help: "Only this negotiation (default: all).")
        var id: String?

        @OptionGroup var output: OutputOptions
        @OptionGroup var store: StoreOptions

        struct Document: Encodable {
            struct Mismatch: Encodable {
                var negotiation: String
                var sequence: Int
                var reason: String
            }

            var negotiationsChecked: Int
            var eventsChecked: Int
            var intact: Bool
            var mismatches: [Mismatch]
        }

        func run() async throws {
            try await reportingFailures {
                // Only reads: a mistyped --store is reported, not created empty and found "intact".
                let report = try await store.withStore(creating: false) { try await $0.verify(id) }
                let stdout = Terminal.standardOutput
                if output.json {
                    stdout.write(try JSONOutput.render(Document(
                        negotiationsChecked: report.negotiationsChecked, eventsChecked: report.eventsChecked, intact: report.isIntact,
                        mismatches: report.mismatches.map { Document.Mismatch(negotiation: $0.negotiation, sequence: $0.sequence, reason: $0.reason) })))
                } else {
                    for mismatch in report.mismatches {
                        stdout.line(stdout.paint("mismatch", .red) + "  \(mismatch.negotiation) event \(mismatch.sequence): \(mismatch.reason)")
                    }
                    let counts = "\(report.negotiationsChecked) negotiation\(report.negotiationsChecked == 1 ? "" : "s"), \(report.eventsChecked) events"
                    stdout.line(report.isIntact
                        ? stdout.paint("ok", .green) + "  \(counts): every hash chain is intact"
                        : "\(counts): \(report.mismatches.count) chain\(report.mismatches.count == 1 ? "" : "s") broken; restore from a backup or ask who changed the store")
                }
                if !report.isIntact { throw ExitCodes.refused }
            }
        }
    }
}
