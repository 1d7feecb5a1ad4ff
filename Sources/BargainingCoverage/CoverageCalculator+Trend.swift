import Bargaining

extension CoverageCalculator {
    /// The figures of SPEC §6 as of each of `dates`, the renewal period of each the year to its
    /// date (``RenewalPeriod``): a trend, equal point for point to ``report(policy:asOf:from:to:groupBy:districtFilter:)``
    /// as of each date, in one pass over the enterprises rather than one report per date.
    ///
    /// Each enterprise turns each of its facts into the run of dates it holds on, found by binary
    /// search in the sorted dates: unionised from the first date on or after the union's founding
    /// to the last before its closing; covered, for each interval, from the first date on or
    /// after its start to the last on or before its end; a congress session, while it is in a
    /// date's look-back; a renewal due, for the dates whose year to date holds its expiry. The
    /// runs of one kind are merged (two contracts covering the same date count once), clipped
    /// to the unionised run, and added to per-group difference arrays, whose running sums are
    /// the counts at every date. Cost: O((enterprises + intervals + sessions) · log dates).
    ///
    /// - Parameter dates: Strictly ascending (``TrendSchedule`` makes such dates).
    public func trend(policy: Policy, dates: [Day], groupBy: CoverageGrouping = .none, districtFilter: String? = nil) -> CoverageTrend {
        precondition(zip(dates, dates.dropFirst()).allSatisfy { $0 < $1 }, "trend dates must be strictly ascending")
        let keys = groupKeys(groupBy)
        var filter: Int32 = -1
        if let districtFilter {
            guard let index = districtKeys.firstIndex(of: districtFilter) else {
                return CoverageTrend(groupBy: groupBy, points: dates.map {
                    report(policy: policy, asOf: $0, groupBy: groupBy, districtFilter: districtFilter)
                })
            }
            filter = Int32(index)
        }
        var sweep = TrendSweep(dates: dates, groups: keys.count, policy: policy)
        for enterprise in 0..<registry.count {
            if filter >= 0 && district[enterprise] != filter { continue }
            sweep.add(enterprise, group: group(of: enterprise, groupBy), calculator: self)
        }
        let tallies = sweep.tallies()
        let points = dates.enumerated().map { position, asOf in
            var total = CoverageTally()
            var groups: [CoverageFigures] = []
            for group in keys.indices where sweep.enterprises[group] > 0 {
                let tally = tallies[group * dates.count + position]
                total += tally
                guard groupBy != .none else { continue }
                var figures = tally.figures(key: keys[group], policy: policy, congressRecorded: congressRecorded)
                if groupBy == .street { figures.district = streetKeys[group].district }
                groups.append(figures)
            }
            return CoverageReport(asOf: asOf, from: RenewalPeriod.startOfYear(asOf), to: asOf, groupBy: groupBy, groups: groups,
                                  total: total.figures(key: "total", policy: policy, congressRecorded: congressRecorded))
        }
        return CoverageTrend(groupBy: groupBy, points: points)
    }

    /// Builds the index and takes the trend once: what a caller holding the data set calls.
    public static func trend(_ dataset: CoverageDataset, policy: Policy, dates: [Day], groupBy: CoverageGrouping = .none,
                             districtFilter: String? = nil) -> CoverageTrend {
        CoverageCalculator(registry: dataset.registry, contracts: dataset.contracts, congressSessions: dataset.congressSessions)
            .trend(policy: policy, dates: dates, groupBy: groupBy, districtFilter: districtFilter)
    }
}

/// The difference arrays of a trend and the per-enterprise work that fills them.
private struct TrendSweep {
    /// The counters of ``CoverageTally`` but `enterprises`, which does not depend on the date.
    enum Counter: Int, CaseIterable {
        case unionised, signed, employees, employeesCovered, due, renewed, chamberMembers, chamberSigned, congressEstablished
    }

    let dates: [Int32]
    /// For each date, the day a congress session must come after to count on it.
    let sessionsAfter: [Int32]
    let required: UInt8
    let grace: Int32
    /// Registry enterprises per group, whatever the date: a group exists when it has any.
    var enterprises: [Int]
    /// `(group · (dates + 1) + date) · counters + counter`: +n where a run starts, −n after it ends.
    var differences: [Int]
    /// Runs of dates `[start, end)`, reused for every enterprise.
    private var runs: [(start: Int, end: Int)] = []
    /// Runs of renewals not made, kept while the due runs are merged.
    private var stale: [(start: Int, end: Int)] = []
    private var merged: [(start: Int, end: Int)] = []

    init(dates: [Day], groups: Int, policy: Policy) {
        self.dates = dates.map(\.ordinal)
        sessionsAfter = dates.map { $0.adding(months: -policy.congressLookbackMonths).ordinal }
        required = policy.countIndustryAndRegional ? 0 : CoverageInterval.enterpriseLevel
        grace = Int32(clamping: policy.renewalGraceDays)
        enterprises = [Int](repeating: 0, count: groups)
        differences = [Int](repeating: 0, count: groups * (dates.count + 1) * Counter.allCases.count)
    }

