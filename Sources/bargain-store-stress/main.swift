// bargain-store-stress: a child process for the store's concurrency and crash tests, which need
// real processes (separate connections, separate file locks) and something to SIGKILL.
//
//   bargain-store-stress write --store VALUE --workflows DIR --negotiation ID --writer NAME --decisions N [--retries service]
//   bargain-store-stress renew --store VALUE --workflows DIR --negotiation PREFIX [--on DATE]
//   bargain-store-stress acts --store VALUE --workflows DIR --negotiation ID --writer NAME --decisions N [--keys K1,K2]
//
// `write` records N decisions, each a `request-information` naming "<writer>-<n>", on a
// negotiation in `talks`. A stale expected version is a conflict: the writer prints
// `conflict <writer> <n> expected <v> actual <w>`, catches up on the events it missed and
// decides again. At the end it prints `done <writer> decisions <N> conflicts <C>`. With
// `--retries service` it retries as the CLI does (the service's attempts and backoff), prints
// `gave-up <writer> <n>` for a decision that still lost, goes on, and ends with `gave-up <G>`.
//
// `renew` asks, on DATE (default 2026-02-02), for the renewal of each negotiation whose id starts
// with PREFIX, in id order, each opening `<id>-R` in the same commit. It prints `ready` when it
// starts renewing, `renewed <id>` after each commit, and `exhausted` when none is left, then
// waits to be killed.
// A test kills it at random moments and checks that each old negotiation and its renewal are
// both stored or both absent.
//
// `acts` records one act per idempotency key (default `<writer>-1` … `<writer>-<N>`, or `--keys
// K1,K2`), each opening and closing the store as `bargain do` does, and prints
// `recorded|replayed|not-recorded|unknown <key> <ms> [reason]` per act (see FaultWriter).
//
// All record through `LocalNegotiationService`, the code the CLI runs.
//
// Exit codes: 0 done; 64 bad arguments; 65 the negotiation cannot take the decision (not in
// talks); 69 the store failed (message on stderr); 75 (EX_TEMPFAIL) a decision still lost the
// race after `StressWriter.conflictLimit` tries in a row, so the writer gave up on it.
import Bargaining
import BargainingStore
import Foundation

let options: StressOptions
do { options = try StressOptions(CommandLine.arguments.dropFirst()) } catch {
    FileHandle.standardError.write(Data("bargain-store-stress: \(error)\n".utf8))
    exit(64)
}
exit(await StressWriter(options).run())
