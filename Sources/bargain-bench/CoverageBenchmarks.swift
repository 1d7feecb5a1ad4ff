import Bargaining
import BargainingFiles
import BargainingCoverage
import Foundation

/// Issue 5's benchmark, measured in one run: generate a district of 1,000,000 enterprises and
/// about 1,500,000 contracts, write them as CSV, import both files, build the index, report by
/// every grouping, list the laggards, read the peak memory; then load the same files into
/// `sqlite3` and time one SQL query computing the signing rate by district, the baseline the
/// report is compared with (goals: report < 1 s, ≤ 1.5× the query, peak < 1 GB); and a monthly
/// ten-year trend against one report (issue 13 item 2: under 2 s). The query's
/// figures are checked against the report's, so the comparison is of equal answers.
enum CoverageBenchmarks {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func run(quick: Bool) throws {
        let enterprises = quick ? 50_000 : 1_000_000
        let asOf = Day(year: 2025, month: 6, day: 30)!
        guard let workflows = WorkflowDirectory.locate() else { throw Failure(description: "cannot find workflows/") }
        let policy = try PolicyLoader.load(contentsOf: workflows + "/policy/beijing.yaml")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bargain-coverage-bench-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let registryPath = directory.appendingPathComponent("registry.csv").path
        let contractsPath = directory.appendingPathComponent("contracts.csv").path

        var written: CoverageDataGenerator.Written?
        let generation = try timed {
            written = try CoverageDataGenerator(seed: 2025, enterprises: enterprises, asOf: asOf)
                .writeCSV(registryTo: registryPath, contractsTo: contractsPath)
        }
        guard let written else { return }
        print("coverage.generate  \(written.enterprises.formatted()) enterprises, \(written.contracts.formatted()) contracts "
              + "(\(written.links.formatted()) contract–enterprise links), \(written.congressSessions.count.formatted()) congress sessions: "
              + "\(generation); registry.csv \(written.registryBytes / 1_000_000) MB, contracts.csv \(written.contractsBytes / 1_000_000) MB; "
              + memory())

        var registry: [RegistryEnterprise] = []
        let registryImport = try timed { registry = try RegistryCSV.read(contentsOf: registryPath).rows }
        print("coverage.import    registry: \(registry.count.formatted()) rows in \(registryImport) "
              + "(\(rate(registry.count, registryImport))); " + memory())
        var contracts: [CoverageContract] = []
        let contractsImport = try timed {
            contracts = try ContractsCSV.read(contentsOf: contractsPath, knownEnterprises: registry.map(\.uscc)).rows
        }
        print("coverage.import    contracts: \(contracts.count.formatted()) rows in \(contractsImport) "
              + "(\(rate(contracts.count, contractsImport))); " + memory())

        var calculator: CoverageCalculator?
        let indexing = timed {
            calculator = CoverageCalculator(registry: registry, contracts: contracts, congressSessions: written.congressSessions)
        }
        guard let calculator else { return }
        print("coverage.index     built once in \(indexing); " + memory())

        var byDistrict: CoverageReport?
        var districtTime = Timing(wall: 0, cpu: 0)
        for grouping in CoverageGrouping.allCases {
            var report: CoverageReport?
            let time = timed(repetitions: 5) {
                report = calculator.report(policy: policy, asOf: asOf, groupBy: grouping)
            }
            if grouping == .district { byDistrict = report; districtTime = time }
            let total = report!.total
            print("coverage.report by \(grouping.rawValue): \(time) (\(report!.groups.count) groups; signing "
                  + "\(total.signed.formatted())/\(total.unionised.formatted()), renewal \(total.renewed.formatted())/\(total.due.formatted()))")
        }
        try trend(calculator, policy: policy, asOf: asOf)
        var laggards: [Laggard] = []
        let laggardTime = timed(repetitions: 3) {
            laggards = []
            laggards = calculator.laggards(policy: policy, asOf: asOf)
        }
        print("coverage.laggards  \(laggards.count.formatted()) as of \(asOf): \(laggardTime)")
        print("coverage.memory    peak (VmHWM) \(memoryMB("VmHWM:")) MB for the whole run (goal < 1,024 MB)")

