import Bargaining

/// Computes coverage reports and laggard lists (SPEC §6, issue 5) over a registry, its contracts
/// and its congress sessions.
///
/// Building one indexes everything once: per enterprise, its coverage intervals and session
/// dates as compact arrays of day ordinals, its group as a small integer. Each report is then a
/// single pass over the registry with whole-number counts, well under a second for a million
/// enterprises, so the CLI can answer every grouping and every as-of date from one index.
///
/// ## Topics
/// - ``init(registry:contracts:congressSessions:)``
/// - ``report(policy:asOf:from:to:groupBy:districtFilter:)``
/// - ``report(registry:contracts:congressSessions:policy:asOf:from:to:groupBy:districtFilter:)``
/// - ``laggards(policy:asOf:openRenewals:districtFilter:)``
public struct CoverageCalculator: Sendable {
    public let registry: [RegistryEnterprise]
    public let contracts: [CoverageContract]

    // The index, internal for the per-enterprise questions (CoverageCalculator+Enterprises.swift).
    /// Day ordinals per enterprise; `Int32.max` for "never" (no union, not closed).
    let founded: [Int32]
    let closed: [Int32]
    let employees: [Int]
    let chamber: [Bool]
    /// Each enterprise's position in the sorted keys of its district, place and industry.
    let district: [Int32]
    let street: [Int32]
    let industry: [Int32]
    let districtKeys: [String]
    /// Streets keyed by (district, street), sorted by district then street: the same street name
    /// in two districts is two places (issue 12 item 5).
    let streetKeys: [Place]
    let industryKeys: [String]
    /// Enterprise `i`'s intervals are `intervals[intervalStart[i] ..< intervalStart[i + 1]]`.
    let intervalStart: [Int32]
    let intervals: [CoverageInterval]
    /// Enterprise `i`'s congress session days, the same way.
    let sessionStart: [Int32]
    let sessionDays: [Int32]
    /// Whether any congress session was given at all: without one the congress rate has no data
    /// source and is "no data", not 0%.
    public let congressRecorded: Bool

