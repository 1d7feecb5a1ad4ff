import Bargaining
import BargainingCoverage

/// `bargain reminders` for a person: one row per laggard with its rung on the escalation ladder
/// and what this run did, then a sentence for each kind of outcome, so that a run that writes
/// nothing says why.
struct LadderReport {
    var document: Bargain.Reminders.Document

    func render(for terminal: Terminal) -> String {
        let asOf = document.asOf
        guard !document.ladder.isEmpty else { return "no laggards as of \(asOf): no letters to write\n" }
        let files = Dictionary(document.written.map { ($0.enterprise, $0.file) }, uniquingKeysWith: { first, _ in first })
        var table = TextTable(headers: ["credit code", "name", "rung", "since", "answer by", "this run"])
        for rung in document.ladder {
            let done: TextTable.Cell = switch rung.step {
            case .take: files[rung.enterprise].map { TextTable.Cell("letter written: \($0)", .green) } ?? TextTable.Cell("moved to this rung", .yellow)
            case .taken: TextTable.Cell("nothing: already taken today", .dim)
            case .waiting: TextTable.Cell("nothing: inside the response window", .dim)
            case .top: TextTable.Cell("nothing: the last rung", .red)
            }
            table.add([TextTable.Cell(rung.enterprise.description), TextTable.Cell(rung.name), TextTable.Cell(rung.rung),
                       TextTable.Cell(rung.since.description), TextTable.Cell(rung.answerBy?.description ?? ""), done])
        }
        var lines: [String] = []
        let written = document.written.count
        if written > 0 {
            lines.append("\(plural(written, "letter")) written to \(document.out) and recorded as sent on \(asOf)")
            if let merged = document.merged { lines.append("all of them in one file to print: \(merged)") }
        }
        if let register = document.register, written > 0 || document.ladder.contains(where: { $0.step == .take }) {
            lines.append("the register of every rung taken: \(register)")
        }
        let moved = document.ladder.filter { $0.step == .take && $0.rung != ReminderLetter.rung }
        if !moved.isEmpty {
            lines.append("\(plural(moved.count, "enterprise")) moved to the next rung on \(asOf) (\(counts(moved))): their time to answer ran out; the rung is for staff to take")
        }
        let taken = document.ladder.filter { $0.step == .taken }
        if !taken.isEmpty { lines.append("\(plural(taken.count, "enterprise")) already had their rung taken on \(asOf) (\(counts(taken)))") }
        let waiting = document.ladder.filter { $0.step == .waiting }
        if !waiting.isEmpty {
            let next = waiting.compactMap(\.answerBy).min().map { "; the first window ends on \($0)" } ?? ""
            lines.append("\(plural(waiting.count, "enterprise")) inside their rung's response window, nothing sent (\(counts(waiting)))\(next)")
        }
        let top = document.ladder.filter { $0.step == .top }
        if !top.isEmpty { lines.append("\(plural(top.count, "enterprise")) on the ladder's last rung (\(counts(top))): nothing further to send") }
        if written == 0 && moved.isEmpty { lines.insert("no letters written and no rung taken as of \(asOf)", at: 0) }
        return table.render(for: terminal) + lines.map { $0 + "\n" }.joined()
    }

    private func counts(_ rungs: [Bargain.Reminders.Document.Rung]) -> String {
        var order: [String] = []
        var counts: [String: Int] = [:]
        for rung in rungs {
            if counts[rung.rung] == nil { order.append(rung.rung) }
            counts[rung.rung, default: 0] += 1
        }
        return order.map { "\($0) \(counts[$0]!)" }.joined(separator: ", ")
    }

    private func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
}
