import Bargaining

extension CongressRecord {
    /// One record per congress session held on the negotiation's drafts, in order.
    ///
    /// Each record is built from the events up to its session and carries that session's event
    /// hash, so later events never change an exported record.
    public static func records(of history: NegotiationHistory) throws(ExportError) -> [CongressRecord] {
        let opening = history.state.opening
        let sessions = history.state.congressSessions
        let held = history.events.filter { $0.event.action == .holdCongress }
        guard held.count == sessions.count else {
            throw .history(reason: "negotiation \(opening.id) records \(held.count) congress events but folds to \(sessions.count) sessions")
        }
        if sessions.isEmpty { return [] }
        guard let voteRule = history.workflow.action(.holdCongress)?.guards.first(where: { $0.rule == .congressVote }),
              case .fraction(let attendance)? = voteRule.parameters["attendance"],
              case .text(let approval)? = voteRule.parameters["approval"]
        else {
            throw .incomplete(negotiation: opening.id, reason: "workflow \(history.workflow.name) has no congress-vote rule with attendance and approval, so the sessions' rule cannot be stated")
        }
        let enterprises = opening.enterprises
            .sorted { $0.creditCode < $1.creditCode }
            .map { Enterprise(creditCode: $0.creditCode, name: $0.name) }
        let events = history.events.map(\.event)

        return zip(sessions, held).enumerated().map { index, pair in
            let (session, chained) = pair
            let convened = events.last { $0.action == .conveneCongress && $0.sequence < chained.event.sequence }
            let rule = CongressRule(article: RuleID.congressVote.article, attendance: attendance, approval: approval,
                                    explanation: session.explanation)
            return CongressRecord(
                recordID: recordID(negotiation: opening.id, session: index + 1), negotiationID: opening.id,
                sessionNumber: index + 1, level: opening.level, enterprises: enterprises, body: session.body,
                heldOn: session.on, convenedBy: convened?.actor ?? chained.event.actor, convenedOn: convened?.on,
                itemsDeliveredOn: convened?.fields.day("items-delivered-on"), recorder: session.recorder,
                total: session.total, present: session.present, managers: session.managers,
                quorum: attendance.minimumCount(of: session.total),
                items: [AgendaItem(title: "审议《\(opening.title)》工资专项集体合同草案", votesFor: session.votesFor,
                                   against: session.against, abstain: session.abstain, outcome: session.outcome, rule: rule)],
                provenance: Provenance(eventSequence: chained.event.sequence, eventHash: chained.hash))
        }
    }

    /// The session as the filed contract summarises it (its first item's vote).
    var summary: CongressVoteSummary {
        let item = items[0]
        return CongressVoteSummary(
            recordID: recordID, heldOn: heldOn, body: body, total: total, present: present, quorum: quorum,
            managers: managers, votesFor: item.votesFor, against: item.against, abstain: item.abstain,
            outcome: item.outcome, rule: item.rule)
    }
}
