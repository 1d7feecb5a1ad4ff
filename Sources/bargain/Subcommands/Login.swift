import ArgumentParser
import BargainingClient
import Foundation

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
                let token: String
                if tokenStdin {
                    guard let line = Swift.readLine(strippingNewline: true), !line.isEmpty else {
                        throw CommandFailure("--token-stdin: standard input is empty", exitCode: ExitCodes.usage)
                    }
                    token = line
                } else {
                    guard let name else { throw CommandFailure("give --name NAME (with a password), or --token-stdin", exitCode: ExitCodes.usage) }
                    let password = try PasswordInput.read(fromStandardInput: passwordStdin, prompt: "password for \(name) at \(address): ")
                    token = try await ServerSignIn.token(server: address, name: name, password: password)
                }
                let me = try await ServerSignIn.account(server: address, token: token)
                try ServerConnection(url: address, token: token).save()
                Terminal.standardError.line("signed in to \(address) as \(me.account) (\(me.seatName)); the token is in \(ServerConnection.configFile)")
            }
        }
    }
}
