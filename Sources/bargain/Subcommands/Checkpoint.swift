import ArgumentParser
import BargainingKeys
import BargainingService
import Foundation

extension Bargain {
    /// `bargain checkpoint`: signs the store's chain heads into the append-only checkpoint file.
    struct CheckpointCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "checkpoint",
            abstract: "Sign the store's hash-chain heads into the checkpoint file, so a rewritten history is found.",
            discussion: """
                The hash chain alone only catches careless edits: whoever can write the database can \
                change an event and recompute every later hash, delete the last events, or delete a \
                negotiation, and the chains still check. A checkpoint signs the last hash of every \
                negotiation with the organisation's key (`bargain keys generate`) and appends it to \
                a file kept away from the database; `bargain verify --checkpoints FILE \
                --trusted-keys public.pem` then names each of those three forgeries.

                Each checkpoint holds the heads new or changed since the one before and is linked \
                to it. A checkpoint is refused (exit 1, nothing appended) when the store already \
                disagrees with the signed heads or a changed chain does not verify. Run it after \
                every working day, e.g. from cron, and keep the file where the database's writers \
                cannot change it (another host, write-once storage, the backups).

                Example:
                  bargain checkpoint --file /srv/bargain-anchor/checkpoints --sign-key /etc/bargain/private.pem
                """)

        @Option(help: ArgumentHelp("The checkpoint file (default: $BARGAIN_CHECKPOINTS); created on first use.", valueName: "file"))
        var file: String?
        @Option(help: ArgumentHelp("The organisation's ECDSA P-256 private key (default: $BARGAIN_SIGN_KEY).", valueName: "file"))
        var signKey: String?
        @Option(help: ArgumentHelp("Other public keys that signed earlier checkpoints (after a key change): a PEM file or a directory of *.pem.", valueName: "path"))
        var trustedKeys: String?

        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await reportingFailures {
                let environment = ProcessInfo.processInfo.environment
                guard let path = file ?? environment["BARGAIN_CHECKPOINTS"] else {
                    throw CommandFailure("give the checkpoint file: --file FILE or $BARGAIN_CHECKPOINTS", exitCode: ExitCodes.usage)
                }
                guard let keyPath = signKey ?? environment["BARGAIN_SIGN_KEY"] else {
                    throw CommandFailure("give the signing key: --sign-key FILE or $BARGAIN_SIGN_KEY (see `bargain keys generate`)", exitCode: ExitCodes.usage)
                }
                let key = try KeyFiles.signingKey(keyPath)
                let trusted = try trustedKeys.map(KeyFiles.trustedKeys) ?? []
                let taken = try await store.withStore(creating: false) { store in
                    try await ChainAnchoring.checkpoint(store, file: CheckpointFile(path: path), key: key, trusting: trusted)
                }
                let payload = taken.checkpoint.payload
                Terminal.standardOutput.line("checkpoint \(payload.at): \(payload.negotiations) negotiations, \(taken.changed) new or changed heads signed with key \(payload.key) into \(path)")
            }
        }
    }
}
