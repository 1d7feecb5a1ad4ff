/// Rules on notice, refusal, filing and renewal (S1 arts 32, 38, 42; S4 art 24; S5 arts 21, 55).
enum ProcedureRules {
    /// S1 art 32: the side that received the notice replies.
    static func replyingSide(_ c: RuleContext) -> RuleVerdict {
        guard let from = c.state.noticeFrom, let side = c.actor.role.side, side == from else { return .holds }
        return .violated("the notice came from the \(from.rawValue) side; the reply is the \(from.other.rawValue) side's to give")
    }

    /// S5 arts 21, 55 [policy: rungs and order]: the next rung only, and only once the employer's
    /// time to answer the previous rung has run out.
    static func escalationLadder(_ c: RuleContext) -> RuleVerdict {
        let ladder = c.engine.context.policy.escalationLadder
        let taken = c.state.escalations.count
        guard taken < ladder.count else {
            return .violated("every rung of the \(c.engine.context.policy.name) escalation ladder has been taken (\(c.state.escalations.joined(separator: " → ")))")
        }
        let next = ladder[taken]
        let asked = c.fields.text("rung") ?? ""
        guard asked == next.rung else {
            return .violated("the next rung is '\(next.rung)' (\(next.title)), not '\(asked)'; the ladder is \(ladder.map(\.rung).joined(separator: " → "))")
        }
        if let running = c.state.deadlines.first(where: { $0.name == "escalation-rung" }), c.day <= running.due {
            let previous = ladder[taken - 1]
            return .violated("the employer has until \(running.due) to answer the \(previous.rung) (\(previous.title)); '\(next.rung)' may be taken from \(running.due.adding(days: 1))")
        }
        return .holds
    }

    /// S1 art 42: three copies (一式三份).
    static func filingCopies(_ c: RuleContext) -> RuleVerdict {
        let copies = c.fields.integer("copies") ?? 0
        let required = c.parameters.integer("copies") ?? 3
        return copies >= required ? .holds : .violated("\(copies) cop\(copies == 1 ? "y" : "ies") filed; \(required) are required")
    }

    /// S1 art 38 (3 months) / S4 art 24 (60 days): renewal is asked for in the window before expiry.
    static func renewalWindow(_ c: RuleContext) -> RuleVerdict {
        guard let expires = c.state.expiresOn else {
            return .violated("the agreement has no expiry date on record, so there is no renewal window")
        }
        let opens = c.parameters.integer("months").map { expires.adding(months: -$0) }
            ?? expires.adding(days: -(c.parameters.integer("days") ?? 0))
        guard c.day >= opens, c.day <= expires else {
            return .violated("renewal may be asked for from \(opens) to the expiry on \(expires); \(c.day) is outside that window")
        }
        return .holds
    }

    /// S4 art 17 [policy: the share]: a written request of at least a fifth of the employees
    /// obliges the union to send the notice. Judged on the request (the counts must be possible)
    /// and on a withdrawal by the union side while that obligation stands.
    static func employeeRequest(_ c: RuleContext) -> RuleVerdict {
        let share = c.parameters.fraction("share") ?? Fraction(numerator: 1, denominator: 5)!
        if c.kind == .employeesRequest {
            let asking = c.fields.integer("asking") ?? 0, employees = c.fields.integer("employees") ?? 0
            guard employees > 0, asking > 0, asking <= employees else {
                return .violated("\(asking) of \(employees) employees cannot have asked: give at least one, and no more than all employees")
            }
            let needed = share.minimumCount(of: employees)
            return asking >= needed ? .holds
                : .warning("\(asking) of \(employees) employees asked, fewer than \(share) (\(needed)): the union may send the notice but is not obliged to")
        }
        guard c.actor.role == .employeeSide, c.state.noticeFrom == nil, let request = c.state.employeesRequest,
              request.asking >= share.minimumCount(of: request.employees) else { return .holds }
        return .violated("\(request.asking) of \(request.employees) employees asked for negotiation on \(request.on) (at least \(share) is \(share.minimumCount(of: request.employees))): the union must send the written notice, not withdraw")
    }

    /// The early ends of a contract S1 art 40 allows, named as a workflow file and the archive
    /// write them; termination by agreement goes through the same procedure as a new contract
    /// (S1 art 41), so it needs the workers' congress's approval.
    static let terminationGrounds = ["agreement", "merger", "dissolution", "bankruptcy", "force-majeure", "agreed-condition", "amended"]

    /// S1 arts 39–41: a contract ends early by agreement through the same procedure, when its
    /// amendment (negotiated by that procedure, `request-amendment`) replaces it, or on one of
    /// the events the law names.
    static func terminationGround(_ c: RuleContext) -> RuleVerdict {
        let ground = c.fields.text("ground") ?? ""
        guard terminationGrounds.contains(ground) else {
            return .violated("'\(ground)' is not a ground to end a contract early; the law allows: \(terminationGrounds.joined(separator: ", "))")
        }
        if ground == "agreement" {
            guard let approved = c.fields.day("congress-approved-on") else {
                return .violated("ending the contract by agreement follows the procedure of a new contract: give congress-approved-on, the day the workers' congress approved it")
            }
            if approved > c.day { return .violated("the congress approval on \(approved) is after this act on \(c.day)") }
        }
        if ground == "amended", c.state.amendment == nil {
            return .violated("no amendment of this contract was proposed: `request-amendment` opens one, and this contract ends as amended once that one is in effect")
        }
        return .holds
    }
}
