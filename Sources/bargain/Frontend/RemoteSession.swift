import AsyncHTTPClient
import BargainingClient
import BargainingService

/// The CLI's connection to a city server for one command: the saved sign-in for that address
/// and the remote service over the CLI's HTTP client for the server (`HTTPClient.cityServer`).
enum RemoteSession {
    static func with<T>(url: String, workflows: WorkflowCatalog, _ body: (any NegotiationService) async throws -> T) async throws -> T {
        let wanted = try ServerConnection(url: url, token: "")
        guard let saved = try ServerConnection.saved(), saved.url == wanted.url else {
            throw CommandFailure("not signed in to \(wanted.url): run `bargain login \(wanted.url)` first", exitCode: ExitCodes.usage)
        }
        return try await body(RemoteNegotiationService(connection: saved, workflows: workflows, http: .cityServer))
    }
}
