/// Rules on what the agreement says (SPEC §4; S1 art 38; S2 art 55; S4 arts 7–8; S5 art 22).
enum WageTermRules {
    static func terms(_ c: RuleContext) -> Fields { c.kind == .agreeDraft ? c.fields : (c.state.draft ?? Fields()) }

    /// S4 art 7 and Beijing's "3+N": the core items are stated, and the pay day is a day of the month.
    static func items(_ c: RuleContext) -> RuleVerdict {
        let terms = terms(c)
        let missing = (c.parameters.list("required") ?? []).filter { terms[$0] == nil }
        guard missing.isEmpty else {
            return .violated("the draft does not state \(missing.joined(separator: ", ")); the three core items (adjustment rate, lowest wage, pay day) are required")
        }
        if let payDay = terms.integer("pay-day"), !(1...31).contains(payDay) {
            return .violated("pay day \(payDay) is not a day of the month (1–31)")
        }
        if let lowest = terms.money("lowest-wage"), lowest <= 0 {
            return .violated("the lowest wage must be a positive amount")
        }
        return .holds
    }

    /// S2 art 55: the lowest wage is not below the local minimum wage in force on the effective date.
    static func minimumWage(_ c: RuleContext) -> RuleVerdict {
        guard let lowest = terms(c).money("lowest-wage") else { return .holds }
        let effective = c.expectedEffectiveDay(from: c.day)
        guard let minimum = c.engine.context.minimumWages.monthlyMinimum(on: effective) else {
            return .violated("no minimum wage is known for \(effective); add the notice to the minimum-wage file before deciding")
        }
        guard let amount = minimum.amountFen else {
            return .warning("the monthly minimum wage in force on \(effective) is not known from a notice (\(minimum.source)); the lowest wage \(FieldValue.formatYuan(lowest)) yuan was not checked against it")
        }
        let unverified = minimum.verified ? "" : " (that standard is not verified against its notice: \(minimum.source))"
        guard lowest >= amount else {
            return .violated("the lowest wage \(FieldValue.formatYuan(lowest)) yuan is below the monthly minimum wage of \(FieldValue.formatYuan(amount)) yuan in force on \(effective) (from \(minimum.effectiveFrom))\(unverified)")
        }
        if !minimum.verified {
            return .warning("the lowest wage \(FieldValue.formatYuan(lowest)) yuan was checked against \(FieldValue.formatYuan(amount)) yuan from \(minimum.effectiveFrom)\(unverified)")
        }
        return .holds
    }

    /// S4 art 8: the wage guideline is a reference, not a limit, so a rate outside it is a warning.
    /// A line not known from a notice is said to be unknown, never assumed.
    static func guideline(_ c: RuleContext) -> RuleVerdict {
        guard let rate = terms(c).rate("adjustment-rate") else { return .holds }
        let year = c.expectedEffectiveDay(from: c.day).year
        let shown = FieldValue.formatRate(rate)
        guard let line = c.engine.context.wageGuidelines[year] else {
            return .warning("no \(year) wage guideline is on file; the adjustment rate \(shown) was not compared with one")
        }
        let unverified = line.verified ? "" : " (not verified against the notice: \(line.source))"
        if let lower = line.lowerBP, rate < lower {
            return .warning("the adjustment rate \(shown) is below the \(year) wage guideline's lower line (\(FieldValue.formatRate(lower)))\(unverified)")
        }
        if let upper = line.upperBP, rate > upper {
            return .warning("the adjustment rate \(shown) is above the \(year) wage guideline's upper (warning) line (\(FieldValue.formatRate(upper)))\(unverified)")
        }
        let unknown = [("lower", line.lowerBP), ("upper", line.upperBP)].filter { $0.1 == nil }.map(\.0)
        if !unknown.isEmpty {
            return .warning("the \(year) wage guideline's \(unknown.joined(separator: " and ")) line\(unknown.count == 1 ? " is" : "s are") not known from a notice (\(line.source)); the adjustment rate \(shown) was not compared with \(unknown.count == 1 ? "it" : "them")")
        }
        return .holds
    }

    /// S5 art 22: an enterprise agreement does not undercut the regional or industry one covering it.
    static func notBelowCovering(_ c: RuleContext) -> RuleVerdict {
        guard c.state.opening.level == .enterprise, let lowest = terms(c).money("lowest-wage") else { return .holds }
        let effective = c.expectedEffectiveDay(from: c.day)
        for enterprise in c.state.opening.enterprises {
            for covering in c.engine.context.coveringTerms[enterprise.creditCode] ?? []
            where covering.effectiveOn <= effective && effective <= covering.expiresOn && covering.lowestWageFen > lowest {
                return .violated("the lowest wage \(FieldValue.formatYuan(lowest)) yuan is below the \(FieldValue.formatYuan(covering.lowestWageFen)) yuan of \(covering.level.rawValue) agreement \(covering.contractID), which covers \(enterprise.name) on \(effective)")
            }
        }
        return .holds
    }

    /// S1 art 38: a term of 1 to 3 years (a wage agreement normally 1, S4 art 24).
    static func term(_ c: RuleContext) -> RuleVerdict {
        guard let expires = terms(c).day("expires-on") else { return .holds }
        let start = c.expectedEffectiveDay(from: c.day)
        let minYears = c.parameters.integer("min-years") ?? 1
        let maxYears = c.parameters.integer("max-years") ?? 3
        let earliest = start.adding(years: minYears).adding(days: -1)
        let latest = start.adding(years: maxYears).adding(days: -1)
        guard expires >= earliest, expires <= latest else {
            return .violated("a term from \(start) to \(expires) is outside \(minYears) to \(maxYears) years (it must end between \(earliest) and \(latest))")
        }
        return .holds
    }
}
