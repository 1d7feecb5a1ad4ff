import ArgumentParser
import Bargaining
import BargainingServer
import BargainingStore
import Foundation

extension Bargain {
    /// `bargain accounts …`: who may use the city server, and from which seat.
    struct AccountsCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "accounts",
            abstract: "Accounts of the city server: each person acts from one seat (席位).",
            discussion: """
                A seat is a role with a scope; the server records every act under the account's \
                seat, never under a role the request claims. Seats:

                \(Seat.forms.map { "  \($0.form.padding(toLength: 22, withPad: " ", startingAt: 0))\($0.meaning)" }.joined(separator: "\n"))

                Accounts live in the store the server uses (--store). Passwords: at least \
                \(PasswordPolicy.minimumLength) characters, not containing the account name; \
                hashed with bcrypt. Tokens: printed once, only their SHA-256 is stored.
                """,
            subcommands: [Add.self, ListAccounts.self, Disable.self, Enable.self, Remove.self, Token.self, Revoke.self, Audit.self])

        struct Add: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Add an account at a seat.",
                discussion: "Example: bargain accounts add wang --seat union:91110000100000000X --password-stdin <<< 'a long passphrase'")
            @Argument(help: "The account name (letters, digits, '.', '-', '_').") var name: String
            @Option(help: ArgumentHelp("The seat, e.g. union:CODE, employer:CODE, labour:大兴区, staff:大兴区, admin (see `bargain accounts --help`).",
                                       valueName: "seat"))
            var seat: String
            @Flag(help: "Read the password from the first line of standard input (else it is asked for, not echoed).")
            var passwordStdin = false
            @Flag(help: "No password: the account signs in with tokens only (`bargain accounts token`).")
            var noPassword = false
            @OptionGroup var store: StoreOptions

            func run() async throws {
                try await reportingFailures {
                    let seat: Seat
                    switch Seat.parse(self.seat) {
                    case .success(let parsed): seat = parsed
                    case .failure(let error): throw CommandFailure(error.description, exitCode: ExitCodes.usage)
                    }
                    let password = noPassword ? nil : try PasswordInput.read(fromStandardInput: passwordStdin, prompt: "password for \(name): ")
                    try await store.withAccounts { accounts in
                        let account = try await accounts.add(name: name, seat: seat, password: password, by: "bargain accounts add")
                        Terminal.standardOutput.line("\(account.name)\t\(account.seat)\t\(account.seat.chineseDescription)")
                    }
                }
            }
        }

        struct ListAccounts: AsyncParsableCommand {
            static let configuration = CommandConfiguration(commandName: "list", abstract: "List the accounts with their seats.")
            @OptionGroup var store: StoreOptions

            func run() async throws {
                try await reportingFailures {
                    try await store.withAccounts { accounts in
                        var table = TextTable()
                        table.add(TextTable.Cell("name", .bold), TextTable.Cell("seat", .bold), TextTable.Cell("席位", .bold), TextTable.Cell("state", .bold))
                        for account in try await accounts.store.accounts() {
                            table.add(TextTable.Cell(Terminal.safe(account.name)), TextTable.Cell(Terminal.safe(account.seat.description)),
                                      TextTable.Cell(Terminal.safe(account.seat.chineseDescription)),
                                      TextTable.Cell(account.disabled ? "disabled" : account.passwordHash == nil ? "tokens only" : "active"))
                        }
                        Terminal.standardOutput.write(table.render(for: Terminal.standardOutput))
                    }
                }
            }
        }

        struct Disable: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Disable an account: it can neither sign in nor use its tokens.")
            @Argument var name: String
            @OptionGroup var store: StoreOptions
            func run() async throws { try await AccountsCommand.setDisabled(name, true, store) }
        }

        struct Enable: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Enable a disabled account again.")
            @Argument var name: String
            @OptionGroup var store: StoreOptions
            func run() async throws { try await AccountsCommand.setDisabled(name, false, store) }
        }

        static func setDisabled(_ name: String, _ disabled: Bool, _ store: StoreOptions) async throws {
            try await reportingFailures {
                try await store.withAccounts { accounts in
                    guard try await accounts.store.setDisabled(name, disabled) else { throw AccountError.noSuchAccount(name) }
                    try await accounts.audit(name, disabled ? "account-disabled" : "account-enabled", "by bargain accounts")
                    Terminal.standardError.line("\(name): \(disabled ? "disabled" : "enabled")")
                }
            }
        }

        struct Remove: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Remove an account and its tokens (the audit log keeps its lines; recorded acts keep its name).")
            @Argument var name: String
            @OptionGroup var store: StoreOptions

            func run() async throws {
                try await reportingFailures {
                    try await store.withAccounts { accounts in
                        guard try await accounts.store.removeAccount(name) else { throw AccountError.noSuchAccount(name) }
                        try await accounts.audit(name, "account-removed", "by bargain accounts remove")
                        Terminal.standardError.line("\(name): removed")
                    }
                }
            }
        }

        struct Token: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Print a new bearer token for the account, once (only its hash is stored).",
                discussion: "Use it as `Authorization: Bearer TOKEN` against /api/v1, or with `bargain login URL --token-stdin`.")
            @Argument var name: String
            @Option(help: "Days until it expires.") var days = 90
            @OptionGroup var store: StoreOptions

            func run() async throws {
                try await reportingFailures {
                    guard (1...3660).contains(days) else { throw CommandFailure("--days must be 1 to 3660", exitCode: ExitCodes.usage) }
                    try await store.withAccounts { accounts in
                        let issued = try await accounts.issueToken(for: name, seconds: days * 86_400)
                        Terminal.standardOutput.line(issued.secret)
                        let expires = Date(timeIntervalSince1970: TimeInterval(issued.token.expiresAt))
                        Terminal.standardError.line("token for \(name), valid until \(expires.formatted(.iso8601)); it is shown only now")
                    }
                }
            }
        }

        struct Revoke: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Revoke every token and session of the account.")
            @Argument var name: String
            @OptionGroup var store: StoreOptions

            func run() async throws {
                try await reportingFailures {
                    try await store.withAccounts { accounts in
                        guard try await accounts.store.account(named: name) != nil else { throw AccountError.noSuchAccount(name) }
                        let count = try await accounts.store.revokeTokens(of: name, kind: nil)
                        try await accounts.audit(name, "tokens-revoked", "\(count) by bargain accounts revoke")
                        Terminal.standardError.line("\(name): \(count) token\(count == 1 ? "" : "s") revoked")
                    }
                }
            }
        }

        struct Audit: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "The audit log, newest first: sign-ins, failed sign-ins, token use, refused and recorded acts.")
            @Option(help: "How many lines.") var limit = 50
            @OptionGroup var store: StoreOptions

            func run() async throws {
                try await reportingFailures {
                    try await store.withAccounts { accounts in
                        for entry in try await accounts.store.auditLog(limit: max(1, limit)) {
                            let at = Date(timeIntervalSince1970: TimeInterval(entry.at)).formatted(.iso8601)
                            Terminal.standardOutput.line("\(at)\t\(entry.account)\t\(entry.event)\t\(entry.detail)\t\(entry.remote ?? "")")
                        }
                    }
                }
            }
        }
    }
}

extension StoreOptions {
    /// The account service over the store (which must be SQLite or PostgreSQL), closed after.
    func withAccounts<T>(_ body: (AccountService) async throws -> T) async throws -> T {
        try await withStore { store in
            guard let accounts = store as? any EventStore & AccountStore else {
                throw CommandFailure("this store keeps no accounts", exitCode: ExitCodes.usage)
            }
            return try await body(AccountService(store: accounts))
        }
    }
}

/// A password from standard input (`--password-stdin`, for scripts) or typed at the terminal
/// without echo.
enum PasswordInput {
    static func read(fromStandardInput: Bool, prompt: String) throws -> String {
        if fromStandardInput {
            guard let line = Swift.readLine(strippingNewline: true) else {
                throw CommandFailure("--password-stdin: standard input is empty", exitCode: ExitCodes.usage)
            }
            return line
        }
        guard isatty(0) == 1, let typed = getpass(prompt) else {
            throw CommandFailure("no terminal to ask for the password: give --password-stdin, or --no-password", exitCode: ExitCodes.usage)
        }
        return String(cString: typed)
    }
}
