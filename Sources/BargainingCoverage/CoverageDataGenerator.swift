import Bargaining

/// Realistic registry and contract data for tests and the benchmark, the same for a given seed
/// on every machine.
///
/// The shape follows what the seeds describe of Beijing districts: Beijing's 16 districts and
/// the Economic-Technological Development Area, streets and towns, the industry sections of
/// GB/T 4754, heavy-tailed enterprise sizes (most under 25 employees, a few thousand-strong),
/// unions founded from 2008 on (some after the as-of date), about 30% chamber members and 3%
/// closures. Enterprises with their own contracts sign for 1–3 years and mostly renew on time;
/// some renew a few days or months late, some never, some terminate early. Most small
/// enterprises without their own contract are listed by a regional (street) or industry contract
/// covering 10–500 enterprises (S5 art 22). Congress sessions accompany each enterprise
/// contract, and some enterprises hold annual sessions.
public struct CoverageDataGenerator: Sendable {
    public var seed: UInt64
    public var enterprises: Int
    /// Contracts run up to a year after this day; a few unions are founded after it.
    public var asOf: Day

    public init(seed: UInt64, enterprises: Int = 10_000, asOf: Day = Day(year: 2025, month: 6, day: 30)!) {
        self.seed = seed
        self.enterprises = enterprises
        self.asOf = asOf
    }

    /// Everything in memory: for tests and small data sets.
    public func dataset() -> CoverageDataset {
        var dataset = CoverageDataset(registry: [], contracts: [], congressSessions: [])
        dataset.registry.reserveCapacity(enterprises)
        generate(enterprise: { dataset.registry.append($0) }, contract: { dataset.contracts.append($0) },
                 session: { dataset.congressSessions.append($0) })
        return dataset
    }

    /// What `writeCSV` wrote, and the congress sessions, which have no file of their own (the CLI
    /// takes them from its congress records).
    public struct Written: Sendable {
        public var enterprises: Int
        public var contracts: Int
        /// Contract–enterprise pairs: one per enterprise contract, many per regional or industry one.
        public var links: Int
        public var registryBytes: Int
        public var contractsBytes: Int
        public var congressSessions: [CoverageCongressSession]
    }

