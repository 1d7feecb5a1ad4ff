import AsyncHTTPClient
import Bargaining
import BargainingServer
import BargainingService
import BargainingStore
import Foundation
import Logging
import NIOCore

/// `server.acts`: acts performed over HTTP by concurrent clients, each a union chair and an
/// employer taking one negotiation through the enterprise sample (21 acts) from their own seats,
/// against the same acts performed through the library's service directly by as many tasks, on a
/// fresh store of the same kind, in the same run. Wall-clock decisions per second (HTTP ÷
/// library; goal ≥ 0.5) and the HTTP acts' p50 and p99 latency (goal p99 < 100 ms). On
/// PostgreSQL when `BARGAIN_BENCH_POSTGRES_URL` is set (a city's store), else SQLite.
struct ServerBenchmark {
    let catalog: WorkflowCatalog
    let clients: Int
    let negotiationsPerClient: Int

    static func run(workflows: String, quick: Bool) async throws {
        let benchmark = ServerBenchmark(catalog: WorkflowCatalog(path: workflows), clients: 32, negotiationsPerClient: quick ? 1 : 3)
        try await benchmark.measure()
    }

    /// A fresh store: a schema of its own on PostgreSQL, a new file on SQLite.
    func freshStore(_ label: String) async throws -> (store: any CoverageStore & AccountStore, place: String, cleanup: () -> Void) {
        if let url = ProcessInfo.processInfo.environment["BARGAIN_BENCH_POSTGRES_URL"] {
            let schema = "bench_\(label)_\(UInt32.random(in: 0...UInt32.max))"
            let separator = url.contains("?") ? "&" : "?"
            guard case .postgres(let endpoint) = try StoreLocation(url + separator + "schema=\(schema)") else { preconditionFailure("a postgres URL") }
            return (try await PostgresEventStore.open(endpoint), "PostgreSQL", {})
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bargain-bench-server-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return (try SQLiteEventStore(path: directory + "/bench.sqlite"), "SQLite", { try? FileManager.default.removeItem(atPath: directory) })
    }

    /// The sample's opening under a new id, and its acts.
    func script(_ id: String) throws -> SampleNegotiations.Script {
        SampleNegotiations.enterprise(id: id, workflow: try catalog.engine(for: .enterprise).workflow.reference)
    }

    func measure() async throws {
        let total = clients * negotiationsPerClient
        let acts = try script("X").acts.count

        // Baseline: the library's service, `clients` tasks at once.
        let library = try await freshStore("library")
        // Configured as the server's service is: negotiations kept between acts.
        var configured = LocalNegotiationService(store: library.store, workflows: catalog)
        configured.memory = NegotiationMemory()
        let service = configured
        let libraryStart = Date()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for client in 0..<clients {
                group.addTask {
                    for round in 0..<negotiationsPerClient {
                        let script = try script("LIB-\(client)-\(round)")
                        _ = try await service.open(script.opening, by: script.openedBy, on: script.openedOn, requestID: nil)
                        for act in script.acts { _ = try await service.act(act.action, on: script.opening.id, by: act.actor, on: act.on, requestID: nil) }
                    }
                }
            }
            try await group.waitForAll()
        }
        let libraryRate = Double(total * acts) / Date().timeIntervalSince(libraryStart)
        await library.store.close()
        library.cleanup()

        // Over HTTP: the server in this process on a free port, AsyncHTTPClient as the clients.
        let served = try await freshStore("server")
        let accounts = AccountService(store: served.store, bcryptCost: 4)
        let code = SampleNegotiations.precisionWorks.creditCode
        // The accounts carry the sample's chiefs' names: the chiefs sign (S1 arts 34, 37).
        let union = SampleNegotiations.unionChair.name, employer = SampleNegotiations.employerChief.name
        try await accounts.add(name: union, seat: .unionOfEnterprise(code), password: nil, by: "bench")
        try await accounts.add(name: employer, seat: .employerOfEnterprise(code), password: nil, by: "bench")
        let tokens = [Role.employeeSide: try await accounts.issueToken(for: union, seconds: 3600).secret,
                      Role.employerSide: try await accounts.issueToken(for: employer, seconds: 3600).secret]
        let opener = LocalNegotiationService(store: served.store, workflows: catalog)
        for client in 0..<clients {
            for round in 0..<negotiationsPerClient {
                let script = try script("WEB-\(client)-\(round)")
                _ = try await opener.open(script.opening, by: script.openedBy, on: script.openedOn, requestID: nil)
            }
        }
        var logger = Logger(label: "bench")
        logger.logLevel = .error
        let server = CityServer(store: served.store, workflows: catalog, accounts: accounts,
                                configuration: .init(port: 0, limits: ServerLimits(), today: { Day("2026-06-30")! }), version: "bench")
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        let running = Task { try await server.application(logger: logger) { portSink.yield($0) }.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw StoreBenchmarkError(description: "the server did not start") }

        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(connectionPool: .init(idleTimeout: .seconds(30))))
        let httpStart = Date()
        let outcome: Result<[Double], any Error>
        do {
            outcome = .success(try await withThrowingTaskGroup(of: [Double].self) { group in
                for client in 0..<clients {
                    group.addTask {
                        var times: [Double] = []
                        for round in 0..<negotiationsPerClient {
                            let script = try script("WEB-\(client)-\(round)")
                            for act in script.acts {
                                let start = Date()
                                try await post(act, to: script.opening.id, token: tokens[act.actor.role]!, port: port, http)
                                times.append(Date().timeIntervalSince(start))
                            }
                        }
                        return times
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }.sorted()
            })
        } catch {
            outcome = .failure(error)
        }
        let elapsed = Date().timeIntervalSince(httpStart)
        try await http.shutdown()
        running.cancel()
        _ = await running.result
        let latencies = try outcome.get()
        let httpRate = Double(total * acts) / elapsed
        let verified = try await served.store.verify(nil)
        await served.store.close()
        served.cleanup()
        guard verified.isIntact, verified.eventsChecked >= total * (acts + 1) else {
            throw StoreBenchmarkError(description: "after the HTTP run the store does not verify: \(verified.mismatches.prefix(3))")
        }

        func percentile(_ p: Double) -> Double { latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] * 1000 }
        print(String(format: "server.acts (%@, %d clients, %d acts each): HTTP %.0f decisions/s, library %.0f decisions/s, ratio %.2f (goal >= 0.5); p50 %.1f ms, p99 %.1f ms (goal < 100 ms), wall-clock",
                     served.place, clients, negotiationsPerClient * acts, httpRate, libraryRate, httpRate / libraryRate, percentile(0.5), percentile(0.99)))
    }

    /// One act as the API takes it: the action, its day and its fields as text.
    func post(_ act: SampleNegotiations.Act, to id: String, token: String, port: Int, _ http: HTTPClient) async throws {
        var fields: [String: String] = [:]
        for name in act.action.fields.sortedNames { fields[name] = act.action.fields[name]!.description }
        let body = try JSONSerialization.data(withJSONObject: ["action": act.action.kind.rawValue, "on": act.on.description, "fields": fields])
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/api/v1/negotiations/\(id)/acts")
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: body))
        let response = try await http.execute(request, timeout: .seconds(30))
        guard response.status.code == 201 else {
            let text = String(buffer: try await response.body.collect(upTo: 1 << 16))
            throw StoreBenchmarkError(description: "\(act.action.kind.rawValue) on \(id): \(response.status.code) \(text)")
        }
        _ = try await response.body.collect(upTo: 1 << 20)
    }
}
