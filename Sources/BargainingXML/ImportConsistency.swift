import Bargaining

/// The facts an imported document states must be facts the law allows together: a schema-valid
/// document can still claim 100 votes for with 52 present, or "rejected" for a vote that passed.
/// Each check names the element and the numbers; the rules are the core's, never re-encoded.
extension ElementReader {
    /// S1 art 36 recomputed: counts a session can have had (``CongressVote/impossibleCounts``),
    /// and the outcome the core's congress rule gives for them (``CongressVote/decide``).
    /// The Chinese explanation beside the engine's must be the one the numbers give.
    func checkVote(total: Int, present: Int, votesFor: Int, against: Int, abstain: Int,
                   outcome: CongressVote.Outcome, rule: CongressRule, ruleElement: ElementReader) throws(ImportError) {
        if let impossible = CongressVote.impossibleCounts(total: total, present: present, for: votesFor, against: against,
                                                          abstain: abstain) {
            throw fail("\(impossible) (\(rule.article))")
        }
        let (recomputed, explanation) = CongressVote(total: total, present: present, votesFor: votesFor)
            .decide(attendance: rule.attendance, approval: rule.approval)
        guard recomputed == outcome else {
            throw fail("outcome is '\(outcome.rawValue)', but the rule it states gives '\(recomputed.rawValue)': \(explanation) (\(rule.article))")
        }
        let english = try ContractXML.englishExplanation(ruleElement)
        let chinese = rule.chineseExplanation(total: total, present: present, votesFor: votesFor)
        for other in ruleElement.children("explanation") where other.path != english.path && other.text != chinese {
            throw other.fail("'\(other.text)' is not what the numbers give: \(chinese)")
        }
    }

    /// `earlier` may not come after `later`: signed ≤ filed ≤ effective ≤ expiry, convened ≤ held.
    func checkOrder(_ earlier: (name: String, day: Day), before later: (name: String, day: Day)) throws(ImportError) {
        guard earlier.day <= later.day else {
            throw fail("\(later.name) \(later.day) is before \(earlier.name) \(earlier.day)")
        }
    }
}

extension FiledContract {
    /// Signed ≤ filed ≤ effective ≤ expiry, and a stated start not after the expiry: the dates of
    /// a contract's life in the order the procedure allows (S1 arts 37, 42, 47). The signatures
    /// are those of the terms filed last (terms refiled after an objection are signed again), so
    /// it is the last filing that follows them; filings follow one another.
    func checkDates(_ root: ElementReader) throws(ImportError) {
        let filingElements = try root.child("filings").children("filing")
        for (index, element) in filingElements.enumerated().dropFirst() {
            try element.checkOrder(("the previous filing on", filings[index - 1].filedOn), before: ("filed on", filings[index].filedOn))
        }
        if let signedOn, let lastFiling = filings.last, let element = filingElements.last {
            try element.checkOrder(("signed on", signedOn), before: ("filed on", lastFiling.filedOn))
        }
        if let effectiveOn {
            if let lastFiling = filings.last {
                try root.checkOrder(("filed on", lastFiling.filedOn), before: ("effectiveOn", effectiveOn))
            }
            try root.checkOrder(("effectiveOn", effectiveOn), before: ("expiresOn", expiresOn))
        }
        if let startsOn {
            try root.child("term").checkOrder(("startsOn", startsOn), before: ("expiresOn", expiresOn))
        }
    }
}
