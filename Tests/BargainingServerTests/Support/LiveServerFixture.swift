import BargainingServer
import BargainingStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging

/// A city server over a SQLite store in a temporary directory of its own, as the API, page and
/// OAI fixtures build it: started on a free port of 127.0.0.1, removed afterwards.
protocol LiveServerFixture {
    var directory: URL { get }
    var store: SQLiteEventStore { get }
    var server: CityServer { get }
}

extension LiveServerFixture {
    func cleanup() async {
        await store.close()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Runs `body` against the server listening on a free port of 127.0.0.1.
    func withLiveServer(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        try await server.application(logger: logger).test(.live) { client in try await body(client) }
    }
}
