import Bargaining
import BargainingCoverage
import Testing

@Suite("Historical contracts CSV import (issue 5)")
struct ContractsCSVTests {
    static let header = "contract_id,level,title,signed_on,effective_on,expires_on,terminated_on,enterprises\n"
    static let known = (1...5).map(code)

    @Test("English header: levels, optional dates, codes separated by ;")
    func english() throws {
        let text = Self.header
            + "HT1,enterprise,企业1合同,2024-12-10,2025-01-01,2025-12-31,,\(code(1))\n"
            + "HT2,regional,\"建外街道区域性合同, 2025\",,2025-01-01,2027-12-31,2026-06-30,\(code(2));\(code(3)) ; \(code(4));\n"
        let rows = try ContractsCSV.read(bytes(text), file: "c.csv", knownEnterprises: Self.known).rows
        #expect(rows == [
            CoverageContract(id: "HT1", level: .enterprise, title: "企业1合同", signedOn: day("2024-12-10"), effectiveOn: day("2025-01-01"),
                             expiresOn: day("2025-12-31"), terminatedOn: nil, enterprises: [code(1)]),
            CoverageContract(id: "HT2", level: .regional, title: "建外街道区域性合同, 2025", signedOn: nil, effectiveOn: day("2025-01-01"),
                             expiresOn: day("2027-12-31"), terminatedOn: day("2026-06-30"), enterprises: [code(2), code(3), code(4)]),
        ])
    }

    @Test("Chinese headers (合同编号, 层级, 合同名称, 生效日期, 到期日期, 覆盖企业), Chinese levels, the full-width ；, optional columns left out")
    func chinese() throws {
        let text = "\u{FEFF}覆盖企业,合同编号,层级,合同名称,生效日期,到期日期\r\n"
            + "\(code(1))；\(code(2)),HY-1,行业性,行业合同,2025-01-01,2027-12-31\r\n"
            + "\(code(3)),QY-1,企业,企业合同,2025-01-01,2025-12-31\r\n"
            + "\(code(4));\(code(5)),QY-2,区域性,区域合同,2025-01-01,2025-12-31\r\n"
        let rows = try ContractsCSV.read(bytes(text), file: "合同.csv", knownEnterprises: Self.known).rows
        #expect(rows.map(\.level) == [.industry, .enterprise, .regional])
        #expect(rows[0].enterprises == [code(1), code(2)])
        #expect(rows.allSatisfy { $0.signedOn == nil && $0.terminatedOn == nil })
    }

    @Test("Each bad row is reported with line and column: unknown enterprise, bad code, expiry before effect, duplicate id, level")
    func badRows() throws {
        let badCode = String(code(1).description.dropLast()) + (code(1).description.last == "0" ? "1" : "0")
        let text = Self.header
            + "A,enterprise,t,,2025-01-01,2025-12-31,,\(code(9))\n"                    // 2: not in the registry
            + "B,regional,t,,2025-01-01,2025-12-31,,\(code(1));\(badCode)\n"           // 3: bad check character
            + "C,enterprise,t,,2025-01-01,2024-12-31,,\(code(1))\n"                    // 4: expires before effect
            + "D,enterprise,t,,2025-01-01,2025-12-31,,\(code(1))\n"                    // 5: fine
            + "D,enterprise,t,,2025-01-01,2025-12-31,,\(code(2))\n"                    // 6: duplicate id
            + "E,national,t,,2025-01-01,2025-12-31,,\(code(1))\n"                      // 7: level
            + "F,enterprise,t,,2025-01-01,2025-12-31,,\(code(1));\(code(2))\n"         // 8: two enterprises
            + "G,industry,t,,2025-01-01,2025-12-31,,\(code(1));\(code(2));\(code(1))\n" // 9: listed twice
            + "H,industry,t,,2025-02-30,2025-12-31,,\(code(1))\n"                      // 10: no such date
            + "I,industry,t,,2025-01-01,2025-12-31,,\n"                                // 11: no enterprise
        let failure = try #require(#expect(throws: CSVImportFailure.self) {
            try ContractsCSV.read(bytes(text), file: "c.csv", knownEnterprises: Self.known)
        })
        let errors = failure.errors
        #expect(errors.map(\.line) == [2, 3, 4, 6, 7, 8, 9, 10, 11])
        #expect(errors.map(\.column) == [8, 8, 6, 1, 2, 8, 8, 5, 8])
        #expect(errors[0].reason == .unknownEnterprise(code(9)))
        guard case .badCreditCode(badCode, .checkCharacterMismatch) = errors[1].reason else { Issue.record("\(errors[1])"); return }
        #expect(errors[2].reason == .expiresBeforeEffective(effective: day("2025-01-01"), expires: day("2024-12-31")))
        #expect(errors[3].reason == .duplicateContractID("D", firstLine: 5))
        #expect(errors[4].reason == .unknownLevel("national"))
        #expect(errors[5].reason == .enterpriseContractNeedsOneEnterprise(found: 2))
        #expect(errors[6].reason == .enterpriseListedTwice(code(1)))
        #expect(errors[7].reason == .badDate("2025-02-30"))
        #expect(errors[8].reason == .emptyValue)
        #expect(errors[0].description == "c.csv:2: column 8 (enterprises): enterprise \(code(9)) is not in the registry; import it first")
    }

    @Test("Issue 12 item 6: a regional or industry contract listing enterprises not in the registry is read with all of them, and they are named")
    func unregisteredEnterprises() throws {
        let text = Self.header
            + "R,regional,t,,2025-01-01,2025-12-31,,\(code(9));\(code(1));\(code(8))\n"
            + "I,industry,t,,2025-01-01,2025-12-31,,\(code(9))\n"
            + "E,enterprise,t,,2025-01-01,2025-12-31,,\(code(2))\n"
        let rows = try ContractsCSV.read(bytes(text), file: "c.csv", knownEnterprises: Self.known).rows
        #expect(rows.map(\.enterprises) == [[code(1), code(9), code(8)], [code(9)], [code(2)]], "registered first, then the others as listed")
        let named = UnregisteredEnterprises.find(in: rows, registry: Set(Self.known))
        #expect(named == [UnregisteredEnterprises(contractID: "R", codes: [code(9), code(8)]),
                          UnregisteredEnterprises(contractID: "I", codes: [code(9)])])
        #expect(named[0].warning.hasPrefix("warning: contract R lists 2 enterprises not in the registry (\(code(9)), \(code(8))); imported with them"))
        // The same unknown code twice is listed twice, as a known one would be
        let twice = Self.header + "R,regional,t,,2025-01-01,2025-12-31,,\(code(9));\(code(9))\n"
        let failure = try #require(#expect(throws: CSVImportFailure.self) {
            try ContractsCSV.read(bytes(twice), file: "c.csv", knownEnterprises: Self.known)
        })
        #expect(failure.errors.map(\.reason) == [.enterpriseListedTwice(code(9))])
    }

    @Test("Issue 12 item 8: the contract's own dates are checked, each refusal with its line, its column and the rule")
    func contractDates() throws {
        let text = Self.header
            + "A,enterprise,t,2025-01-02,2025-01-01,2025-12-31,,\(code(1))\n"      // 2: signed after effect
            + "B,enterprise,t,,2025-01-01,2025-12-31,2024-12-31,\(code(1))\n"     // 3: terminated before effect
            + "C,enterprise,t,,2025-01-01,2028-01-01,,\(code(1))\n"               // 4: one day over 3 years
            + "D,enterprise,t,,2025-01-01,2024-06-30,,\(code(1))\n"               // 5: expiry before effect
            + "E,enterprise,t,2025-01-01,2025-01-01,2027-12-31,2025-01-01,\(code(1))\n" // 6: every limit exactly: fine
        let failure = try #require(#expect(throws: CSVImportFailure.self) {
            try ContractsCSV.read(bytes(text), file: "c.csv", knownEnterprises: Self.known)
        })
        #expect(failure.errors.map(\.line) == [2, 3, 4, 5])
        #expect(failure.errors.map(\.column) == [4, 7, 6, 6])
        #expect(failure.errors.map(\.reason) == [
            .signedAfterEffective(signed: day("2025-01-02"), effective: day("2025-01-01")),
            .terminatedBeforeEffective(effective: day("2025-01-01"), terminated: day("2024-12-31")),
            .termOverMaximum(effective: day("2025-01-01"), expires: day("2028-01-01"), latest: day("2027-12-31")),
            .expiresBeforeEffective(effective: day("2025-01-01"), expires: day("2024-06-30")),
        ])
        #expect(failure.errors[0].description
            == "c.csv:2: column 4 (signed_on): signed on 2025-01-02, after it takes effect on 2025-01-01; a contract takes effect after it is signed")
        #expect(failure.errors[1].description == "c.csv:3: column 7 (terminated_on): terminated on 2024-12-31, before it takes effect on 2025-01-01")
        #expect(failure.errors[2].description
            == "c.csv:4: column 6 (expires_on): a term from 2025-01-01 to 2028-01-01 is over 3 years (S1 art 38: it ends by 2027-12-31 at the latest)")
        let good = try ContractsCSV.read(bytes(Self.header + "E,enterprise,t,2025-01-01,2025-01-01,2027-12-31,2025-01-01,\(code(1))\n"),
                                         file: "c.csv", knownEnterprises: Self.known)
        #expect(good.rows.map(\.id) == ["E"], "signed, in effect and terminated on one day, a term of exactly 3 years: accepted")
    }

    @Test("Skip-invalid keeps the good contracts and sets the others aside")
    func skipInvalid() throws {
        let text = Self.header
            + "A,enterprise,t,,2025-01-01,2025-12-31,,\(code(9))\n"
            + "B,enterprise,t,,2025-01-01,2025-12-31,,\(code(1))\n"
        let imported = try ContractsCSV.read(bytes(text), file: "c.csv", knownEnterprises: Self.known, mode: .skipInvalid)
        #expect(imported.rows.map(\.id) == ["B"])
        #expect(imported.rejected.map(\.line) == [2])
    }

    @Test("Write and read back: the files the generator and exports write are the files the import reads")
    func roundTrip() throws {
        let dataset = CoverageDataGenerator(seed: 7, enterprises: 400).dataset()
        let registry = try RegistryCSV.read(RegistryCSV.write(dataset.registry), file: "r.csv").rows
        #expect(registry == dataset.registry)
        let contracts = try ContractsCSV.read(ContractsCSV.write(dataset.contracts), file: "c.csv",
                                              knownEnterprises: registry.map(\.uscc)).rows
        #expect(contracts == dataset.contracts)
    }
}
