import Bargaining
import BargainingCoverage
import BargainingFiles
import Foundation
import Testing

/// SPEC §6 written out naively, enterprise by enterprise and contract by contract, to check the
/// indexed calculator on generated data.
private struct Reference {
    let dataset: CoverageDataset
    let policy: Policy

    func isUnionised(_ enterprise: RegistryEnterprise, on day: Day) -> Bool {
        guard let founded = enterprise.unionFoundedOn, founded <= day else { return false }
        return enterprise.closedOn.map { $0 > day } ?? true
    }

    func counts(_ contract: CoverageContract) -> Bool {
        contract.level == .enterprise || policy.countIndustryAndRegional
    }

    func covered(_ code: CreditCode, on day: Day, by contracts: [CoverageContract]) -> Bool {
        contracts.contains { contract in
            counts(contract) && contract.effectiveOn <= day && day <= contract.expiresOn
                && (contract.terminatedOn.map { $0 > day } ?? true)
        }
    }

    func figures(_ enterprises: [RegistryEnterprise], byEnterprise: [CreditCode: [CoverageContract]],
                 sessions: [CreditCode: [Day]], asOf: Day, from: Day, to: Day) -> [Int] {
        var unionised = 0, signed = 0, employees = 0, employeesCovered = 0, due = 0, renewed = 0
        var chamberMembers = 0, chamberSigned = 0, congress = 0
        let since = asOf.adding(months: -policy.congressLookbackMonths)
        for enterprise in enterprises {
            let contracts = byEnterprise[enterprise.uscc] ?? []
            if isUnionised(enterprise, on: asOf) {
                let isCovered = covered(enterprise.uscc, on: asOf, by: contracts)
                unionised += 1
                employees += enterprise.employees
                if isCovered { signed += 1; employeesCovered += enterprise.employees }
                if enterprise.chamberMember { chamberMembers += 1; if isCovered { chamberSigned += 1 } }
                if (sessions[enterprise.uscc] ?? []).contains(where: { $0 > since && $0 <= asOf }) { congress += 1 }
            }
            if isUnionised(enterprise, on: to) {
                let falling = contracts.filter { contract in
                    counts(contract) && from <= contract.expiresOn && contract.expiresOn <= to
                        && (contract.terminatedOn.map { $0 > contract.expiresOn } ?? true)
                        && contract.effectiveOn <= contract.expiresOn
                }
                if !falling.isEmpty {
                    due += 1
                    let allRenewed = falling.allSatisfy { contract in
                        covered(enterprise.uscc, on: contract.expiresOn.adding(days: 1 + policy.renewalGraceDays),
                                by: contracts.filter { $0 != contract })
                    }
                    if allRenewed { renewed += 1 }
                }
            }
        }
        return [unionised, signed, employees, employeesCovered, due, renewed, chamberMembers, chamberSigned, congress]
    }
}

@Suite("Generated data: deterministic, realistic, and the calculator agrees with SPEC §6 computed naively")
struct GeneratorTests {
    @Test("The same seed gives the same data; another seed gives other data")
    func deterministic() {
        let first = CoverageDataGenerator(seed: 42, enterprises: 300).dataset()
        #expect(first == CoverageDataGenerator(seed: 42, enterprises: 300).dataset())
        #expect(first != CoverageDataGenerator(seed: 43, enterprises: 300).dataset())
    }

    @Test("The data has what the statistics must handle: regional, industry, terminated and late contracts, closures, late unions")
    func realistic() {
        let generator = CoverageDataGenerator(seed: 1, enterprises: 5_000)
        let dataset = generator.dataset()
        let registry = dataset.registry
        #expect(Set(registry.map(\.uscc)).count == registry.count)
        let unionised = registry.filter { $0.unionFoundedOn != nil }.count
        #expect((3_900...4_600).contains(unionised))
        #expect(registry.contains { $0.unionFoundedOn.map { $0 > generator.asOf } ?? false })
        let closed = registry.filter { $0.closedOn != nil }.count
        #expect((80...250).contains(closed))
        let chamber = registry.filter(\.chamberMember).count
        #expect((1_300...1_700).contains(chamber))
        #expect(registry.contains { $0.employees >= 1_000 } && registry.filter { $0.employees < 25 }.count > 2_500)
        #expect(Set(registry.map(\.district)).count == 17)
        let multi = dataset.contracts.filter { $0.level != .enterprise }
        #expect(multi.contains { $0.level == .regional } && multi.contains { $0.level == .industry })
        #expect(multi.allSatisfy { (10...500).contains($0.enterprises.count) })
        #expect(dataset.contracts.contains { $0.terminatedOn != nil })
        #expect(dataset.contracts.allSatisfy { $0.effectiveOn <= $0.expiresOn })
        #expect(Set(dataset.contracts.map(\.id)).count == dataset.contracts.count)
        #expect(registry.contains { $0.name.contains("\"") } && registry.contains { $0.name.contains(",") })
        // Renewals a few days late: a contract of the same enterprise starting 2–21 days after another expired.
        var byEnterprise: [CreditCode: [CoverageContract]] = [:]
        for contract in dataset.contracts where contract.level == .enterprise { byEnterprise[contract.enterprises[0], default: []].append(contract) }
        let late = byEnterprise.values.contains { contracts in
            zip(contracts, contracts.dropFirst()).contains { (2...21).contains($0.expiresOn.days(until: $1.effectiveOn)) }
        }
        #expect(late)
        #expect(!dataset.congressSessions.isEmpty)
    }

