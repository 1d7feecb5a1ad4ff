import ArgumentParser
import Bargaining
import BargainingService
import Foundation

extension Bargain {
    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Check that no recorded event was changed: recompute the hash chain.",
            discussion: """
                Each event is stored with the SHA-256 of the previous event's hash, its own \
                content, its negotiation and when it was recorded. This recomputes the chain of one negotiation, or of every negotiation in \
                the store, and names the first event of each that does not match. It also \
                recomputes each negotiation's summary row (step, version, deadlines, contract \
                record, parties), which list, coverage and the server read, and names every \
                column that disagrees with the events. Exit status 0 when everything matches, 1 \
                when something does not.

                With --checkpoints FILE (or $BARGAIN_CHECKPOINTS) and --trusted-keys (or \
                $BARGAIN_TRUSTED_KEYS), also compares every chain with the heads signed by \
                `bargain checkpoint` and names a rewritten history, a deleted tail or a deleted \
                negotiation, which the chain alone cannot show; a checkpoint file whose lines \
                were changed is reported too.

                Events stored before December 2026 have hashes over their content only: their \
                chain still holds, and they are counted (unsealedEvents), since a change of \
                their recorded time cannot be seen.

                With --json, prints one object: negotiationsChecked, eventsChecked, \
                unsealedEvents, intact, \
                mismatches[] {negotiation, sequence, reason}, summaries[] {negotiation, \
                differences[]}, and with checkpoints \
                anchors[] {negotiation, finding (rewritten, truncated, deleted), detail}.
                """)

        @Argument(help: "Only this negotiation (default: all).")
        var id: String?

        @Option(help: ArgumentHelp("Also check the chains against the signed heads in this checkpoint file (default: $BARGAIN_CHECKPOINTS).", valueName: "file"))
        var checkpoints: String?
        @Option(help: ArgumentHelp("The public keys the checkpoints are signed with: a PEM file or a directory of *.pem (default: $BARGAIN_TRUSTED_KEYS).", valueName: "path"))
        var trustedKeys: String?

        @OptionGroup var output: OutputOptions
        @OptionGroup var workflows: WorkflowsOptions
        @OptionGroup var store: StoreOptions

        struct Document: Encodable {
            struct Mismatch: Encodable {
                var negotiation: String
                var sequence: Int
                var reason: String
            }

            var negotiationsChecked: Int
            var eventsChecked: Int
            var unsealedEvents: Int
            var intact: Bool
            var mismatches: [Mismatch]
            var summaries: [Summary]
            var anchors: [Anchor]?
        }

        struct Summary: Encodable {
            var negotiation: String
            var differences: [String]
        }

        struct Anchor: Encodable {
            var negotiation: String
            var finding: String
            var detail: String
        }

        func run() async throws {
            try await reportingFailures {
                let environment = ProcessInfo.processInfo.environment
                let checkpointFile = checkpoints ?? environment["BARGAIN_CHECKPOINTS"]
                let trusted = try checkpointFile.map { path in
                    // A named file that is gone is not "nothing to compare": it may have been removed.
                    guard FileManager.default.fileExists(atPath: path) else {
                        throw CommandFailure("\(path): no such checkpoint file", exitCode: ExitCodes.dataError)
                    }
                    guard let keys = trustedKeys ?? environment["BARGAIN_TRUSTED_KEYS"] else {
                        throw CommandFailure("checking checkpoints needs the public keys they are signed with: --trusted-keys PATH or $BARGAIN_TRUSTED_KEYS",
                                             exitCode: ExitCodes.usage)
                    }
                    return try KeyFiles.trustedKeys(keys)
                }
                // Only reads: a mistyped --store is reported, not created empty and found "intact".
                let catalog = WorkflowCatalog(path: try workflows.path())
                let (report, summaries, findings) = try await store.withStore(creating: false) { store in
                    let report = try await store.verify(id)
                    let summaries = try await LocalNegotiationService(store: store, workflows: catalog).summaryMismatches(only: id)
                    guard let checkpointFile, let trusted else { return (report, summaries, [AnchorFinding]?.none) }
                    let signed = try CheckpointFile(path: checkpointFile).read(trusting: trusted)
                    return (report, summaries, try await ChainAnchoring.check(store, against: signed, only: id))
                }
                let intact = report.isIntact && summaries.isEmpty && findings?.isEmpty != false
                let stdout = Terminal.standardOutput
                if output.json {
                    stdout.write(try JSONOutput.render(Document(
                        negotiationsChecked: report.negotiationsChecked, eventsChecked: report.eventsChecked,
                        unsealedEvents: report.unsealedEvents, intact: intact,
                        mismatches: report.mismatches.map { Document.Mismatch(negotiation: $0.negotiation, sequence: $0.sequence, reason: $0.reason) },
                        summaries: summaries.map { Summary(negotiation: $0.negotiation, differences: $0.differences) },
                        anchors: findings?.map { Anchor(negotiation: $0.negotiation, finding: $0.kind.rawValue, detail: $0.detail) })))
                } else {
                    for mismatch in report.mismatches {
                        stdout.line(stdout.paint("mismatch", .red) + "  \(mismatch.negotiation) event \(mismatch.sequence): \(mismatch.reason)")
                    }
                    for summary in summaries {
                        stdout.line(stdout.paint("summary", .red) + "  \(summary.negotiation): " + summary.differences.joined(separator: "; "))
                    }
                    for finding in findings ?? [] {
                        stdout.line(stdout.paint(finding.title, .red) + "  \(finding.negotiation): \(finding.detail)")
                    }
                    if report.unsealedEvents > 0 {
                        stdout.line(stdout.paint("note", .yellow) + "  \(report.unsealedEvents) event\(report.unsealedEvents == 1 ? " was" : "s were") stored before hashes were sealed (December 2026): "
                            + "their hashes cover what they say but not when they were recorded")
                    }
                    let counts = "\(report.negotiationsChecked) negotiation\(report.negotiationsChecked == 1 ? "" : "s"), \(report.eventsChecked) events"
                    let anchored = findings.map { $0.isEmpty ? "; every signed checkpoint matches" : "; \($0.count) disagree with the signed checkpoints" } ?? ""
                    let rows = summaries.isEmpty ? "" : "; \(summaries.count) summary row\(summaries.count == 1 ? "" : "s") disagree\(summaries.count == 1 ? "s" : "") with the events"
                    stdout.line(intact
                        ? stdout.paint("ok", .green) + "  \(counts): every hash chain is intact\(anchored)"
                        : "\(counts): \(report.mismatches.count) chain\(report.mismatches.count == 1 ? "" : "s") broken\(rows)\(anchored); restore from a backup or ask who changed the store")
                }
                if !intact { throw ExitCodes.refused }
            }
        }
    }
}
