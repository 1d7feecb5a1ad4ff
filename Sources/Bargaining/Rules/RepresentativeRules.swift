/// Rules on who sits at the table (SPEC §2; S1 arts 19–24, 31, 33–34, 37).
enum RepresentativeRules {
    /// The delegation an appointment proposes.
    static func proposed(_ c: RuleContext) -> Delegation {
        Delegation(chief: c.fields.text("chief") ?? "", members: c.fields.list("members"), experts: c.fields.list("experts"))
    }

    static func side(_ c: RuleContext) -> Side { c.actor.role.side ?? .employee }

    /// S1 art 19: at least 3 per side; [policy] some localities cap a side at 10.
    static func size(_ c: RuleContext) -> RuleVerdict {
        let count = proposed(c).count
        let side = side(c)
        if let min = c.parameters.integer("min"), count < min {
            return .violated("the \(side.rawValue) side names \(count) representative\(count == 1 ? "" : "s"); each side needs at least \(min)")
        }
        if let max = c.parameters.integer("max"), count > max {
            return .violated("the \(side.rawValue) side names \(count) representatives; this workflow allows at most \(max) per side")
        }
        return .holds
    }

    /// S1 art 19: equal numbers on both sides.
    static func parity(_ c: RuleContext) -> RuleVerdict {
        let side = side(c)
        guard let other = c.state.delegation(of: side.other) else { return .holds }
        let count = proposed(c).count
        guard count == other.count else {
            return .violated("the \(side.other.rawValue) side has \(other.count) representatives; the \(side.rawValue) side must have the same number, not \(count)")
        }
        return .holds
    }

    /// S1 art 23: the chief representative is never an outsider.
    static func chiefNotExternal(_ c: RuleContext) -> RuleVerdict {
        let delegation = proposed(c)
        guard !delegation.experts.contains(where: { $0.isSameText(as: delegation.chief) }) else {
            return .violated("the chief representative \(delegation.chief) is listed as an outside expert; the chief is never an outsider")
        }
        return .holds
    }

    /// S1 art 23: outside experts at most a third of the side.
    static func expertsShare(_ c: RuleContext) -> RuleVerdict {
        let delegation = proposed(c)
        guard let share = c.parameters.fraction("max") else { return .holds }
        let allowed = share.maximumCount(of: delegation.count)
        guard delegation.experts.count <= allowed else {
            return .violated("\(delegation.experts.count) outside experts among \(delegation.count) representatives; at most \(share) of the side (\(allowed)) may be outsiders")
        }
        return .holds
    }

    /// S1 art 24: nobody sits on both sides (nor twice on one). Delegations are small, so pairwise
    /// comparison is cheaper than hashing every name.
    static func noDualSeat(_ c: RuleContext) -> RuleVerdict {
        let names = proposed(c).everyone
        for (index, name) in names.enumerated() where names[..<index].contains(where: { $0.isSameText(as: name) }) {
            return .violated("\(name) is named twice on the \(side(c).rawValue) side")
        }
        if let other = c.state.delegation(of: side(c).other), names.contains(where: other.includes) {
            let both = names.filter(other.includes)
            return .violated("\(both.joined(separator: ", ")) already represent\(both.count == 1 ? "s" : "") the \(side(c).other.rawValue) side; nobody may represent both sides")
        }
        return .holds
    }

    /// S1 art 33: the recorder is not a representative.
    static func recorderNotRepresentative(_ c: RuleContext) -> RuleVerdict {
        guard let recorder = c.fields.text("recorder") else { return .holds }
        for side in [Side.employee, .employer] {
            if let delegation = c.state.delegation(of: side), delegation.includes(recorder) {
                return .violated("the recorder \(recorder) is a representative of the \(side.rawValue) side; the recorder must be someone else")
            }
        }
        return .holds
    }

    /// S1 arts 34, 37: only the chief representative signs for a side.
    static func chiefRepresentative(_ c: RuleContext) -> RuleVerdict {
        let side = side(c)
        guard let delegation = c.state.delegation(of: side) else {
            return .violated("the \(side.rawValue) side has no appointed representatives, so no chief representative to sign")
        }
        guard c.actor.name.isSameText(as: delegation.chief) else {
            let who = c.actor.name.isEmpty ? "an unnamed actor" : c.actor.name
            return .violated("\(who) is not the \(side.rawValue) side's chief representative; \(delegation.chief) signs for that side (give --as \(side.role.rawValue):\(delegation.chief))")
        }
        return .holds
    }

    /// S1 art 31: a reported seat is filled by someone not already at the table.
    static func vacancyKnown(_ c: RuleContext) -> RuleVerdict {
        let side = side(c)
        let name = c.fields.text("name") ?? ""
        switch c.kind {
        case .reportVacancy:
            guard c.state.delegation(of: side)?.includes(name) == true else {
                return .violated("\(name) is not a representative of the \(side.rawValue) side")
            }
        case .fillVacancy:
            guard c.state.vacancies.contains(where: { $0.isSameText(as: name) }) else {
                return .violated("no vacancy was reported for \(name); vacancies: \(c.state.vacancies.isEmpty ? "none" : c.state.vacancies.joined(separator: ", "))")
            }
            let replacement = c.fields.text("replacement") ?? ""
            if c.state.delegations.employee?.includes(replacement) == true || c.state.delegations.employer?.includes(replacement) == true {
                return .violated("\(replacement) already sits at the table")
            }
        default:
            break
        }
        return .holds
    }

    /// S1 art 20; S2 art 51: where there is no union, the employee side's representatives are
    /// elected by more than half of all employees. Judged when the election is stated.
    static func employeeElection(_ c: RuleContext) -> RuleVerdict {
        let elected = c.fields.integer("elected-by"), employees = c.fields.integer("employees")
        guard elected != nil || employees != nil else { return .holds }
        guard c.actor.role.side == .employee else {
            return .violated("elected-by and employees describe an election by the employees; the employer side does not give them")
        }
        guard let elected, let employees, employees > 0, elected <= employees else {
            return .violated("give both elected-by and employees (votes for the representatives, and all employees), with no more votes than employees")
        }
        let needed = employees / 2 + 1
        return elected >= needed ? .holds
            : .violated("\(elected) of \(employees) employees elected the representatives; more than half is \(needed)")
    }

    /// S1 art 21: the employer side's chief is the legal representative, or a manager he
    /// authorised in writing. Judged when the legal representative is named.
    static func employerDelegate(_ c: RuleContext) -> RuleVerdict {
        guard c.actor.role.side == .employer, let legal = c.fields.text("legal-representative"),
              let chief = c.fields.text("chief"), !chief.isSameText(as: legal) else { return .holds }
        return c.fields.flag("authorised-in-writing") == true ? .holds
            : .violated("\(chief) is not the legal representative (\(legal)); the chief needs the legal representative's written authorisation (authorised-in-writing=yes)")
    }

    /// S4 art 20: the employer signs a wage agreement and seals it.
    static func wageAgreementSeal(_ c: RuleContext) -> RuleVerdict {
        guard c.actor.role.side == .employer, c.fields.flag("sealed") != true else { return .holds }
        return .violated("a wage agreement bears the enterprise's seal as well as the chief's signature; record the signature once it is sealed (sealed=yes)")
    }
}
