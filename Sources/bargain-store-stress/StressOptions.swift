import Bargaining

/// The child's command line: a mode and `--name value` pairs, nothing more.
struct StressOptions {
    enum Mode: String { case write, renew, acts }

    struct UsageError: Error, CustomStringConvertible {
        var description: String
    }

    var mode: Mode
    var store: String
    var workflows: String
    var negotiation: String
    var writer: String
    var decisions: Int
    /// The legal date of the renewals.
    var day: Day
    /// `write`: retry conflicts as the CLI does (the service's own attempts and backoff) and go
    /// on after a decision that still loses, instead of retrying without limit.
    var serviceRetries: Bool
    /// `acts`: the idempotency keys to act under (default `<writer>-1` … `<writer>-<decisions>`).
    var keys: [String]

    init(_ arguments: some Collection<String>) throws(UsageError) {
        var arguments = Array(arguments)
        guard let first = arguments.first, let mode = Mode(rawValue: first) else {
            throw UsageError(description: "usage: bargain-store-stress write|renew|acts --store VALUE --workflows DIR --negotiation ID|PREFIX [--writer NAME --decisions N --retries service | --on DATE | --keys K1,K2]")
        }
        arguments.removeFirst()
        var values: [String: String] = [:]
        while arguments.count >= 2, arguments[0].hasPrefix("--") {
            values[String(arguments[0].dropFirst(2))] = arguments[1]
            arguments.removeFirst(2)
        }
        guard arguments.isEmpty else { throw UsageError(description: "unexpected argument '\(arguments[0])'") }
        func required(_ name: String) throws(UsageError) -> String {
            guard let value = values[name] else { throw UsageError(description: "--\(name) is required") }
            return value
        }
        func number(_ name: String, default value: Int) throws(UsageError) -> Int {
            guard let text = values[name] else { return value }
            guard let number = Int(text), number > 0 else { throw UsageError(description: "--\(name) must be a positive number") }
            return number
        }
        self.mode = mode
        self.store = try required("store")
        self.workflows = try required("workflows")
        self.negotiation = try required("negotiation")
        self.writer = values["writer"] ?? "w"
        self.decisions = try number("decisions", default: 1)
        guard let day = Day(values["on"] ?? "2026-02-02") else { throw UsageError(description: "--on must be a date, YYYY-MM-DD") }
        self.day = day
        self.serviceRetries = values["retries"] == "service"
        let writer = self.writer, decisions = self.decisions
        self.keys = values["keys"].map { $0.split(separator: ",").map(String.init) } ?? (1...decisions).map { "\(writer)-\($0)" }
    }
}
