import ArgumentParser
import AsyncHTTPClient
import BargainingClient
import Foundation
import NIOCore
import NIOHTTP1

extension Bargain {
    /// `bargain login URL`: signs in to a city server and keeps the token for `--server`.
    struct Login: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sign in to a city server; then status, next, do, list and log take --server URL.",
            discussion: """
                With --name, asks for the password (or reads it with --password-stdin) and gets a \
                token valid for 30 days; with --token-stdin, keeps a token from `bargain accounts \
                token` instead. The token is written to \(ServerConnection.configFile) (mode 0600). \
                Every act is then recorded under the account's seat; `--as` is not sent.

                Example:
                  bargain login https://bargain.example.gov.cn --name wangfang
                  export BARGAIN_SERVER=https://bargain.example.gov.cn
                  bargain list; bargain next ENT-2026-XXXXXX
                """)

        @Argument(help: ArgumentHelp("The server, e.g. https://bargain.example.gov.cn.", valueName: "url")) var url: String
        @Option(help: "The account name (with a password).") var name: String?
        @Flag(help: "Read the password from the first line of standard input.") var passwordStdin = false
        @Flag(help: "Read a token (from `bargain accounts token`) from standard input instead of signing in with a password.")
        var tokenStdin = false

        func run() async throws {
            try await reportingFailures {
                let address = try ServerConnection(url: url, token: "").url
                let http = HTTPClient.shared
                let token: String
                if tokenStdin {
                    guard let line = Swift.readLine(strippingNewline: true), !line.isEmpty else {
                        throw CommandFailure("--token-stdin: standard input is empty", exitCode: ExitCodes.usage)
                    }
                    token = line
                } else {
                    guard let name else { throw CommandFailure("give --name NAME (with a password), or --token-stdin", exitCode: ExitCodes.usage) }
                    let password = try PasswordInput.read(fromStandardInput: passwordStdin, prompt: "password for \(name) at \(address): ")
                    let body = try JSONSerialization.data(withJSONObject: ["name": name, "password": password])
                    token = try await Self.request(address + "/api/v1/tokens", method: .POST, body: body, token: nil, http, as: Issued.self).token
                }
                let me = try await Self.request(address + "/api/v1/me", method: .GET, body: nil, token: token, http, as: Me.self)
                try ServerConnection(url: address, token: token).save()
                Terminal.standardError.line("signed in to \(address) as \(me.account) (\(me.seatName)); the token is in \(ServerConnection.configFile)")
            }
        }

        struct Issued: Decodable { var token: String }
        struct Me: Decodable {
            var account: String
            var seatName: String
        }
        struct Problem: Decodable { var detail: String }

        static func request<T: Decodable>(_ url: String, method: HTTPMethod, body: Data?, token: String?, _ http: HTTPClient,
                                          as type: T.Type) async throws -> T {
            var request = HTTPClientRequest(url: url)
            request.method = method
            if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
            if let body {
                request.headers.add(name: "Content-Type", value: "application/json")
                request.body = .bytes(ByteBuffer(bytes: body))
            }
            let data: Data
            let status: Int
            do {
                let response = try await http.execute(request, timeout: .seconds(30))
                status = Int(response.status.code)
                data = Data(try await response.body.collect(upTo: 1 << 20).readableBytesView)
            } catch {
                throw CommandFailure("cannot reach \(url): \(error)", exitCode: ExitCodes.storeUnavailable)
            }
            guard (200..<300).contains(status) else {
                let detail = (try? JSONDecoder().decode(Problem.self, from: data))?.detail ?? "HTTP \(status)"
                throw CommandFailure(detail, exitCode: status == 401 || status == 429 ? ExitCodes.refused : ExitCodes.storeUnavailable)
            }
            return try JSONDecoder().decode(T.self, from: data)
        }
    }
}