    public struct WriteError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }

        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }
    }

    /// Streams the registry and contracts files that `RegistryCSV` and `ContractsCSV` read into
    /// `registry` and `contracts` (named by `registryPath` and `contractsPath` in errors), holding
    /// no more than a few megabytes of rows at a time: a million enterprises fit in the
    /// benchmark's memory budget only this way.
    public func writeCSV(registry registryFile: inout some ByteSink, named registryPath: String,
                         contracts contractsFile: inout some ByteSink, named contractsPath: String) throws(WriteError) -> Written {
        var registry = CSVWriter()
        var contracts = CSVWriter()
        RegistryCSV.writeHeader(to: &registry)
        ContractsCSV.writeHeader(to: &contracts)
        var written = Written(enterprises: 0, contracts: 0, links: 0, registryBytes: 0, contractsBytes: 0, congressSessions: [])
        var failure: WriteError?
        func flush(_ writer: inout CSVWriter, _ file: inout some ByteSink, _ path: String, _ total: inout Int, force: Bool = false) {
            guard failure == nil, force || writer.bytes.count >= 1 << 22 else { return }
            do { try file.append(writer.bytes) } catch { failure = WriteError(path: path, reason: error.description) }
            total += writer.bytes.count
            writer.removeAll()
        }
        generate(enterprise: {
            RegistryCSV.write($0, to: &registry)
            written.enterprises += 1
            flush(&registry, &registryFile, registryPath, &written.registryBytes)
        }, contract: {
            ContractsCSV.write($0, to: &contracts)
            written.contracts += 1
            written.links += $0.enterprises.count
            flush(&contracts, &contractsFile, contractsPath, &written.contractsBytes)
        }, session: { written.congressSessions.append($0) })
        flush(&registry, &registryFile, registryPath, &written.registryBytes, force: true)
        flush(&contracts, &contractsFile, contractsPath, &written.contractsBytes, force: true)
        if let failure { throw failure }
        return written
    }

    // MARK: The model

    private struct District {
        var name: String
        /// The administrative division code (行政区划代码) in the credit code's characters 3–8.
        var code: String
        var weight: Int
        var urban: Bool
    }

    private static let districts = [
        District(name: "东城区", code: "110101", weight: 4, urban: true),
        District(name: "西城区", code: "110102", weight: 5, urban: true),
        District(name: "朝阳区", code: "110105", weight: 18, urban: true),
        District(name: "丰台区", code: "110106", weight: 8, urban: true),
        District(name: "石景山区", code: "110107", weight: 2, urban: true),
        District(name: "海淀区", code: "110108", weight: 16, urban: true),
        District(name: "门头沟区", code: "110109", weight: 1, urban: false),
        District(name: "房山区", code: "110111", weight: 4, urban: false),
        District(name: "通州区", code: "110112", weight: 7, urban: false),
        District(name: "顺义区", code: "110113", weight: 6, urban: false),
        District(name: "昌平区", code: "110114", weight: 7, urban: false),
        District(name: "大兴区", code: "110115", weight: 7, urban: false),
        District(name: "怀柔区", code: "110116", weight: 2, urban: false),
        District(name: "平谷区", code: "110117", weight: 1, urban: false),
        District(name: "密云区", code: "110118", weight: 2, urban: false),
        District(name: "延庆区", code: "110119", weight: 1, urban: false),
        District(name: "北京经济技术开发区", code: "110115", weight: 5, urban: true),
    ]

    private struct Industry {
        /// The section of GB/T 4754-2017.
        var name: String
        var weight: Int
        /// What enterprise names in it say they do.
        var word: String
    }

    private static let industries = [
        Industry(name: "制造业", weight: 14, word: "制造"),
        Industry(name: "建筑业", weight: 6, word: "建设工程"),
        Industry(name: "批发和零售业", weight: 18, word: "商贸"),
        Industry(name: "交通运输、仓储和邮政业", weight: 5, word: "物流"),
        Industry(name: "住宿和餐饮业", weight: 9, word: "餐饮管理"),
        Industry(name: "信息传输、软件和信息技术服务业", weight: 12, word: "信息技术"),
        Industry(name: "金融业", weight: 3, word: "投资管理"),
        Industry(name: "房地产业", weight: 4, word: "置业"),
        Industry(name: "租赁和商务服务业", weight: 10, word: "企业管理咨询"),
        Industry(name: "科学研究和技术服务业", weight: 8, word: "科技发展"),
        Industry(name: "居民服务、修理和其他服务业", weight: 4, word: "家政服务"),
        Industry(name: "教育", weight: 2, word: "教育科技"),
        Industry(name: "卫生和社会工作", weight: 2, word: "医疗管理"),
        Industry(name: "文化、体育和娱乐业", weight: 2, word: "文化传媒"),
        Industry(name: "电力、热力、燃气及水生产和供应业", weight: 1, word: "能源"),
        Industry(name: "水利、环境和公共设施管理业", weight: 1, word: "环境工程"),
        Industry(name: "农、林、牧、渔业", weight: 1, word: "农业发展"),
    ]

    private static let brandCharacters = Array("华信恒达瑞丰金盛中科天宇博远德润嘉和鼎新汇通铭泰安康永利宏源星辰京能创联")
    private static let streetFirst = Array("东西南北新和安永长光华兴龙金德福康泰丰宁")
    private static let streetSecond = Array("苑桥门庄园城里坊湖河山台营村店")

    /// Streets of each district: distinct names across the city, so grouping by street never
    /// merges two districts' streets.
    private static let streets: [[String]] = {
        var next = 0
        let combinations = streetFirst.count * streetSecond.count
        return districts.enumerated().map { index, district in
            (0..<(4 + district.weight / 2)).map { number in
                let combination = next * 7 % combinations
                next += 1
                let stem = String(streetFirst[combination % streetFirst.count]) + String(streetSecond[combination / streetFirst.count])
                return stem + (district.urban || number % 2 == 0 ? "街道" : "镇")
            }
        }
    }()

    /// Employees by size class (permille of enterprises): heavy-tailed, as registries are.
    private static let sizeClasses: [(range: ClosedRange<Int>, permille: Int)] = [
        (3...9, 400), (10...24, 250), (25...49, 130), (50...99, 90), (100...299, 70), (300...999, 44),
        (1_000...4_999, 13), (5_000...30_000, 3),
    ]

    /// Members of one regional or industry contract.
    private static let seriesSizes: [(range: ClosedRange<Int>, percent: Int)] = [
        (10...30, 50), (31...100, 30), (101...300, 15), (301...500, 5),
    ]

    private static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")

    /// A regional (by street) or industry (by district and industry) contract's future members.
    private struct Bucket {
        var level: Level
        var title: String
        var members: [CreditCode] = []
    }

    // MARK: Generation

    private func generate(enterprise emitEnterprise: (RegistryEnterprise) -> Void,
                          contract emitContract: (CoverageContract) -> Void,
                          session emitSession: (CoverageCongressSession) -> Void) {
        var random = SeededRandom(seed: seed)
        let historyStart = Day(year: 2018, month: 1, day: 1)!
        let horizon = asOf.adding(days: 365)
        let firstUnion = Day(year: 2008, month: 1, day: 1)!
        let firstClosure = Day(year: 2019, month: 1, day: 1)!
        var contractNumber = 0
        func nextID() -> String {
            contractNumber += 1
            let digits = String(contractNumber)
            return "HT" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
        }
        func day(from start: Day, to end: Day) -> Day {
            start.adding(days: random.below(max(1, start.days(until: end) + 1)))
        }

        var buckets: [Bucket] = []
        var regionalBucket: [[Int]] = Self.streets.map { $0.map { _ in -1 } }
        var industryBucket = [[Int]](repeating: [Int](repeating: -1, count: Self.industries.count), count: Self.districts.count)
        let districtWeights = Self.districts.map(\.weight)
        let industryWeights = Self.industries.map(\.weight)
        let sizeWeights = Self.sizeClasses.map(\.permille)
        let codeSpace = 26_439_622_160_671  // 31^9 organisation codes
        let codeOffset = Int(seed % UInt64(codeSpace))

        for index in 0..<enterprises {
            let districtIndex = random.weighted(districtWeights)
            let district = Self.districts[districtIndex]
            let streetIndex = random.below(Self.streets[districtIndex].count)
            let street = Self.streets[districtIndex][streetIndex]
            let industryIndex = random.weighted(industryWeights)
            let industry = Self.industries[industryIndex]
            var organisation = (index * 1_000_003 + codeOffset) % codeSpace
            var characters = [Character](repeating: "0", count: 9)
            for position in (0..<9).reversed() {
                characters[position] = Self.alphabet[organisation % 31]
                organisation /= 31
            }
            let uscc = CreditCode.makeValid(prefix17: "91" + district.code + String(characters))
            let brand = String(random.element(of: Self.brandCharacters)) + String(random.element(of: Self.brandCharacters))
            let name: String
            switch random.below(1_000) {
            case 0..<10: name = "北京\"\(brand)\"\(industry.word)有限公司"
            case 10..<15: name = "北京\(brand)\(industry.word)有限公司,\(street)分公司"
            default: name = "北京\(brand)\(industry.word)有限公司"
            }
            let size = Self.sizeClasses[random.weighted(sizeWeights)].range
            let employees = random.inRange(size)
            let unionised = random.chance(employees >= 25 ? 95 : 80)
            let founded = unionised ? day(from: firstUnion, to: horizon) : nil
            let chamberMember = random.chance(30)
            let closed = random.chance(3) ? day(from: firstClosure, to: horizon) : nil
            let entry = RegistryEnterprise(uscc: uscc, name: name, district: district.name, street: street,
                                           industry: industry.name, employees: employees, unionFoundedOn: founded,
                                           chamberMember: chamberMember, closedOn: closed)
            emitEnterprise(entry)

            if let founded, random.chance(employees >= 100 ? 90 : 52) {
                // The enterprise's own contracts, one after another.
                var effective = max(founded.adding(days: random.inRange(30...540)), historyStart.adding(days: random.below(365)))
                while effective <= horizon {
                    if let closed, closed <= effective { break }
                    let expires = effective.adding(years: random.weighted([40, 25, 35]) + 1).adding(days: -1)
                    var terminated: Day?
                    if let closed, closed <= expires {
                        terminated = closed
                    } else if random.chance(permille: 25) {
                        terminated = day(from: effective.adding(days: 30), to: expires)
                    }
                    let signed = effective.adding(days: -random.inRange(16...45))
                    emitContract(CoverageContract(id: nextID(), level: .enterprise, title: "\(name)\(effective.year)年度工资专项集体合同",
                                                  signedOn: signed, effectiveOn: effective, expiresOn: expires,
                                                  terminatedOn: terminated, enterprises: [uscc]))
                    emitSession(CoverageCongressSession(enterprise: uscc, heldOn: signed.adding(days: -random.inRange(1...7))))
                    if let terminated {
                        guard terminated != closed, random.chance(50) else { break }
                        effective = terminated.adding(days: random.inRange(30...200))
                        continue
                    }
                    guard let next = Self.renewal(after: expires, late: [78, 10, 5, 7], &random) else { break }
                    effective = next
                }
            } else {
                if let founded, random.chance(35) {
                    // Annual congress sessions of an enterprise without its own contract.
                    for year in stride(from: max(founded.year, asOf.year - 2), through: asOf.year, by: 1) {
                        let held = day(from: Day(year: year, month: 1, day: 1)!, to: Day(year: year, month: 12, day: 31)!)
                        if held >= founded && held <= asOf { emitSession(CoverageCongressSession(enterprise: uscc, heldOn: held)) }
                    }
                }
                if random.chance(70) {
                    // Listed by a regional or an industry contract (S5 art 22).
                    if random.chance(60) {
                        if regionalBucket[districtIndex][streetIndex] < 0 {
                            regionalBucket[districtIndex][streetIndex] = buckets.count
                            buckets.append(Bucket(level: .regional, title: "\(district.name)\(street)区域性工资专项集体合同"))
                        }
                        buckets[regionalBucket[districtIndex][streetIndex]].members.append(uscc)
                    } else {
                        if industryBucket[districtIndex][industryIndex] < 0 {
                            industryBucket[districtIndex][industryIndex] = buckets.count
                            buckets.append(Bucket(level: .industry, title: "\(district.name)\(industry.name)行业工资专项集体合同"))
                        }
                        buckets[industryBucket[districtIndex][industryIndex]].members.append(uscc)
                    }
                }
            }
        }

        let seriesWeights = Self.seriesSizes.map(\.percent)
        for bucket in buckets {
            var start = 0
            var part = 0
            while bucket.members.count - start >= 10 {
                var size = random.inRange(Self.seriesSizes[random.weighted(seriesWeights)].range)
                if bucket.members.count - start - size < 10 { size = bucket.members.count - start }
                let members = Array(bucket.members[start..<start + size])
                start += size
                part += 1
                var effective = Day(year: 2016, month: 1, day: 1)!.adding(days: random.below(1_000))
                while effective <= horizon {
                    let expires = effective.adding(years: random.weighted([10, 40, 50]) + 1).adding(days: -1)
                    let terminated = random.chance(permille: 15) ? day(from: effective.adding(days: 60), to: expires) : nil
                    let signed = effective.adding(days: -random.inRange(20...60))
                    let title = "\(bucket.title)（第\(part)片，\(effective.year)—\(expires.year)年）"
                    emitContract(CoverageContract(id: nextID(), level: bucket.level, title: title, signedOn: signed,
                                                  effectiveOn: effective, expiresOn: expires, terminatedOn: terminated,
                                                  enterprises: members))
                    if let terminated {
                        guard random.chance(70) else { break }
                        effective = terminated.adding(days: random.inRange(30...120))
                        continue
                    }
                    guard let next = Self.renewal(after: expires, late: [80, 10, 5, 5], &random) else { break }
                    effective = next
                }
            }
        }
    }

    /// When the next contract takes effect after one expiring on `expires`, with `late`
    /// weighing: on time, 1–20 days late, 21–180 days late, never.
    private static func renewal(after expires: Day, late: [Int], _ random: inout SeededRandom) -> Day? {
        switch random.weighted(late) {
        case 0: expires.adding(days: 1)
        case 1: expires.adding(days: 1 + random.inRange(1...20))
        case 2: expires.adding(days: 1 + random.inRange(21...180))
        default: nil
        }
    }
}
