import Bargaining
import BargainingServer
import BargainingService
import BargainingStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
import TestSupport

/// A city server over a fresh SQLite store in a temporary directory, with the enterprise sample
/// opened (北京经济技术开发区, enterprise 91110302MA01C8XK7…) and one account per seat the tests
/// need, each with a password and an API token. Bcrypt runs at its lowest cost here.
struct ServerFixture: LiveServerFixture {
    static let workflows = Repository.workflowsPath
    static let password = "correct horse battery"
    static let district = "北京经济技术开发区"
    static let today = Day("2025-03-10")!

    let directory: URL
    let store: SQLiteEventStore
    let server: CityServer
    let accounts: AccountService
    let negotiationID = "ENT-2025-001"
    /// Account name → API token.
    var tokens: [String: String] = [:]
    let clock: Clock

    /// The seats: the enterprise's union chair and employer, the district's reviewer and staff,
    /// staff of another district, and the administrator.
    static let seats: [(String, Seat)] = [
        ("wangfang", .unionOfEnterprise(SampleNegotiations.precisionWorks.creditCode)),
        ("liqiang", .employerOfEnterprise(SampleNegotiations.precisionWorks.creditCode)),
        ("reviewer", .labourAdministration(district: district)),
        ("staff", .districtStaff(district: district)),
        ("daxing", .districtStaff(district: "大兴区")),
        ("admin", .administrator),
    ]

    /// Unix seconds the account service sees; tests move it to expire tokens.
    final class Clock: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 1_750_000_000
        var now: Int { lock.withLock { value } }
        func advance(_ seconds: Int) { lock.withLock { value += seconds } }
    }

    static func make() async throws -> ServerFixture {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bargain-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try SQLiteEventStore(path: directory.appendingPathComponent("city.sqlite").path)
        let clock = Clock()
        let accounts = AccountService(store: store, bcryptCost: 4, now: { clock.now })
        let catalog = WorkflowCatalog(path: workflows)
        let service = LocalNegotiationService(store: store, workflows: catalog)
        let engine = try catalog.engine(for: .enterprise)
        let script = SampleNegotiations.enterprise(workflow: engine.workflow.reference)
        _ = try await service.open(script.opening, by: script.openedBy, on: script.openedOn, requestID: nil)
        let server = CityServer(store: store, workflows: catalog, accounts: accounts,
                                configuration: .init(port: 0, limits: ServerLimits(bodyBytes: 64 * 1024, requestSeconds: 20), today: { today }),
                                version: "test")
        var fixture = ServerFixture(directory: directory, store: store, server: server, accounts: accounts, clock: clock)
        for (name, seat) in seats {
            try await accounts.add(name: name, seat: seat, password: password, by: "test")
            fixture.tokens[name] = try await accounts.issueToken(for: name, seconds: 86_400).secret
        }
        return fixture
    }

    func bearer(_ name: String) -> HTTPFields { [.authorization: "Bearer \(tokens[name]!)"] }

    func json(_ name: String) -> HTTPFields { [.authorization: "Bearer \(tokens[name]!)", .contentType: "application/json"] }

    /// The notice the union sends, as JSON.
    static let notice = #"{"action":"send-notice","on":"2025-03-03","fields":{"proposed-on":"2025-03-25","place":"公司三楼会议室","content":"工资调整幅度"}}"#

    func version() async throws -> Int {
        try await store.load(negotiationID).count
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    func decoded<T: Decodable>(_ type: T.Type) throws -> T { try JSONDecoder().decode(T.self, from: Data(body.readableBytesView)) }
}

/// The members of a problem document the tests read.
struct ProblemBody: Decodable, Equatable {
    var type: String
    var title: String
    var status: Int
    var detail: String
    var rule: String?
    var article: String?
}