    /// Credit codes must be unique in `registry` (as `RegistryCSV` and the store keep them).
    /// Contracts and sessions naming enterprises outside the registry are left out: no rate
    /// counts an enterprise the registry does not list. A contract that expires before it takes
    /// effect, or is terminated before it takes effect, covers no day and never falls due.
    public init(registry: [RegistryEnterprise], contracts: [CoverageContract], congressSessions: [CoverageCongressSession] = []) {
        self.registry = registry
        self.contracts = contracts
        let count = registry.count
        var position: [CreditCode: Int32] = [:]
        position.reserveCapacity(count)
        var founded = [Int32](repeating: 0, count: count)
        var closed = [Int32](repeating: 0, count: count)
        var employees = [Int](repeating: 0, count: count)
        var chamber = [Bool](repeating: false, count: count)
        var districts = KeyNumbering(), streets = KeyNumbering(), industries = KeyNumbering()
        var district = [Int32](repeating: 0, count: count)
        var street = [Int32](repeating: 0, count: count)
        var industry = [Int32](repeating: 0, count: count)
        for (index, enterprise) in registry.enumerated() {
            let previous = position.updateValue(Int32(index), forKey: enterprise.uscc)
            precondition(previous == nil, "credit code \(enterprise.uscc) is twice in the registry")
            founded[index] = enterprise.unionFoundedOn?.ordinal ?? .max
            closed[index] = enterprise.closedOn?.ordinal ?? .max
            employees[index] = enterprise.employees
            chamber[index] = enterprise.chamberMember
            district[index] = districts.number(enterprise.district)
            street[index] = streets.number(Place(district: enterprise.district, street: enterprise.street).key)
            industry[index] = industries.number(enterprise.industry)
        }
        (districtKeys, district) = districts.sorted(renumbering: district)
        let placeKeys: [String]
        (placeKeys, street) = streets.sorted(renumbering: street)
        streetKeys = placeKeys.map(Place.init(key:))
        (industryKeys, industry) = industries.sorted(renumbering: industry)
        self.founded = founded
        self.closed = closed
        self.employees = employees
        self.chamber = chamber
        self.district = district
        self.street = street
        self.industry = industry

        // Contract–enterprise pairs, placed by enterprise in two passes: find and count each
        // enterprise's pairs, then place them. Only the enterprise of each pair is kept in
        // between, so a million enterprises are indexed well inside the memory budget.
        var owners: [Int32] = []
        owners.reserveCapacity(contracts.reduce(0) { $0 + $1.enterprises.count })
        for contract in contracts where Self.span(of: contract) != nil {
            for code in contract.enterprises { owners.append(position[code] ?? -1) }
        }
        let intervalStart = Self.offsets(of: owners, count: count)
        var next = intervalStart
        var intervals = [CoverageInterval](repeating: CoverageInterval(start: 0, end: 0, contract: 0, flags: 0),
                                           count: Int(intervalStart[count]))
        var pair = 0
        for (contractIndex, contract) in contracts.enumerated() {
            guard let (start, end, flags) = Self.span(of: contract) else { continue }
            for _ in contract.enterprises {
                let enterprise = Int(owners[pair])
                pair += 1
                guard enterprise >= 0 else { continue }
                intervals[Int(next[enterprise])] = CoverageInterval(start: start, end: end, contract: Int32(contractIndex), flags: flags)
                next[enterprise] += 1
            }
        }
        self.intervalStart = intervalStart
        self.intervals = intervals

        let sessionOwners = congressSessions.map { position[$0.enterprise] ?? -1 }
        let sessionStart = Self.offsets(of: sessionOwners, count: count)
        next = sessionStart
        var sessionDays = [Int32](repeating: 0, count: Int(sessionStart[count]))
        for (session, enterprise) in zip(congressSessions, sessionOwners) where enterprise >= 0 {
            sessionDays[Int(next[Int(enterprise)])] = session.heldOn.ordinal
            next[Int(enterprise)] += 1
        }
        self.sessionStart = sessionStart
        self.sessionDays = sessionDays
        congressRecorded = !congressSessions.isEmpty
    }

    /// The days a contract covers (first, last) and its interval flags; nil when it covers none
    /// (it expires or is terminated before it takes effect).
    private static func span(of contract: CoverageContract) -> (Int32, Int32, UInt8)? {
        let start = contract.effectiveOn.ordinal
        var end = contract.expiresOn.ordinal
        var flags: UInt8 = contract.level == .enterprise ? CoverageInterval.enterpriseLevel : 0
        if let terminated = contract.terminatedOn?.ordinal, terminated <= end {
            end = terminated - 1
        } else {
            flags |= CoverageInterval.fallsDue
        }
        return start <= end ? (start, end, flags) : nil
    }

    /// Where each enterprise's entries start when entries are placed by enterprise: `count + 1`
    /// offsets, from the enterprise of each entry (-1 for none).
    private static func offsets(of owners: [Int32], count: Int) -> [Int32] {
        var start = [Int32](repeating: 0, count: count + 1)
        for owner in owners where owner >= 0 { start[Int(owner) + 1] += 1 }
        for index in 0..<count { start[index + 1] += start[index] }
        return start
    }

    /// Builds the index and reports once, for a caller with a single question.
    public static func report(registry: [RegistryEnterprise], contracts: [CoverageContract],
                              congressSessions: [CoverageCongressSession] = [], policy: Policy, asOf: Day, from: Day? = nil,
                              to: Day? = nil, groupBy: CoverageGrouping = .none, districtFilter: String? = nil) -> CoverageReport {
        CoverageCalculator(registry: registry, contracts: contracts, congressSessions: congressSessions)
            .report(policy: policy, asOf: asOf, from: from, to: to, groupBy: groupBy, districtFilter: districtFilter)
    }

