import Bargaining

/// One enterprise's standing on a day, for a street's drill-down (issue 16 item 2): whether it
/// is unionised (in U(D)), the contract covering it and until when, and whether it is a laggard
/// (the same decision as ``CoverageCalculator/laggards(policy:asOf:openRenewals:districtFilter:)``).
public struct EnterpriseCoverage: Sendable, Hashable {
    public var enterprise: RegistryEnterprise
    /// In U(D): union founded on or before D, not closed by D. Only these count in the rates.
    public var unionised: Bool
    /// The contract covering the enterprise on D that runs longest, if any (with the policy's
    /// rule on industry and regional contracts).
    public var contract: CoverageContract?
    /// The last day that contract covers (its expiry, or the day before its termination).
    public var coveredUntil: Day?
    /// Set when the enterprise is a laggard on D.
    public var laggard: Laggard?
}

extension CoverageCalculator {
    /// The policy's figures for the standing of enterprises on one day, as day ordinals.
    struct StandingRules {
        var day: Int32
        var required: UInt8
        var grace: Int32
        var windowEnd: Int32

        init(policy: Policy, asOf: Day) {
            day = asOf.ordinal
            required = policy.countIndustryAndRegional ? 0 : CoverageInterval.enterpriseLevel
            grace = Int32(clamping: policy.renewalGraceDays)
            windowEnd = day + Int32(clamping: policy.reminderWindowDays)
        }
    }

    func isUnionised(_ enterprise: Int, on day: Int32) -> Bool {
        founded[enterprise] <= day && closed[enterprise] > day
    }

    /// The latest-ending interval of `enterprise` covering `day`, if any.
    private func latest(_ enterprise: Int, covering day: Int32, required: UInt8) -> CoverageInterval? {
        var best: CoverageInterval?
        for index in Int(intervalStart[enterprise])..<Int(intervalStart[enterprise + 1]) where intervals[index].covers(day, required: required) {
            if best == nil || intervals[index].end > best!.end { best = intervals[index] }
        }
        return best
    }

    /// A unionised enterprise's coverage on the rules' day and its laggard reason: not covered
    /// (with the interval that covered it last, if any), or covered by intervals that all end
    /// within the reminder window with none following after the grace, unless `renewalOpen`.
    /// Coverage that continues through a renewal is followed to its end.
    func standing(_ enterprise: Int, _ rules: StandingRules, renewalOpen: () -> Bool)
        -> (covering: CoverageInterval?, laggard: (Laggard.Reason, CoverageInterval?)?) {
        guard let covering = latest(enterprise, covering: rules.day, required: rules.required) else {
            // Not covered: every interval that started by D ended before it.
            var previous: CoverageInterval?
            for index in Int(intervalStart[enterprise])..<Int(intervalStart[enterprise + 1])
            where intervals[index].flags & rules.required == rules.required && intervals[index].start <= rules.day {
                if previous == nil || intervals[index].end > previous!.end { previous = intervals[index] }
            }
            return (nil, (.notCovered, previous))
        }
        var current = covering
        while current.end <= rules.windowEnd {
            guard let next = latest(enterprise, covering: current.end + 1 + rules.grace, required: rules.required) else {
                return (covering, renewalOpen() ? nil : (.coverageEnding, current))
            }
            current = next
        }
        return (covering, nil)
    }

    func laggard(_ enterprise: Int, _ reason: Laggard.Reason, _ interval: CoverageInterval?, _ rules: StandingRules) -> Laggard {
        let entry = registry[enterprise]
        return Laggard(enterprise: entry.uscc, name: entry.name, district: entry.district, street: entry.street,
                       industry: entry.industry, employees: entry.employees, unionFoundedOn: entry.unionFoundedOn!,
                       reason: reason, coverageEnd: interval.map { Day(ordinal: $0.end) },
                       contractID: interval.map { contracts[Int($0.contract)].id },
                       renewalDueBy: reason == .coverageEnding ? interval.map { Day(ordinal: $0.end + 1 + rules.grace) } : nil)
    }

    /// The registry enterprises of one street (a place: the same street name in two districts is
    /// two streets) with their standing as of `asOf`, by credit code; empty for a street the
    /// registry does not hold.
    ///
    /// - Parameter openRenewals: Enterprises with a renewal negotiation open (see ``laggards(policy:asOf:openRenewals:districtFilter:)``).
    public func enterprises(district: String, street: String, policy: Policy, asOf: Day, openRenewals: Set<CreditCode> = [])
        -> [EnterpriseCoverage] {
        guard let place = streetKeys.firstIndex(of: Place(district: district, street: street)) else { return [] }
        let rules = StandingRules(policy: policy, asOf: asOf)
        var found: [EnterpriseCoverage] = []
        for enterprise in 0..<registry.count where self.street[enterprise] == Int32(place) {
            guard isUnionised(enterprise, on: rules.day) else {
                found.append(EnterpriseCoverage(enterprise: registry[enterprise], unionised: false))
                continue
            }
            let (covering, laggard) = standing(enterprise, rules, renewalOpen: { openRenewals.contains(registry[enterprise].uscc) })
            found.append(EnterpriseCoverage(
                enterprise: registry[enterprise], unionised: true, contract: covering.map { contracts[Int($0.contract)] },
                coveredUntil: covering.map { Day(ordinal: $0.end) },
                laggard: laggard.map { self.laggard(enterprise, $0.0, $0.1, rules) }))
        }
        return found.sorted { $0.enterprise.uscc < $1.enterprise.uscc }
    }
}
