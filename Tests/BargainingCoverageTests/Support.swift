import Bargaining
import BargainingFiles
import BargainingCoverage
import Foundation
import TestSupport

/// `Day("…")!` for literals the test itself writes.
func day(_ text: String) -> Day {
    guard let day = Day(text) else { preconditionFailure("test literal \(text) is not a date") }
    return day
}

/// A valid credit code numbered `n`, in 朝阳区's division code.
func code(_ n: Int) -> CreditCode {
    let digits = String(n)
    return CreditCode.makeValid(prefix17: "91110105" + String(repeating: "0", count: 9 - digits.count) + digits)
}

func enterprise(_ n: Int, district: String = "朝阳区", street: String = "建外街道", industry: String = "制造业",
                employees: Int = 10, union: String? = "2018-01-01", chamber: Bool = false, closed: String? = nil) -> RegistryEnterprise {
    RegistryEnterprise(uscc: code(n), name: "企业\(n)", district: district, street: street, industry: industry,
                       employees: employees, unionFoundedOn: union.map(day), chamberMember: chamber, closedOn: closed.map(day))
}

func contract(_ id: String, _ effective: String, _ expires: String, level: Level = .enterprise, terminated: String? = nil,
              covering enterprises: [Int]) -> CoverageContract {
    CoverageContract(id: id, level: level, title: "合同\(id)", signedOn: nil, effectiveOn: day(effective),
                     expiresOn: day(expires), terminatedOn: terminated.map(day), enterprises: enterprises.map(code))
}

/// A policy with the Beijing ladder's shape and the given choices; targets as written in YAML.
func policy(signing: String = "90%", renewal: String = "90%", chamber: String = "85%", countIndustryAndRegional: Bool = true,
            grace: Int = 0, lookbackMonths: Int = 12, windowDays: Int = 90) throws -> Policy {
    try PolicyLoader.load(yaml: """
        policy: test
        title: 测试
        targets:
          signing: \(signing)
          renewal: \(renewal)
          chamber: \(chamber)
        coverage:
          count-industry-and-regional: \(countIndustryAndRegional)
          renewal-grace-days: \(grace)
          congress-lookback-months: \(lookbackMonths)
        reminders:
          window-days: \(windowDays)
        escalation-ladder:
          - rung: interview
            title: 约谈企业 (interview with the employer)
            within: 10 working-days
            article: S5 art 21
          - rung: reminder-letter
            title: 特别提示函 (special reminder letter)
            within: 15 days
            article: S5 art 21
          - rung: rectification
            title: 整改意见书 (rectification opinion)
            within: 15 days
            article: S5 art 55
        """, file: "test-policy.yaml")
}

/// The policy file that ships, found from this file's path (Tests/BargainingCoverageTests/X.swift).
func beijingPolicy() throws -> Policy {
    try PolicyLoader.load(contentsOf: Repository.workflow("policy/beijing.yaml"))
}

/// The total figures of a report over `registry` and `contracts`.
func total(_ registry: [RegistryEnterprise], _ contracts: [CoverageContract], sessions: [CoverageCongressSession] = [],
           policy: Policy, asOf: String, from: String? = nil, to: String? = nil) -> CoverageFigures {
    CoverageCalculator.report(registry: registry, contracts: contracts, congressSessions: sessions, policy: policy,
                              asOf: day(asOf), from: from.map(day), to: to.map(day)).total
}

func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
