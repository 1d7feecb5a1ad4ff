import AsyncHTTPClient
import BargainingStore
import Foundation
import NIOCore
import NIOHTTP1

extension HTTPClient {
    /// The CLI's client for the city server. async-http-client retries a refused connection
    /// until the request's deadline by default, so a server that is down took the whole 30 s
    /// to report; here a refused connection fails at once and an attempt gives up after 5 s.
    public static let cityServer: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.timeout.connect = .seconds(5)
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()
}

/// One JSON request to the city server and its answer, for the remote service and for
/// `bargain login`: transport failures become "cannot be reached" (exit 69), a problem
/// document (RFC 9457) becomes the matching local error (``RemoteProblem``).
struct ServerExchange {
    var server: String
    /// The bearer token; nil when signing in with a password.
    var token: String?
    var http: HTTPClient

    /// - Parameter id: the negotiation the request is about, named in a conflict (409).
    func send<T: Decodable>(_ path: String, method: HTTPMethod = .GET, body: Data? = nil, about id: String? = nil,
                            as type: T.Type) async throws -> T {
        var request = HTTPClientRequest(url: server + path)
        request.method = method
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        request.headers.add(name: "Accept", value: "application/json")
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let response: HTTPClientResponse
        let bytes: ByteBuffer
        do {
            response = try await http.execute(request, timeout: .seconds(30))
            bytes = try await response.body.collect(upTo: 64 << 20)
        } catch {
            throw StoreError.unavailable(reason: "the server \(server) cannot be reached (\(error))",
                                         hint: "check the address and the network, or work on a local store with --store")
        }
        let data = Data(bytes.readableBytesView)
        guard (200..<300).contains(Int(response.status.code)) else {
            throw RemoteProblem.error(for: (try? JSONDecoder().decode(RemoteProblem.self, from: data)), status: Int(response.status.code),
                                      server: server, signedIn: token != nil, about: id)
        }
        do { return try JSONDecoder().decode(T.self, from: data) } catch {
            throw StoreError.incompatible(reason: "the server \(server) answered \(path) in a shape this bargain does not read (\(error)); use the same version on both")
        }
    }
}

/// Signing in to the city server (`bargain login`): a token for a name and password, and the
/// account and seat a token stands for.
public enum ServerSignIn {
    public struct Account: Decodable, Sendable {
        public var account: String
        public var seatName: String
    }

    /// A new token for the account (`POST /api/v1/tokens`); a wrong name or password, or a
    /// locked account, is a ``SeatRefusal`` with the server's reason.
    public static func token(server: String, name: String, password: String, http: HTTPClient = .cityServer) async throws -> String {
        struct Issued: Decodable { var token: String }
        let body = try JSONSerialization.data(withJSONObject: ["name": name, "password": password])
        return try await ServerExchange(server: server, token: nil, http: http)
            .send("/api/v1/tokens", method: .POST, body: body, as: Issued.self).token
    }

    /// Who the token signs in as (`GET /api/v1/me`).
    public static func account(server: String, token: String, http: HTTPClient = .cityServer) async throws -> Account {
        try await ServerExchange(server: server, token: token, http: http).send("/api/v1/me", as: Account.self)
    }
}
