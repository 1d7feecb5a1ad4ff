import ArgumentParser
import Bargaining
import BargainingService
import BargainingStore
import Foundation

extension Bargain {
    struct Demo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "demo",
            abstract: "Run three sample negotiations on a store and print them as a union chair would read them.",
            discussion: """
                Plays, through the same engine, rules and store as real negotiations:

                1. The 2025 wage negotiation of 北京亦庄精密制造有限公司 (ENT-2025-001): the \
                written notice, the reply, representatives, information, two rounds of talks, the \
                draft, a workers' congress that misses its quorum (41 of 65) and is reconvened, \
                approval, signatures, filing, and a review window that closes in silence, so the \
                agreement takes effect by itself.
                2. A regional negotiation of the 荣华街道 federation covering five small \
                enterprises (REG-2025-001), with a regional congress.
                3. The renewal of the first contract, asked for on 2026-02-02 inside the three \
                months before it expires: a new negotiation (ENT-2026-001) with the same parties.

                Each is printed as a timeline and its status at the end. The store is a temporary \
                SQLite file, removed afterwards, unless --store names one to keep: then continue \
                with `bargain next ENT-2026-001 --store PATH`.
                """)

        @Option(name: .customLong("store"),
                help: ArgumentHelp("Keep the demo's negotiations in this new SQLite file (or postgres:// store) instead of a temporary one.",
                                   valueName: "path-or-url"),
                completion: .file(extensions: ["sqlite"]))
        var store: String?

        @OptionGroup var workflows: WorkflowsOptions

        static let enterpriseID = "ENT-2025-001", regionalID = "REG-2025-001", renewalID = "ENT-2026-001"
        static let renewalDay = Day("2026-02-02")!

        func run() async throws {
            try await reportingFailures {
                let directory = try workflows.load()
                let temporary = store == nil ? try TemporaryStoreFile() : nil
                defer { temporary?.remove() }
                let location = try temporary.map { StoreLocation.sqlite(path: $0.path, createsDirectory: false) } ?? StoreLocation(store)
                let stdout = Terminal.standardOutput
                try await withOpenStore(location) { eventStore in
                    let service = LocalNegotiationService(store: eventStore, workflows: WorkflowCatalog(directory))
                    for id in [Self.enterpriseID, Self.regionalID, Self.renewalID] {
                        if try await eventStore.exists(id) {
                            throw CommandFailure("\(location) already holds the demo's negotiation \(id); give --store a new file", exitCode: ExitCodes.usage)
                        }
                    }
                    let runner = DemoRunner(service: service)
                    let enterprise = try await runner.play(SampleNegotiations.enterprise(
                        id: Self.enterpriseID, workflow: directory.engine(for: .enterprise).workflow.reference))
                    stdout.write(try DemoReport(played: enterprise, engine: directory.engine(for: .enterprise), terminal: stdout).render())
                    stdout.line()
                    let regional = try await runner.play(SampleNegotiations.regional(
                        id: Self.regionalID, workflow: directory.engine(for: .regional).workflow.reference))
                    // The sample's narration is the enterprise's (it names 王芳 and 李强); the timeline says who acted.
                    stdout.write(try DemoReport(played: regional, engine: directory.engine(for: .regional), terminal: stdout, narrated: false).render())
                    stdout.line()
                    stdout.write(try await renewal(service, terminal: stdout))
                }
                stdout.line()
                stdout.write(continuation(kept: store.map { _ in location.description }, terminal: stdout))
            }
        }

        /// The union asks to renew the enterprise contract; the new negotiation opens.
        func renewal(_ service: LocalNegotiationService, terminal: Terminal) async throws -> String {
            let asked = try await service.act(Action(.requestRenewal, ["renewal": .text(Self.renewalID)]), on: Self.enterpriseID,
                                              by: SampleNegotiations.unionChair, on: Self.renewalDay, requestID: nil)
            let contract = asked.negotiation
            var narration: [Int: String] = [:]
            if let event = asked.events.last {
                narration[event.sequence] = "Within the 3 months before the contract expires (2026-04-30), the union asks to renew it: a new negotiation with the same parties."
            }
            var output = terminal.paint("续订 (renewal) of \(Self.enterpriseID)", .bold) + "\n"
            output += try Timeline(engine: contract.engine, terminal: terminal, narration: narration)
                .render(contract.events, from: contract.events.count - asked.added)
            guard let renewal = asked.opened else { preconditionFailure("request-renewal opens the renewal") }
            output += "\n" + DemoReport.header(renewal.opening, terminal: terminal)
            output += try Timeline(engine: renewal.engine, terminal: terminal).render(renewal.events)
            output += "\n" + StatusReport(status: try renewal.status(asOf: Self.renewalDay), terminal: terminal, showsParties: false).render()
            return output
        }

        func continuation(kept path: String?, terminal: Terminal) -> String {
            var output = terminal.paint("How to continue", .bold) + "\n"
            guard let path else {
                return output + """
                      The demo's store was temporary and has been removed. To keep the negotiations and go on yourself:
                        bargain demo --store demo.sqlite
                        bargain next \(Self.renewalID) --store demo.sqlite     the renewal's first step: the written notice
                      Your own negotiations: bargain open --help

                    """
            }
            let store = path.contains(" ") ? "'\(path)'" : path
            var table = TextTable()
            table.indent = "  "
            table.add(TextTable.Cell("bargain list --store \(store)"), TextTable.Cell("the three negotiations and their next deadlines", .dim))
            table.add(TextTable.Cell("bargain status \(Self.renewalID) --store \(store)"), TextTable.Cell("where the renewal stands", .dim))
            table.add(TextTable.Cell("bargain next \(Self.renewalID) --store \(store)"), TextTable.Cell("take its next step, guided", .dim))
            table.add(TextTable.Cell("bargain log \(Self.enterpriseID) --store \(store)"), TextTable.Cell("the 2025 negotiation's full history", .dim))
            output += "  The negotiations are kept in \(path).\n" + table.render(for: terminal)
            return output
        }
    }
}

/// Opens the store at `location`, runs `body`, and closes it whatever happens.
func withOpenStore<T>(_ location: StoreLocation, creating: Bool = true, _ body: (any EventStore) async throws -> T) async throws -> T {
    let store = try await openStore(location, creating: creating)
    do {
        let result = try await body(store)
        await store.close()
        return result
    } catch {
        await store.close()
        throw error
    }
}

/// A SQLite file in a fresh temporary directory, removed with the directory (and SQLite's -wal
/// and -shm files) when the demo ends.
struct TemporaryStoreFile {
    let directory: String
    var path: String { directory + "/demo.sqlite" }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("bargain-demo-\(UUID().uuidString)").path
        do { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
            throw CommandFailure("cannot create a temporary store in \(FileManager.default.temporaryDirectory.path): \(error.localizedDescription); give --store PATH",
                                 exitCode: ExitCodes.storeUnavailable)
        }
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }
}
