import Bargaining
import BargainingCoverage
import Testing

/// Issue 13 item 2: a trend is the single-date report at each of its dates, computed in one pass.
struct TrendTests {
    @Test("Every point of a trend is the report as of its date, for every grouping, policy and district", arguments: [7, 2025, 90210])
    func pointsAreReports(seed: UInt64) throws {
        let dataset = CoverageDataGenerator(seed: seed, enterprises: 1_200).dataset()
        let calculator = CoverageCalculator(registry: dataset.registry, contracts: dataset.contracts,
                                            congressSessions: dataset.congressSessions)
        // A month-end run, a quarter run from a mid-month day (which clamps at short months),
        // and a year run whose last date is off the step.
        let start = Day(year: 2012, month: 1, day: 1)!.adding(days: Int(seed % 1_500))
        let schedules = [
            try TrendSchedule(from: day("2015-12-31"), to: day("2026-06-30"), every: .month),
            try TrendSchedule(from: start, to: start.adding(days: 2_000), every: .quarter),
            try TrendSchedule(from: day("2009-02-28"), to: day("2026-03-31"), every: .year),
        ]
        let policies = [try policy(), try policy(countIndustryAndRegional: false, grace: 30, lookbackMonths: 6)]
        var changes = 0
        for policy in policies {
            for schedule in schedules {
                for grouping in CoverageGrouping.allCases {
                    let trend = calculator.trend(policy: policy, dates: schedule.dates, groupBy: grouping)
                    #expect(trend.dates == schedule.dates)
                    for (point, asOf) in zip(trend.points, schedule.dates) {
                        let report = calculator.report(policy: policy, asOf: asOf, groupBy: grouping)
                        #expect(point == report, "\(grouping) as of \(asOf)")
                    }
                    changes += Set(trend.points.map(\.total.signed)).count + Set(trend.points.map(\.total.renewed)).count
                        + Set(trend.points.map(\.total.congressEstablished)).count
                }
                let district = dataset.registry[Int(seed) % dataset.registry.count].district
                let scoped = CoverageCalculator.trend(dataset, policy: policy, dates: schedule.dates, groupBy: .street,
                                                      districtFilter: district)
                for (point, asOf) in zip(scoped.points, schedule.dates) {
                    #expect(point == calculator.report(policy: policy, asOf: asOf, groupBy: .street, districtFilter: district))
                }
            }
        }
        // The figures move over the years: a trend of constants would pass the comparison idly.
        #expect(changes > 200)
    }

    @Test("A hand-made enterprise's signing, renewal and congress at each month-end")
    func handComputed() throws {
        let registry = [enterprise(1, union: "2020-03-15"), enterprise(2, union: "2020-01-01", closed: "2020-06-01")]
        let contracts = [contract("A", "2020-02-01", "2020-03-31", covering: [1]),
                         contract("B", "2020-04-01", "2020-12-31", covering: [1]),
                         contract("C", "2020-01-01", "2020-02-29", covering: [2]),
                         contract("D", "2020-04-15", "2020-12-31", covering: [2])]
        let sessions = [CoverageCongressSession(enterprise: code(1), heldOn: day("2020-04-10"))]
        let dataset = CoverageDataset(registry: registry, contracts: contracts, congressSessions: sessions)
        let dates = try TrendSchedule(from: day("2020-01-31"), to: day("2020-06-30"), every: .month).dates
        let trend = CoverageCalculator.trend(dataset, policy: try policy(lookbackMonths: 1), dates: dates)
        let total = trend.points.map(\.total)
        // Enterprise 2 is unionised January to May; enterprise 1 from 15 March.
        #expect(total.map(\.unionised) == [1, 1, 2, 2, 2, 1])
        // 2 is covered by C in January and February, by D from 15 April; 1 by A on 31 March,
        // by B from April.
        #expect(total.map(\.signed) == [1, 1, 1, 2, 2, 1])
        // C falls due on 02-29 and is not renewed (2 is not covered on 03-01: D comes later);
        // A falls due on 03-31 and is renewed by B. The year to date holds both from March; 2
        // leaves in June.
        #expect(total.map(\.due) == [0, 1, 2, 2, 2, 1])
        #expect(total.map(\.renewed) == [0, 0, 1, 1, 1, 1])
        // The session of 04-10 is in the one-month look-back of 04-30 only.
        #expect(total.map(\.congressEstablished) == [0, 0, 0, 1, 0, 0])
    }

    @Test("Dates every month stay on months' last days; the last date is always --to")
    func schedule() throws {
        let months = try TrendSchedule(from: day("2015-12-31"), to: day("2016-04-15"), every: .month).dates
        #expect(months == ["2015-12-31", "2016-01-31", "2016-02-29", "2016-03-31", "2016-04-15"].map(day))
        let quarters = try TrendSchedule(from: day("2015-11-30"), to: day("2016-05-31"), every: .quarter).dates
        #expect(quarters == ["2015-11-30", "2016-02-29", "2016-05-31"].map(day))
        let mid = try TrendSchedule(from: day("2016-01-30"), to: day("2016-03-30"), every: .month).dates
        #expect(mid == ["2016-01-30", "2016-02-29", "2016-03-30"].map(day))
        let years = try TrendSchedule(from: day("2015-12-31"), to: day("2026-06-30"), every: .year).dates
        #expect(years.count == 12 && years[10] == day("2025-12-31") && years[11] == day("2026-06-30"))
        #expect(try TrendSchedule(from: day("2015-12-31"), to: day("2026-06-30"), every: .month).dates.count == 127)
    }

    @Test("A range running backwards, a single day and too many dates are refused with the flag to change")
    func refusals() throws {
        #expect(throws: TrendSchedule.Refusal.self) { try TrendSchedule(from: day("2026-01-01"), to: day("2025-01-01"), every: .month) }
        let messages = [
            (day("2026-01-01"), day("2025-01-01"), TrendSchedule.Every.month),
            (day("2025-01-01"), day("2025-01-01"), .year),
            (day("1990-01-01"), day("2025-12-31"), .month),
        ].map { from, to, every in
            do throws(TrendSchedule.Refusal) {
                _ = try TrendSchedule(from: from, to: to, every: every)
                return ""
            } catch {
                return error.description
            }
        }
        #expect(messages[0].hasPrefix("--from 2026-01-01 is after --to 2025-01-01"))
        #expect(messages[1].contains("the same day") && messages[1].contains("bargain coverage --as-of 2025-01-01"))
        #expect(messages[2].contains("gives 433 dates") && messages[2].contains("at most \(TrendSchedule.maximumPoints)")
                && messages[2].contains("--every"))
        #expect(try TrendSchedule(from: day("1992-01-01"), to: day("2025-04-01"), every: .month).dates.count == TrendSchedule.maximumPoints)
    }
}
