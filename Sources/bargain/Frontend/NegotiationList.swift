import Bargaining
import BargainingStore

/// `bargain list`: negotiations as they stand on a date, each with its next deadline counted
/// from it. The service reads only the store's summaries, and the history of just those whose
/// deadlines passed, so it stays quick on a district's thousands of negotiations.
struct NegotiationList {
    let summaries: [NegotiationSummary]
    let asOf: Day

    static func nextDeadline(_ summary: NegotiationSummary) -> OpenDeadline? {
        summary.deadlines.min { ($0.due, $0.name) < ($1.due, $1.name) }
    }

    func table(for terminal: Terminal) -> String {
        guard !summaries.isEmpty else { return "No negotiations match.\n" }
        var table = TextTable(headers: ["ID", "LEVEL", "STEP", "NEXT DEADLINE", "DUE", "LEFT", "TITLE"].map { TextTable.Cell($0, .dim) },
                              alignments: [.left, .left, .left, .left, .left, .right, .left])
        for summary in summaries {
            let next = Self.nextDeadline(summary)
            let left: TextTable.Cell = next.map { deadline in
                let days = asOf.days(until: deadline.due)
                return switch days {
                case ..<0: TextTable.Cell("\(counted(-days, "day")) overdue", .red)
                case 0: TextTable.Cell("due today", .yellow)
                case 1: TextTable.Cell("1 day")
                default: TextTable.Cell("\(days) days")
                }
            } ?? TextTable.Cell("")
            table.add(TextTable.Cell(summary.id, .bold), TextTable.Cell(summary.level.rawValue), TextTable.Cell(summary.step),
                      TextTable.Cell(next?.name ?? "—"), TextTable.Cell(next?.due.description ?? ""), left, TextTable.Cell(summary.title))
        }
        return table.render(for: terminal)
    }

    struct Document: Encodable {
        struct Deadline: Encodable {
            var name: String
            var due: String
            var daysLeft: Int
            var overdue: Bool
        }

        struct Item: Encodable {
            var id: String
            var level: String
            var title: String
            var employeeSide: String
            var employerSide: String
            var district: String?
            var street: String?
            var step: String
            var version: Int
            var lastDay: String
            var workflow: WorkflowReference
            var deadlines: [Deadline]
            var nextDeadline: Deadline?
            var contract: ContractRecord?
        }

        var asOf: String
        var negotiations: [Item]
    }

    var document: Document {
        func deadline(_ open: OpenDeadline) -> Document.Deadline {
            let days = asOf.days(until: open.due)
            return Document.Deadline(name: open.name, due: open.due.description, daysLeft: days, overdue: days < 0)
        }
        return Document(asOf: asOf.description, negotiations: summaries.map { summary in
            Document.Item(id: summary.id, level: summary.level.rawValue, title: summary.title, employeeSide: summary.employeeParty,
                          employerSide: summary.employerParty, district: summary.district, street: summary.street, step: summary.step,
                          version: summary.version, lastDay: summary.lastDay.description, workflow: summary.workflow,
                          deadlines: summary.deadlines.sorted { $0.due < $1.due }.map(deadline),
                          nextDeadline: Self.nextDeadline(summary).map(deadline), contract: summary.contract)
        })
    }

    static let shape = """
        With --json, prints one object: asOf, negotiations[] in id order, each {id, level, \
        title, employeeSide, employerSide, district, street, step (on asOf, as `bargain status` \
        says: a deadline that passed and moved the negotiation on is applied), version and \
        lastDay (as recorded), workflow {name, version, digest}, deadlines[] {name, due, \
        daysLeft, overdue} (soonest first), nextDeadline (the first of them; absent when none \
        runs), contract {contractID, level, title, signedOn, effectiveOn, expiresOn, \
        terminatedOn, enterprises[], renews} (once an agreement took effect)}.
        """
}