    /// The figures of SPEC §6 as of `asOf` (D), with the renewal period [`from`, `to`] ([A, B]),
    /// by default the year to date of D (``RenewalPeriod``). Any period is computed as given: a
    /// period whose end is before its start is empty (nothing falls due in it), and one ending
    /// after D counts contracts expiring after D as not renewed; front ends check the period with
    /// ``RenewalPeriod`` first, which refuses both.
    ///
    /// - Parameter districtFilter: Only the registry enterprises of this district are in scope,
    ///   total included.
    public func report(policy: Policy, asOf: Day, from: Day? = nil, to: Day? = nil, groupBy: CoverageGrouping = .none,
                       districtFilter: String? = nil) -> CoverageReport {
        let from = from ?? RenewalPeriod.startOfYear(asOf)
        let to = to ?? asOf
        let keys = groupKeys(groupBy)
        var filter: Int32 = -1
        if let districtFilter {
            guard let index = districtKeys.firstIndex(of: districtFilter) else {
                return CoverageReport(asOf: asOf, from: from, to: to, groupBy: groupBy, groups: [],
                                      total: CoverageTally().figures(key: "total", policy: policy, congressRecorded: congressRecorded))
            }
            filter = Int32(index)
        }
        let tallies = tally(groups: keys.count, groupBy: groupBy, filter: filter, policy: policy, asOf: asOf.ordinal,
                            from: from.ordinal, to: to.ordinal)
        var total = CoverageTally()
        var groups: [CoverageFigures] = []
        for (index, tally) in tallies.enumerated() where tally.enterprises > 0 {
            total += tally
            guard groupBy != .none else { continue }
            var figures = tally.figures(key: keys[index], policy: policy, congressRecorded: congressRecorded)
            if groupBy == .street { figures.district = streetKeys[index].district }
            groups.append(figures)
        }
        return CoverageReport(asOf: asOf, from: from, to: to, groupBy: groupBy, groups: groups,
                              total: total.figures(key: "total", policy: policy, congressRecorded: congressRecorded))
    }

    /// The keys of the groups of `groupBy`, in report order; one, "total", for `.none`.
    func groupKeys(_ groupBy: CoverageGrouping) -> [String] {
        switch groupBy {
        case .district: districtKeys
        case .street: streetKeys.map(\.street)
        case .industry: industryKeys
        case .chamber: [CoverageGrouping.memberKey, CoverageGrouping.nonMemberKey]
        case .none: ["total"]
        }
    }

    /// The position of `enterprise`'s group in ``groupKeys(_:)``.
    @inline(__always)
    func group(of enterprise: Int, _ groupBy: CoverageGrouping) -> Int {
        switch groupBy {
        case .district: Int(district[enterprise])
        case .street: Int(street[enterprise])
        case .industry: Int(industry[enterprise])
        case .chamber: chamber[enterprise] ? 0 : 1
        case .none: 0
        }
    }

