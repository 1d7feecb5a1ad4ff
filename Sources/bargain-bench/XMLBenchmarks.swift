import Bargaining
import BargainingFiles
import BargainingStore
import BargainingXML
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Issue 6's benchmarks, each against a baseline measured in the same run:
///
/// - **Export:** filed-contract documents written per second by BargainingXML (through XMLCore's
///   `XMLWriter`), against a small C program on raw libxml2 (`Benchmarks/c/xmlwrite.c`, compiled
///   here with `cc -O2`) writing the same document structure; the two outputs must be the same
///   bytes. Goal: at least 0.8 of C.
/// - **Validation:** our in-process schema validation against `xmllint --noout --nonet --schema`
///   on the same files (many small documents in one xmllint run, and one large document), both
///   including reading the files and compiling the schema. Goal: at least as fast.
///
/// Times are CPU time, best of several runs: the thread's for Swift, the process's for the C
/// program, the child's (user + system, from `getrusage`) for xmllint. On a shared machine
/// wall-clock time mostly measures the neighbours; CPU time measures the work.
enum XMLBenchmarks {
    static let exportGoal = 0.8

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func run(quick: Bool) throws {
        let located = ExportSchemas.locate()
        guard let schemaDirectory = located.directory else {
            throw Failure(description: "cannot find exports/schema; run from the package root or set BARGAIN_SCHEMAS")
        }
        guard let workflowsPath = WorkflowDirectory.locate() else { throw Failure(description: "cannot find workflows/") }
        // The package root: where workflows/ and Benchmarks/c/ are.
        let root = URL(fileURLWithPath: workflowsPath).deletingLastPathComponent().path
        let scratch = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }

        let schemas = try ExportSchemas(directory: schemaDirectory, aknSchema: located.aknSchema)
        let link: ChainLink = { previous, event in HashChain.link(previous: previous, canonicalJSON: event.canonicalJSON) }
        let histories = try SampleExports.histories(try WorkflowDirectory.load(workflowsPath), link: link)
        let contract = try FiledContract(histories[0])
        let bytes = try contract.xmlBytes()