    /// The first date on or after `day` (`dates.count` when none is).
    private func first(onOrAfter day: Int32, in days: [Int32]) -> Int {
        var (low, high) = (0, days.count)
        while low < high {
            let middle = (low + high) / 2
            if days[middle] < day { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private mutating func add(_ counter: Counter, group: Int, from start: Int, to end: Int, amount: Int) {
        guard start < end else { return }
        let base = group * (dates.count + 1)
        differences[(base + start) * Counter.allCases.count + counter.rawValue] += amount
        differences[(base + end) * Counter.allCases.count + counter.rawValue] -= amount
    }

    /// Clips `runs` to `[low, high)` and merges those that touch into `merged`; empties `runs`.
    private mutating func merge(within low: Int, _ high: Int) {
        merged.removeAll(keepingCapacity: true)
        for index in runs.indices {
            runs[index] = (max(runs[index].start, low), min(runs[index].end, high))
        }
        runs.sort { $0.start < $1.start }
        for run in runs where run.start < run.end {
            if let last = merged.last, run.start <= last.end {
                merged[merged.count - 1].end = max(last.end, run.end)
            } else {
                merged.append(run)
            }
        }
        runs.removeAll(keepingCapacity: true)
    }

    mutating func add(_ enterprise: Int, group: Int, calculator: CoverageCalculator) {
        enterprises[group] += 1
        // U(D): founded on or before D, not closed on or before D.
        let low = first(onOrAfter: calculator.founded[enterprise], in: dates)
        let high = first(onOrAfter: calculator.closed[enterprise], in: dates)
        guard low < high else { return }
        let staff = calculator.employees[enterprise]
        let member = calculator.chamber[enterprise]
        add(.unionised, group: group, from: low, to: high, amount: 1)
        add(.employees, group: group, from: low, to: high, amount: staff)
        if member { add(.chamberMembers, group: group, from: low, to: high, amount: 1) }

        let intervals = Int(calculator.intervalStart[enterprise])..<Int(calculator.intervalStart[enterprise + 1])
        func covered(on day: Int32) -> Bool {
            intervals.contains { calculator.intervals[$0].covers(day, required: required) }
        }
        // Signed: covered on D.
        for index in intervals where calculator.intervals[index].flags & required == required {
            let interval = calculator.intervals[index]
            runs.append((first(onOrAfter: interval.start, in: dates), first(onOrAfter: interval.end + 1, in: dates)))
        }
        merge(within: low, high)
        for run in merged {
            add(.signed, group: group, from: run.start, to: run.end, amount: 1)
            add(.employeesCovered, group: group, from: run.start, to: run.end, amount: staff)
            if member { add(.chamberSigned, group: group, from: run.start, to: run.end, amount: 1) }
        }

        // Renewal: a contract falling due on day E counts on the dates D with 1 January of D's
        // year ≤ E ≤ D; it is renewed when the enterprise is covered on E + 1 + G.
        let dueFlags = required | CoverageInterval.fallsDue
        for index in intervals where calculator.intervals[index].flags & dueFlags == dueFlags {
            let end = calculator.intervals[index].end
            let endOfYear = Day(year: Day(ordinal: end).year + 1, month: 1, day: 1)!.ordinal
            let run = (first(onOrAfter: end, in: dates), first(onOrAfter: endOfYear, in: dates))
            runs.append(run)
            if !covered(on: end + 1 + grace) { stale.append(run) }
        }
        merge(within: low, high)
        for run in merged {
            add(.due, group: group, from: run.start, to: run.end, amount: 1)
            add(.renewed, group: group, from: run.start, to: run.end, amount: 1)
        }
        swap(&runs, &stale)
        merge(within: low, high)
        for run in merged { add(.renewed, group: group, from: run.start, to: run.end, amount: -1) }

        // Congress: a session held on H counts on the dates D with D − look-back < H ≤ D.
        for index in Int(calculator.sessionStart[enterprise])..<Int(calculator.sessionStart[enterprise + 1]) {
            let held = calculator.sessionDays[index]
            runs.append((first(onOrAfter: held, in: dates), first(onOrAfter: held, in: sessionsAfter)))
        }
        merge(within: low, high)
        for run in merged { add(.congressEstablished, group: group, from: run.start, to: run.end, amount: 1) }
    }

    /// The counts at every date: `[group · dates + date]`.
    func tallies() -> [CoverageTally] {
        let counters = Counter.allCases.count
        var tallies: [CoverageTally] = []
        tallies.reserveCapacity(enterprises.count * dates.count)
        for group in enterprises.indices {
            var running = [Int](repeating: 0, count: counters)
            for date in dates.indices {
                let offset = (group * (dates.count + 1) + date) * counters
                for counter in 0..<counters { running[counter] += differences[offset + counter] }
                tallies.append(CoverageTally(
                    enterprises: enterprises[group], unionised: running[Counter.unionised.rawValue], signed: running[Counter.signed.rawValue],
                    employees: running[Counter.employees.rawValue], employeesCovered: running[Counter.employeesCovered.rawValue],
                    due: running[Counter.due.rawValue], renewed: running[Counter.renewed.rawValue],
                    chamberMembers: running[Counter.chamberMembers.rawValue], chamberSigned: running[Counter.chamberSigned.rawValue],
                    congressEstablished: running[Counter.congressEstablished.rawValue]))
            }
        }
        return tallies
    }
}
