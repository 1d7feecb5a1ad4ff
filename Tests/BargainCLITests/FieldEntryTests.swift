@testable import bargain
import Bargaining
import Testing

@Suite("Field entry: --set, --as, --on and prompts")
struct FieldEntryTests {
    @Test("--set values are parsed by the field's type")
    func parsesTypedValues() throws {
        let fields = try FieldEntry.fields(from: ["adjustment-rate=5.5%", "lowest-wage=2800", "pay-day=10", "expires-on=2026-04-30",
                                                  "other-items=高温津贴、夜班补贴"], for: .agreeDraft)
        #expect(fields["adjustment-rate"] == .rate(550))
        #expect(fields["lowest-wage"] == .money(280_000))
        #expect(fields["pay-day"] == .integer(10))
        #expect(fields["expires-on"] == .day(Day("2026-04-30")!))
        #expect(fields["other-items"] == .list(["高温津贴", "夜班补贴"]))
    }

    @Test("every problem is named at once: wrong type, unknown field, no '=', given twice")
    func reportsEveryProblem() throws {
        let error = #expect(throws: CommandFailure.self) {
            try FieldEntry.fields(from: ["lowest-wage=2800元", "bonus=1", "pay-day", "pay-day=10", "pay-day=11"], for: .agreeDraft)
        }
        #expect(error?.exitCode == ExitCodes.usage)
        let names = ActionKind.agreeDraft.fields.map(\.name).joined(separator: ", ")
        #expect(error?.description == "agree-draft: lowest-wage: '2800元' is not an amount in yuan, e.g. 2540 or 2540.50; "
            + "'bonus' is not a field of agree-draft; its fields are \(names); 'pay-day': write NAME=VALUE, e.g. --set pay-day=10; "
            + "pay-day is given twice")
    }

    @Test("--as ROLE[:NAME] and --on DATE")
    func actorAndDate() throws {
        let options = try ActOptions.parse(["--as", "employee-side:王芳", "--on", "2025-03-03", "--set", "place=三楼"])
        #expect(options.actor == Actor(.employeeSide, "王芳"))
        #expect(options.day == Day("2025-03-03"))
        #expect(options.assignments == ["place=三楼"])
    }

    @Test("a role that does not exist, or a date that is not a date, is a usage error naming the value",
          arguments: [(["--as", "chairman:王芳"], "'chairman' is not a role; use one of employee-side, employer-side"),
                      (["--as", "system"], "'system' is not a role"),
                      (["--on", "2025-02-30"], "'2025-02-30' is not a date; write YYYY-MM-DD")])
    func badActorOrDate(_ arguments: [String], _ message: String) {
        let error = #expect(throws: (any Error).self) { try ActOptions.parse(arguments) }
        guard let error else { return }
        #expect(ActOptions.message(for: error).contains(message), "\(ActOptions.message(for: error))")
        #expect(ActOptions.exitCode(for: error) == ExitCodes.usage)
    }

    @Test("the prompter asks again until the answer parses, and Enter skips an optional field")
    func promptsUntilValid() throws {
        var answers = ["", "2800元", "2800", ""]
        var said = ""
        let prompter = FieldPrompter(readLine: { answers.isEmpty ? nil : answers.removeFirst() }, write: { said += $0 }, terminal: .plain)
        let lowest = try prompter.ask(FieldSpec("lowest-wage", .money, "the lowest monthly wage"))
        #expect(lowest == .money(280_000))
        #expect(said.contains("lowest-wage is empty; give an amount in yuan"))
        #expect(said.contains("lowest-wage: '2800元' is not an amount in yuan"))
        #expect(try prompter.ask(FieldSpec("note", .text, required: false, "anything")) == nil)
    }

    @Test("only the fields not given are asked, in the action's order")
    func completesMissingFields() throws {
        var answers = ["2025-04-18"]
        var said = ""
        let prompter = FieldPrompter(readLine: { answers.isEmpty ? nil : answers.removeFirst() }, write: { said += $0 }, terminal: .plain)
        let given: Fields = ["items-delivered-on": .day(Day("2025-04-10")!), "body": .text("职工代表大会")]
        let fields = try prompter.complete(given, for: .conveneCongress)
        #expect(fields["session-on"] == .day(Day("2025-04-18")!))
        #expect(said.hasPrefix("session-on  the date of the congress session\n"))
        #expect(!said.contains("items-delivered-on"))
    }

    @Test("end of input cancels: nothing comes back to record, and the exit status is 130")
    func endOfInputCancels() {
        let prompter = FieldPrompter(readLine: { nil }, write: { _ in }, terminal: .plain)
        #expect(throws: PromptCancelled.self) { try prompter.complete(Fields(), for: .publish) }
        #expect(throws: PromptCancelled.self) { try prompter.confirm("Record?") }
        #expect(explain(PromptCancelled()).1 == ExitCodes.cancelled)
    }

    @Test("confirmation takes yes or no in English or Chinese")
    func confirms() throws {
        var answers = ["maybe", "是"]
        let prompter = FieldPrompter(readLine: { answers.removeFirst() }, write: { _ in }, terminal: .plain)
        #expect(try prompter.confirm("Record?"))
    }
}