        try exportBenchmark(contract, bytes, root: root, scratch: scratch, iterations: quick ? 5_000 : 50_000)
        try fullExportBenchmark(histories[0], schemas, iterations: quick ? 500 : 5_000)
        try validationBenchmark(schemas, histories, scratch: scratch, files: quick ? 200 : 2_000,
                                enterprises: quick ? 30_000 : 280_000)
    }

    // MARK: - Export against C

    static func exportBenchmark(_ contract: FiledContract, _ bytes: [UInt8], root: String, scratch: String, iterations: Int) throws {
        let source = root + "/Benchmarks/c/xmlwrite.c"
        let program = scratch + "/xmlwrite"
        let flags = try run(["pkg-config", "--cflags", "--libs", "libxml-2.0"]).output
            .split(whereSeparator: \.isWhitespace).map(String.init)
        let compiled = try run(["cc", "-O2", source] + flags + ["-o", program])
        guard compiled.status == 0 else { throw Failure(description: "cc failed on \(source):\n\(compiled.output)") }
        let input = scratch + "/contract.xml"
        try Data(bytes).write(to: URL(fileURLWithPath: input))

        // Interleaved, best of each: C, Swift, C, Swift, so that a change in the machine's load
        // during the run does not favour either side.
        let output = scratch + "/contract-c.xml"
        var swiftSeconds = Double.infinity, cSeconds = Double.infinity
        for _ in 0..<2 {
            let c = try run([program, input, String(iterations), output])
            guard c.status == 0, let seconds = Double(c.output.split(separator: " ").first ?? "") else {
                throw Failure(description: "the C baseline failed:\n\(c.output)")
            }
            cSeconds = min(cSeconds, seconds)
            swiftSeconds = min(swiftSeconds, try Measure.best {
                for _ in 0..<iterations { _ = try contract.xmlBytes() }
            })
        }
        let identical = (try Data(contentsOf: URL(fileURLWithPath: output))) == Data(bytes)
        let swiftRate = Double(iterations) / swiftSeconds, cRate = Double(iterations) / cSeconds
        let ratio = swiftRate / cRate
        print("xml.export        \(contract.contractID).contract.xml (\(bytes.count.formatted()) bytes), \(iterations.formatted()) times: \(Measure.format(swiftRate)) documents/s (Swift, XMLCore's XMLWriter)")
        print("xml.export.c      the same document structure, raw libxml2 xmlTextWriter in C (cc -O2, same run): \(Measure.format(cRate)) documents/s; identical bytes: \(identical ? "yes" : "NO")")
        print("xml.export.ratio  Swift / C = \(String(format: "%.2f", ratio)) (goal ≥ \(exportGoal))")
        if !identical { throw Failure(description: "the C baseline wrote different bytes than BargainingXML; compare \(output) with \(input)") }
    }

    /// For information: what one `bargain export` of a contract costs beyond writing (building
    /// it from the history and validating it in process).
    static func fullExportBenchmark(_ history: NegotiationHistory, _ schemas: ExportSchemas, iterations: Int) throws {
        let exporter = Exporter(schemas: schemas)
        let seconds = try Measure.best(repetitions: 3) {
            for _ in 0..<iterations {
                _ = try exporter.document(for: try FiledContract(history), format: .own)
            }
        }
        print("xml.export.full   built from its \(history.events.count) events, written and validated in process: \(Measure.format(Double(iterations) / seconds)) contracts/s")
    }

    // MARK: - Validation against xmllint

    static func validationBenchmark(
        _ schemas: ExportSchemas, _ histories: [NegotiationHistory], scratch: String, files: Int, enterprises: Int
    ) throws {
        guard (try? run(["xmllint", "--version"]))?.status == 0 else {
            print("xml.validate      skipped: xmllint is not installed (apt-get install libxml2-utils)")
            return
        }
        // Many small files: the samples' contracts, copied.
        let contracts = try histories.map { try FiledContract($0).xmlBytes() }
        var paths: [String] = []
        for index in 0..<files {
            let path = scratch + "/small-\(index).contract.xml"
            try Data(contracts[index % contracts.count]).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        try compare("xml.validate.small", "\(files.formatted()) contract files of ~5 KB", paths, schemas, repetitions: 5)

        // One large file: a regional contract covering many enterprises.
        var large = try FiledContract(histories[1])
        large.enterprises = (0..<enterprises).map { index in
            let digits = String(index)
            let prefix = "9111030" + String(repeating: "0", count: 10 - digits.count) + digits
            return CoveredEnterprise(creditCode: CreditCode.makeValid(prefix17: prefix), name: "北京经开测试企业第\(index)号有限公司",
                                     employees: 10 + index % 500)
        }
        let largeBytes = try large.xmlBytes()
        let largePath = scratch + "/large.contract.xml"
        try Data(largeBytes).write(to: URL(fileURLWithPath: largePath))
        let megabytes = String(format: "%.1f MB", Double(largeBytes.count) / 1_048_576)
        try compare("xml.validate.large", "one contract of \(megabytes) (\(enterprises.formatted()) enterprises)", [largePath], schemas, repetitions: 3)
    }

    /// Times our validation (read + compile schema + validate each file) and one xmllint run over
    /// the same files, and prints both and the ratio.
    static func compare(_ label: String, _ what: String, _ paths: [String], _ schemas: ExportSchemas, repetitions: Int) throws {
        let pad = String(repeating: " ", count: max(1, 18 - label.count))
        var invalid = 0
        let ours = try Measure.best(repetitions: repetitions) {
            let compiled = try ExportSchemas(directory: schemas.directory)
            for path in paths {
                let bytes = try readFile(path)
                if !(try compiled.validate(bytes, name: path, kind: .contract, format: .own)).isEmpty { invalid += 1 }
            }
        }
        guard invalid == 0 else { throw Failure(description: "\(label): \(invalid) file(s) did not validate in process") }
        var failure: String?
        var xmllint = Double.infinity
        for _ in 0..<repetitions {
            let before = Measure.childrenCPU()
            let result = try run(["xmllint", "--noout", "--nonet", "--schema", schemas.contractSchemaPath] + paths)
            if result.status != 0 { failure = String(result.output.suffix(2000)) }
            xmllint = min(xmllint, Measure.childrenCPU() - before)
        }
        if let failure { throw Failure(description: "\(label): xmllint refused the files:\n\(failure)") }
        print("\(label)\(pad)\(what): in process \(String(format: "%.3f", ours)) s CPU, xmllint --schema \(String(format: "%.3f", xmllint)) s CPU; xmllint / ours = \(String(format: "%.2f", xmllint / ours)) (goal ≥ 1)")
    }

    // MARK: - Processes and files

    struct Output {
        var status: Int32
        var output: String
    }

    /// Runs a program found in PATH, collecting standard output and standard error together.
    static func run(_ arguments: [String]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    /// The file's bytes, read straight into the array libxml2 is handed (one copy fewer than
    /// through `Data`, which on a 50 MB file is most of the difference).
    static func readFile(_ path: String) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(description: "cannot open \(path)") }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw Failure(description: "cannot stat \(path)") }
        let size = Int(info.st_size)
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            while count < size {
                let got = read(descriptor, buffer.baseAddress! + count, size - count)
                if got <= 0 { failed = got < 0; break }
                count += got
            }
        }
        if failed || bytes.count != size { throw Failure(description: "cannot read \(path)") }
        return bytes
    }

    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "bargain-bench-xml-\(ProcessInfo.processInfo.processIdentifier)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