        guard let sqlite = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3"].first(where: FileManager.default.isExecutableFile) else {
            print("coverage.sqlite3   sqlite3 not found (apt-get install -y sqlite3): no baseline")
            return
        }
        let database = directory.appendingPathComponent("coverage.sqlite").path
        let loading = try timed {
            _ = try runSQLite(sqlite, database: database, script: """
                .mode csv
                .import '\(registryPath)' registry
                .import '\(contractsPath)' contracts
                CREATE TABLE links AS
                  SELECT c.contract_id, c.level, c.effective_on, c.expires_on, c.terminated_on, j.value AS uscc
                  FROM contracts c, json_each('["' || replace(c.enterprises, ';', '","') || '"]') j;
                CREATE INDEX links_uscc ON links(uscc);
                ANALYZE;
                """)
        }
        print("coverage.sqlite3   loaded the same CSV files, a links table and an index on uscc in \(String(format: "%.1f", loading.wall)) s (not timed against)")
        let date = asOf.description
        let levels = policy.countIndustryAndRegional ? "" : " AND l.level = 'enterprise'"
        let query = """
            SELECT district, unionised, signed, 1.0 * signed / unionised FROM (
              SELECT r.district AS district, COUNT(*) AS unionised,
                SUM(EXISTS (SELECT 1 FROM links l WHERE l.uscc = r.uscc AND l.effective_on <= '\(date)' AND l.expires_on >= '\(date)'
                            AND (l.terminated_on = '' OR l.terminated_on > '\(date)')\(levels))) AS signed
              FROM registry r
              WHERE r.union_founded_on <> '' AND r.union_founded_on <= '\(date)' AND (r.closed_on = '' OR r.closed_on > '\(date)')
              GROUP BY r.district) ORDER BY district;
            """
        let output = try runSQLite(sqlite, database: database, script: ".mode list\n.separator |\n.timer on\n" + String(repeating: query + "\n", count: 3))
        var queryTime = Timing(wall: .infinity, cpu: .infinity)
        var sqlFigures: [String: (Int, Int)] = [:]
        for line in output.split(separator: "\n") {
            if line.hasPrefix("Run Time: ") {
                // "Run Time: real 0.950 user 0.900000 sys 0.040000"
                let words = line.split(separator: " ")
                if words.count == 8, let real = Double(words[3]), let user = Double(words[5]), let system = Double(words[7]) {
                    queryTime = Timing(wall: min(queryTime.wall, real), cpu: min(queryTime.cpu, user + system))
                }
            } else {
                let fields = line.split(separator: "|")
                if fields.count == 4, let unionised = Int(fields[1]), let signed = Int(fields[2]) {
                    sqlFigures[String(fields[0])] = (unionised, signed)
                }
            }
        }
        let ours = Dictionary(uniqueKeysWithValues: byDistrict!.groups.map { ($0.key, ($0.unionised, $0.signed)) })
        let agree = ours.count == sqlFigures.count && ours.allSatisfy { key, value in sqlFigures[key].map { $0 == value } ?? false }
        print("coverage.report by district: \(milliseconds(districtTime.wall)) ms; sqlite3 same query: \(milliseconds(queryTime.wall)) ms; "
              + "ratio \(String(format: "%.3f", districtTime.wall / queryTime.wall)) (goal ≤ 1.5); in CPU time "
              + "\(milliseconds(districtTime.cpu)) ms vs \(milliseconds(queryTime.cpu)) ms, ratio \(String(format: "%.3f", districtTime.cpu / queryTime.cpu)); "
              + (agree ? "figures agree" : "FIGURES DIFFER"))
        if !agree || queryTime.wall == .infinity {
            throw Failure(description: "sqlite3 and the report disagree on the signing figures by district; sqlite3 said:\n\(output)")
        }
    }

    /// Issue 13 item 2: a monthly trend over ten years (121 dates) in one pass, against one
    /// single-date report timed here too (goal: under 2 s); its last point must be that report.
    private static func trend(_ calculator: CoverageCalculator, policy: Policy, asOf: Day) throws {
        let dates = try TrendSchedule(from: asOf.adding(years: -10), to: asOf, every: .month).dates
        for grouping in [CoverageGrouping.none, .district] {
            var report: CoverageReport?
            let single = timed(repetitions: 3) { report = calculator.report(policy: policy, asOf: asOf, groupBy: grouping) }
            var trend: CoverageTrend?
            let whole = timed(repetitions: 3) { trend = calculator.trend(policy: policy, dates: dates, groupBy: grouping) }
            guard trend?.points.last == report else {
                throw Failure(description: "the trend's last point differs from the report as of \(asOf) by \(grouping.rawValue)")
            }
            print("coverage.trend by \(grouping.rawValue): \(dates.count) monthly dates \(dates[0]) to \(asOf) in \(whole) (goal < 2 s); "
                  + "one report \(single); ratio \(String(format: "%.1f", whole.wall / single.wall)) reports' time for \(dates.count) dates; "
                  + "last point = the report")
        }
    }

    /// Runs `sqlite3 DATABASE` with `script` on standard input; its standard output.
    private static func runSQLite(_ executable: String, database: String, script: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-bail", database]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(script.utf8))
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let problems = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure(description: "sqlite3 failed: \(problems)") }
        return text
    }

    /// A line of /proc/self/status in megabytes: `VmHWM:` the peak resident set, `VmRSS:` the
    /// present one, as the kernel counts them.
    private static func memoryMB(_ field: String) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field) }),
              let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return -1 }
        return kilobytes / 1_024
    }

    /// Memory so far, printed after each phase to show which one sets the peak.
    private static func memory() -> String {
        "resident \(memoryMB("VmRSS:")) MB, peak so far \(memoryMB("VmHWM:")) MB"
    }

    /// Wall-clock and CPU time of the fastest of `repetitions` runs (each minimum on its own):
    /// the machines are shared, and CPU time shows what the work itself costs when they are busy.
    struct Timing: CustomStringConvertible {
        var wall: Double
        var cpu: Double

        var description: String {
            wall >= 1 ? String(format: "%.2f s (CPU %.2f s)", wall, cpu) : "\(milliseconds(wall)) ms (CPU \(milliseconds(cpu)) ms)"
        }
    }

    private static func timed(repetitions: Int = 1, _ body: () throws -> Void) rethrows -> Timing {
        var best = Timing(wall: .infinity, cpu: .infinity)
        for _ in 0..<repetitions {
            let (wallStart, cpuStart) = (now(CLOCK_MONOTONIC), now(CLOCK_THREAD_CPUTIME_ID))
            try body()
            best.wall = min(best.wall, now(CLOCK_MONOTONIC) - wallStart)
            best.cpu = min(best.cpu, now(CLOCK_THREAD_CPUTIME_ID) - cpuStart)
        }
        return best
    }

    private static func now(_ clock: clockid_t) -> Double {
        var time = timespec()
        clock_gettime(clock, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Rows per second of wall-clock time, and per second of CPU time.
    private static func rate(_ rows: Int, _ time: Timing) -> String {
        "\(Int(Double(rows) / time.wall).formatted()) rows/s, \(Int(Double(rows) / time.cpu).formatted()) rows per CPU second"
    }

    private static func milliseconds(_ seconds: Double) -> String {
        seconds < 0.01 ? String(format: "%.2f", seconds * 1_000) : String(Int((seconds * 1_000).rounded()))
    }
}
