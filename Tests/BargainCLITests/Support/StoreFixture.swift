import Bargaining
import Foundation
import Testing
import TestSupport

/// A temporary store, removed with the fixture, and the commands a chair or a script types
/// against it. `BARGAIN_STORE` points at it, so the commands read as a user writes them.
final class StoreFixture {
    let directory: TemporaryDirectory
    let path: String

    init() throws {
        directory = TemporaryDirectory()
        path = directory.url.appendingPathComponent("bargain.sqlite").path
    }

    var environment: [String: String] { ["BARGAIN_STORE": path] }

    @discardableResult
    func run(_ arguments: [String], environment extra: [String: String] = [:], input: String = "") throws -> BargainBinary.Result {
        try BargainBinary.run(arguments, environment: environment.merging(extra) { $1 }, input: input)
    }

    /// The sample enterprise negotiation's script (its acts are what `play` records).
    static let script = SampleNegotiations.enterprise(workflow: WorkflowReference(name: "enterprise", version: 1, digest: ""))
    static let enterprise = SampleNegotiations.precisionWorks
    static var enterpriseOption: String {
        "\(enterprise.creditCode):\(enterprise.name):\(enterprise.employees!)"
    }

    /// Opens the sample's enterprise negotiation under `id`, as 王芳 on 2025-03-03.
    @discardableResult
    func open(_ id: String, _ extra: [String] = []) throws -> String {
        let result = try run(["open", "enterprise", "--id", id, "--title", "2025年度工资专项集体协商",
                              "--union", "北京亦庄精密制造有限公司工会", "--employer", "北京亦庄精密制造有限公司",
                              "--enterprise", Self.enterpriseOption, "--district", "北京经济技术开发区", "--street", "荣华街道",
                              "--as", "employee-side:王芳", "--on", "2025-03-03"] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == id + "\n")
        return id
    }

    /// `bargain do` for one act of the sample script, its fields as `--set NAME=VALUE`.
    static func arguments(_ act: SampleNegotiations.Act, on id: String) -> [String] {
        var arguments = ["do", id, act.action.kind.rawValue, "--as", act.actor.description, "--on", act.on.description]
        for entry in act.action.fields.entries { arguments += ["--set", "\(entry.name)=\(entry.value)"] }
        return arguments
    }

    /// Records the sample's acts on `id`, from the first not yet recorded, until the negotiation
    /// reaches `step` (or all of them). Each act records one event until the review window
    /// lapses, so the events recorded say how far the script got.
    func play(_ id: String, until step: String? = nil) throws {
        for act in Self.script.acts.dropFirst(try version(of: id) - 1) {
            if let step, try self.step(of: id) == step { return }
            let result = try run(Self.arguments(act, on: id))
            #expect(result.status == 0, "\(act.action.kind.rawValue): \(result.stderr)")
            if result.status != 0 { return }
        }
    }

    /// `bargain status ID --json` as a dictionary.
    func status(_ id: String, asOf day: String? = nil) throws -> [String: Any] {
        let result = try run(["status", id, "--json"] + (day.map { ["--as-of", $0] } ?? []))
        #expect(result.status == 0, "\(result.stderr)")
        return try JSON.object(result.stdout)
    }

    /// The step as its last recorded event left it (not as of today, when deadlines may have passed).
    func step(of id: String) throws -> String {
        let events = try JSON.object(try run(["log", id, "--json"]).stdout)["events"] as? [[String: Any]] ?? []
        return events.last?["step"] as? String ?? ""
    }
    func version(of id: String) throws -> Int { (try status(id)["version"] as? Int) ?? -1 }
}

enum JSON {
    static func object(_ text: String) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(value as? [String: Any], "not a JSON object: \(text)")
    }

    static func keys(_ object: Any?) -> Set<String> { Set((object as? [String: Any])?.keys.map { $0 } ?? []) }
}
