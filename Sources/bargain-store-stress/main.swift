// bargain-store-stress: a child process for the store's concurrency and crash tests, which need
// real processes (separate connections, separate file locks) and something to SIGKILL.
//
//   bargain-store-stress write --store VALUE --workflows DIR --negotiation ID --writer NAME --decisions N
//   bargain-store-stress crash --store VALUE --workflows DIR --negotiation ID --events-per-decision K
//
// `write` records N decisions, each a `request-information` naming "<writer>-<n>", on a
// negotiation in `talks`. A stale expected version is a conflict: the writer prints
// `conflict <writer> <n> expected <v> actual <w>`, catches up on the events it missed and
// decides again. At the end it prints `done <writer> decisions <N> conflicts <C>`.
//
// `crash` appends decisions of K events each, for ever, printing `committed <version>` after
// each commit, until killed. Each decision's events name "d<first sequence>" and
// "part-<i>-of-<K>", so a test can tell whether any decision was split.
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