    /// The single pass: every enterprise in scope adds itself to its group's counts.
    private func tally(groups: Int, groupBy: CoverageGrouping, filter: Int32, policy: Policy, asOf day: Int32, from: Int32,
                       to: Int32) -> [CoverageTally] {
        var tallies = [CoverageTally](repeating: CoverageTally(), count: groups)
        let required = policy.countIndustryAndRegional ? 0 : CoverageInterval.enterpriseLevel
        let grace = Int32(clamping: policy.renewalGraceDays)
        let sessionsSince = Day(ordinal: day).adding(months: -policy.congressLookbackMonths).ordinal
        founded.withUnsafeBufferPointer { founded in
        closed.withUnsafeBufferPointer { closed in
        intervals.withUnsafeBufferPointer { intervals in
        intervalStart.withUnsafeBufferPointer { intervalStart in
        sessionDays.withUnsafeBufferPointer { sessionDays in
        sessionStart.withUnsafeBufferPointer { sessionStart in
            func covered(_ first: Int, _ last: Int, on day: Int32) -> Bool {
                var index = first
                while index < last {
                    if intervals[index].covers(day, required: required) { return true }
                    index += 1
                }
                return false
            }
            for enterprise in 0..<founded.count {
                if filter >= 0 && district[enterprise] != filter { continue }
                let group = self.group(of: enterprise, groupBy)
                tallies[group].enterprises += 1
                let foundedOn = founded[enterprise]
                let closedOn = closed[enterprise]
                let first = Int(intervalStart[enterprise])
                let last = Int(intervalStart[enterprise + 1])
                // U(D): the as-of figures.
                if foundedOn <= day && closedOn > day {
                    let isCovered = covered(first, last, on: day)
                    let isMember = chamber[enterprise]
                    var hasSession = false
                    for index in Int(sessionStart[enterprise])..<Int(sessionStart[enterprise + 1]) {
                        let held = sessionDays[index]
                        if held > sessionsSince && held <= day {
                            hasSession = true
                            break
                        }
                    }
                    let staff = employees[enterprise]
                    tallies[group].unionised += 1
                    tallies[group].employees += staff
                    if isCovered {
                        tallies[group].signed += 1
                        tallies[group].employeesCovered += staff
                    }
                    if isMember {
                        tallies[group].chamberMembers += 1
                        if isCovered { tallies[group].chamberSigned += 1 }
                    }
                    if hasSession { tallies[group].congressEstablished += 1 }
                }
                // U(B): renewals of contracts expiring in [A, B].
                if foundedOn <= to && closedOn > to && first < last {
                    var isDue = false
                    var isRenewed = true
                    let dueFlags = required | CoverageInterval.fallsDue
                    for index in first..<last {
                        let interval = intervals[index]
                        guard interval.flags & dueFlags == dueFlags, interval.end >= from, interval.end <= to else { continue }
                        isDue = true
                        if !covered(first, last, on: interval.end + 1 + grace) {
                            isRenewed = false
                            break
                        }
                    }
                    if isDue {
                        tallies[group].due += 1
                        if isRenewed { tallies[group].renewed += 1 }
                    }
                }
            }
        }}}}}}
        return tallies
    }

    /// Unionised enterprises to remind as of `asOf` (issue 5): those not covered, and those
    /// whose coverage ends within `policy.reminderWindowDays` without a known contract that
    /// would count as its renewal (covered on end + 1 + G, SPEC §6) and without a renewal
    /// negotiation open. Coverage that continues through a renewal is followed to its end.
    /// Sorted by district, street and credit code, the order staff work through them.
    ///
    /// - Parameter openRenewals: Enterprises with a renewal negotiation open; they are not
    ///   reminded of an ending coverage (an enterprise not covered at all still is).
    public func laggards(policy: Policy, asOf: Day, openRenewals: Set<CreditCode> = [],
                         districtFilter: String? = nil) -> [Laggard] {
        let rules = StandingRules(policy: policy, asOf: asOf)
        var filter: Int32 = -1
        if let districtFilter {
            guard let index = districtKeys.firstIndex(of: districtFilter) else { return [] }
            filter = Int32(index)
        }
        // Found first as small records and sorted, then made into laggards once: a quarter of a
        // million laggards, each with its names, are never held twice.
        var found: [(enterprise: Int32, reason: Laggard.Reason, interval: CoverageInterval?)] = []
        for enterprise in 0..<registry.count {
            guard isUnionised(enterprise, on: rules.day) else { continue }
            if filter >= 0 && district[enterprise] != filter { continue }
            if let laggard = standing(enterprise, rules, renewalOpen: { openRenewals.contains(registry[enterprise].uscc) }).laggard {
                found.append((Int32(enterprise), laggard.0, laggard.1))
            }
        }
        // District and street numbers are positions in the sorted names: no string comparisons.
        found.sort {
            let (left, right) = (Int($0.enterprise), Int($1.enterprise))
            return (district[left], street[left], registry[left].uscc) < (district[right], street[right], registry[right].uscc)
        }
        return found.map { laggard(Int($0.enterprise), $0.reason, $0.interval, rules) }
    }
}
