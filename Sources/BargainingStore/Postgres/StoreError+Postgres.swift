import Foundation
import NIOSSL
import PostgresNIO

extension StoreError {
    /// What a PostgreSQL failure means to the person at the terminal, and what they can do.
    init(postgres error: any Error, endpoint: PostgresEndpoint) {
        let server = "PostgreSQL at \(endpoint.host):\(endpoint.port)"
        switch error {
        case let error as StoreError:
            self = error
        case let error as PostgresTransactionError:
            self = StoreError(postgres: error.closureError ?? error.beginError ?? error.commitError ?? error.rollbackError ?? error,
                              endpoint: endpoint)
        case let error as PSQLError where error.code == .server:
            let state = error.serverInfo?[.sqlState] ?? ""
            let message = (error.serverInfo?[.message] ?? "no message").oneLine
            switch state {
            case "28P01", "28000":
                self = .unavailable(reason: "\(server) refused user \(endpoint.user) (\(message))",
                                    hint: "check the user and password in the store URL (or PGPASSWORD)")
            case "3D000":
                self = .unavailable(reason: "database \(endpoint.database) does not exist on \(server)",
                                    hint: "create it (createdb \(endpoint.database)) or fix the database name in the store URL")
            case "42501":
                self = .unavailable(reason: "user \(endpoint.user) lacks a privilege on \(server) (\(message))",
                                    hint: "grant it, or use the database's owner in the store URL")
            case "53300":
                self = .unavailable(reason: "\(server) has no free connections", hint: "try again shortly, or raise max_connections")
            case "57P01":
                // What pg_terminate_backend sends, and a fast shutdown too: the message cannot tell them apart.
                self = .unavailable(reason: "\(server) terminated this session (\(message)): an administrator ended it (pg_terminate_backend) or the server is shutting down",
                                    hint: "try again; nothing was recorded")
            case "57P02":
                self = .unavailable(reason: "\(server) ended this session because another server process crashed (\(message))",
                                    hint: "try again once it has recovered; nothing was recorded")
            case "57P03":
                self = .unavailable(reason: "\(server) is starting up or shutting down (\(message))", hint: "try again in a moment")
            case "40001", "40P01":
                self = .unavailable(reason: "\(server) cancelled the transaction in favour of a concurrent one",
                                    hint: "try again; nothing was recorded")
            default:
                self = .unavailable(reason: "\(server) reported \(state) \(message)", hint: "see the server log; nothing was recorded")
            }
        case let error as PSQLError where error.code == .authMechanismRequiresPassword:
            self = .unavailable(reason: "\(server) wants a password for user \(endpoint.user)",
                                hint: "put it in the URL (postgres://\(endpoint.user):PASSWORD@…) or in PGPASSWORD")
        case let error as PSQLError where error.code == .clientClosedConnection && error.underlying != nil:
            // The driver closed the connection because of what the server said: report that.
            self = StoreError(postgres: error.underlying!, endpoint: endpoint)
        case let error as PSQLError where error.code == .poolClosed || error.code == .clientClosedConnection:
            self = .unavailable(reason: "the store at \(endpoint) is closed", hint: "open it again")
        case let error as PSQLError where error.code == .sslUnsupported:
            self = .unavailable(reason: "\(server) does not offer TLS", hint: "use sslmode=prefer or sslmode=disable in the store URL, or enable ssl on the server")
        case let error as PSQLError where error.code == .failedToAddSSLHandler || Self.isHandshakeFailure(error.underlying):
            self = StoreError(tls: error.underlying ?? error, endpoint: endpoint)
        case let error where Self.isHandshakeFailure(error):
            self = StoreError(tls: error, endpoint: endpoint)
        case let error as PSQLError where error.code == .unexpectedBackendMessage || error.code == .serverClosedConnection:
            self = .unavailable(reason: "\(server) closed the connection without a word (a terminated or crashed session, or a shutdown)",
                                hint: "try again in a moment; nothing was recorded")
        case let error as PSQLError:
            let cause = error.underlying.map { Self.cause($0) } ?? "\(error.code)"
            self = .unavailable(reason: "\(server) does not answer (\(cause))",
                                hint: "start the server, or check the host and port in the store URL")
        case is CancellationError:
            self = .unavailable(reason: "the request to \(server) was cancelled", hint: "try again")
        default:
            self = .unavailable(reason: "\(server): \(Self.cause(error))", hint: "check the store URL and the server")
        }
    }

    /// A TLS failure: almost always a certificate `verify-full` does not accept, which the person
    /// at the terminal fixes in the URL, not by retrying.
    private init(tls error: any Error, endpoint: PostgresEndpoint) {
        let checked = endpoint.tls == .verifyFull
        self = .unavailable(
            reason: "TLS with PostgreSQL at \(endpoint.host):\(endpoint.port) failed (\(String(describing: error).oneLine))"
                + (checked ? ": sslmode=verify-full (the default for a host that is not this machine) did not accept the server's certificate" : ""),
            hint: checked
                ? "give the CA that signed it with sslrootcert=PATH (or PGSSLROOTCERT), and connect by the host name in the certificate; sslmode=require encrypts without checking it"
                : "check the server's ssl settings, or use sslmode=disable on this machine only")
    }

    /// Whether TLS failed before it was up (a certificate or host name not accepted), as opposed
    /// to a session that ended after it (an unclean shutdown is a closed connection).
    private static func isHandshakeFailure(_ error: (any Error)?) -> Bool {
        switch error {
        case let error as NIOSSLError:
            if case .handshakeFailed = error { return true }
            return false
        case is NIOSSLExtraError: return true
        default: return false
        }
    }

    /// The operating system's words for a socket failure, without NIO's wrapping.
    private static func cause(_ error: any Error) -> String {
        switch error {
        case let error as NIOConnectionError:
            if let first = error.connectionErrors.first { return cause(first.error) }
            if error.dnsAError != nil || error.dnsAAAAError != nil { return "the host name does not resolve" }
            return "no address to connect to"
        case let error as IOError:
            return String(cString: strerror(error.errnoCode))
        case ChannelError.connectTimeout:
            return "connection timed out"
        default:
            return String(describing: error).oneLine
        }
    }
}