    @Test("The calculator's figures equal a naive computation of SPEC §6, for every grouping, several dates and policies")
    func agreesWithNaiveComputation() throws {
        let dataset = CoverageDataGenerator(seed: 2025, enterprises: 2_500).dataset()
        let calculator = CoverageCalculator(registry: dataset.registry, contracts: dataset.contracts,
                                            congressSessions: dataset.congressSessions)
        var byEnterprise: [CreditCode: [CoverageContract]] = [:]
        for contract in dataset.contracts {
            for code in contract.enterprises { byEnterprise[code, default: []].append(contract) }
        }
        var sessions: [CreditCode: [Day]] = [:]
        for session in dataset.congressSessions { sessions[session.enterprise, default: []].append(session.heldOn) }
        for policy in [try policy(), try policy(countIndustryAndRegional: false, grace: 30, lookbackMonths: 6)] {
            let reference = Reference(dataset: dataset, policy: policy)
            for asOf in ["2021-03-15", "2024-12-31", "2025-06-30"].map(day) {
                let from = Day(year: asOf.year, month: 1, day: 1)!, to = asOf  // the year to date
                for grouping in CoverageGrouping.allCases {
                    let report = calculator.report(policy: policy, asOf: asOf, groupBy: grouping)
                    let key: (RegistryEnterprise) -> String = switch grouping {
                    case .district: \.district
                    case .street: { $0.district + "\u{0}" + $0.street }  // places are (district, street)
                    case .industry: \.industry
                    case .chamber: { $0.chamberMember ? "member" : "non-member" }
                    case .none: { _ in "total" }
                    }
                    let groups = Dictionary(grouping: dataset.registry, by: key)
                    func groupKey(_ figures: CoverageFigures) -> String { figures.district.map { $0 + "\u{0}" + figures.key } ?? figures.key }
                    if grouping != .none { #expect(report.groups.map(groupKey) == groups.keys.sorted()) }
                    for figures in report.groups + [report.total] {
                        let members = figures.key == "total" ? dataset.registry : groups[groupKey(figures)] ?? []
                        let expected = reference.figures(members, byEnterprise: byEnterprise, sessions: sessions, asOf: asOf, from: from, to: to)
                        let actual = [figures.unionised, figures.signed, figures.employees, figures.employeesCovered, figures.due,
                                      figures.renewed, figures.chamberMembers, figures.chamberSigned, figures.congressEstablished]
                        #expect(actual == expected, "\(asOf) \(grouping) \(figures.key)")
                    }
                }
            }
        }
    }

    @Test("Written CSV files import back to the generated data, and the sessions come with them")
    func writeCSV() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("coverage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let generator = CoverageDataGenerator(seed: 9, enterprises: 800)
        let registryPath = directory.appendingPathComponent("registry.csv").path
        let contractsPath = directory.appendingPathComponent("contracts.csv").path
        let written = try generator.writeCSV(registryTo: registryPath, contractsTo: contractsPath)
        let dataset = generator.dataset()
        #expect(written.enterprises == dataset.registry.count)
        #expect(written.contracts == dataset.contracts.count)
        #expect(written.links == dataset.contracts.map(\.enterprises.count).reduce(0, +))
        #expect(written.congressSessions == dataset.congressSessions)
        let registry = try RegistryCSV.read(contentsOf: registryPath).rows
        #expect(registry == dataset.registry)
        let contracts = try ContractsCSV.read(contentsOf: contractsPath, knownEnterprises: registry.map(\.uscc)).rows
        #expect(contracts == dataset.contracts)
        let size = try FileManager.default.attributesOfItem(atPath: registryPath)[.size] as? Int
        #expect(size == written.registryBytes)
    }
}
