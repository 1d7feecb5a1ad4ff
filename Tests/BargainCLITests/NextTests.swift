import Foundation
import Testing

/// `bargain next` in a pseudo-terminal, answered the way a chair answers it.
@Suite("bargain next: guided, on a terminal")
struct NextTests {
    /// A negotiation at preparation (5 events): the next step is agreeing agenda, time, place and
    /// a recorder, whose rule (not a representative) the chair can break by mistake.
    static func atPreparation(_ id: String) throws -> StoreFixture {
        let store = try StoreFixture()
        try store.open(id)
        try store.play(id, until: "preparation")
        #expect(try store.version(of: id) == 5)
        return store
    }

    static let plain = ["NO_COLOR": "1"]

    /// The value of a summary line `  NAME   VALUE` (the terminal ends lines with \r\n).
    static func value(_ name: String, in text: String) -> String? {
        // A terminal ends lines with \r\n, which Swift reads as one character: drop the \r first.
        let text = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\r" }))
        for line in text.split(separator: "\n") {
            guard line.hasPrefix("  \(name) ") else { continue }
            return line.dropFirst(name.count + 2).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    @Test("a whole step: choose the act, say who and when, read the rule, answer each field; a refusal stores nothing, the chair edits and records")
    func wholeStepWithRefusal() throws {
        let store = try Self.atPreparation("ENT-NEXT")
        let session = try InteractiveTerminal(["next", "ENT-NEXT"], environment: store.environment.merging(Self.plain) { $1 })
        let overview = try session.expect("Which act? [1-")
        #expect(overview.contains("step: preparation  协商准备 (preparation)"))
        #expect(overview.contains("prepare"))
        session.send("prepare")
        try session.expect("Your role? [1-2 or its name]> ")
        session.send("1")
        try session.expect("Your name (Enter to leave it out)> ")
        session.send("王芳")
        try session.expect("Date of the act, YYYY-MM-DD (Enter: today, ")
        session.send("2025-03-32")
        try session.expect("'2025-03-32' is not a date; write YYYY-MM-DD")
        try session.expect("Date of the act")
        session.send("2025-03-14")
        let rules = try session.expect("agenda  the agreed agenda")
        #expect(rules.contains("The recorder is one neutral person who is not a representative. (recorder-not-representative, S1 art 33)"))
        try session.expect("text> ")
        session.send("工资调整幅度；最低工资；工资支付日")
        try session.expect("first-meeting-on  date of the first meeting")
        try session.expect("a date YYYY-MM-DD> ")
        session.send("25 March")
        try session.expect("first-meeting-on: '25 March' is not a date YYYY-MM-DD")
        try session.expect("> ")
        session.send("2025-03-25")
        try session.expect("place  ")
        try session.expect("text> ")
        session.send("公司三楼会议室")
        try session.expect("recorder  ")
        try session.expect("text> ")
        session.send("张伟")
        let summary = try session.expect("Record it? [y/n]> ")
        #expect(summary.contains("About to record on ENT-NEXT:"))
        #expect(Self.value("by", in: summary) == "职工方 王芳 (employee-side:王芳)")
        #expect(Self.value("recorder", in: summary) == "张伟")
        session.send("y")
        let refusal = try session.expect("Change which? [1-6 or its name; Enter: stop without recording]> ")
        #expect(refusal.contains("refused: "))
        #expect(refusal.contains("[recorder-not-representative, S1 art 33]"))
        #expect(refusal.contains("Nothing was recorded."))
        #expect(refusal.contains("4) recorder  张伟"))

        // While the chair thinks, another terminal sees nothing recorded.
        #expect(try store.version(of: "ENT-NEXT") == 5)

        session.send("recorder")
        try session.expect("text> ")
        session.send("孙丽")
        let again = try session.expect("Record it? [y/n]> ")
        #expect(Self.value("recorder", in: again.components(separatedBy: "About to record").last!) == "孙丽")
        #expect(Self.value("agenda", in: again.components(separatedBy: "About to record").last!) == "工资调整幅度；最低工资；工资支付日", "the rest is kept")
        session.send("是")
        try session.expect("recorded on ENT-NEXT (now 6 events)")
        let status = try session.finish()
        #expect(status == 0, "\(session.output)")
        #expect(session.output.contains("→ talks: 协商会议 (talks)"))

        let after = try store.status("ENT-NEXT")
        #expect((after["step"] as? [String: Any])?["name"] as? String == "talks")
        #expect(after["version"] as? Int == 6)
        let log = try store.run(["log", "ENT-NEXT"]).stdout
        #expect(log.contains("recorder: 孙丽"))
        #expect(!log.contains("recorder: 张伟"))
    }

    @Test("--as, --on and --set are not asked again; declining and stopping records nothing")
    func givenAndDeclined() throws {
        let store = try Self.atPreparation("ENT-GIVEN")
        let session = try InteractiveTerminal(["next", "ENT-GIVEN", "--as", "employer-side:李强", "--on", "2025-03-14",
                                               "--set", "place=会议室", "--set", "recorder=孙丽"],
                                              environment: store.environment.merging(Self.plain) { $1 })
        try session.expect("Which act?")
        session.send("prepare")
        try session.expect("agenda  ")
        try session.expect("text> ")
        session.send("工资")
        try session.expect("a date YYYY-MM-DD> ")
        session.send("2025-03-25")
        let summary = try session.expect("Record it? [y/n]> ")
        #expect(!summary.contains("Your role?") && !summary.contains("Date of the act"))
        #expect(Self.value("place", in: summary) == "会议室")
        session.send("n")
        try session.expect("Not recorded.")
        try session.expect("Change which?")
        session.send("")
        try session.expect("Nothing was recorded.")
        #expect(try session.finish() == 0)
        #expect(try store.version(of: "ENT-GIVEN") == 5)
    }

    @Test("end of input (Ctrl-D) at a question: exit 130, nothing recorded")
    func endOfInput() throws {
        let store = try Self.atPreparation("ENT-EOF")
        let session = try InteractiveTerminal(["next", "ENT-EOF", "--as", "employee-side:王芳", "--on", "2025-03-14"],
                                              environment: store.environment.merging(Self.plain) { $1 })
        try session.expect("Which act?")
        session.send("1")
        try session.expect("text> ")
        session.sendEndOfInput()
        #expect(try session.finish() == 130)
        #expect(session.output.contains("cancelled at end of input; nothing was recorded"))
        #expect(try store.version(of: "ENT-EOF") == 5)
    }

    @Test("Ctrl-C at the confirmation: exit 130, nothing recorded")
    func interrupt() throws {
        let store = try Self.atPreparation("ENT-INT")
        let session = try InteractiveTerminal(["next", "ENT-INT", "--as", "employee-side:王芳", "--on", "2025-03-14",
                                               "--set", "agenda=工资", "--set", "first-meeting-on=2025-03-25", "--set", "place=会议室",
                                               "--set", "recorder=孙丽"],
                                              environment: store.environment.merging(Self.plain) { $1 })
        try session.expect("Which act?")
        session.send("prepare")
        try session.expect("Record it? [y/n]> ")
        session.interrupt()
        #expect(try session.finish() == 130)
        #expect(session.output.contains("cancelled: nothing was recorded"))
        #expect(try store.version(of: "ENT-INT") == 5)
    }

    @Test("not on a terminal: a clear error that points to bargain do, before anything is asked")
    func notATerminal() throws {
        let store = try Self.atPreparation("ENT-PIPE")
        let result = try store.run(["next", "ENT-PIPE"], input: "prepare\n")
        #expect(result.status == 64)
        #expect(result.stderr == "error: standard input is not a terminal, so bargain cannot ask; give the fields with `bargain do ID ACTION --set NAME=VALUE …`\n")
        #expect(result.stdout.isEmpty)
    }

    @Test("an unknown id on a terminal: 66")
    func unknownID() throws {
        let store = try StoreFixture()
        let session = try InteractiveTerminal(["next", "ENT-NONE"], environment: store.environment.merging(Self.plain) { $1 })
        #expect(try session.finish() == 66)
        #expect(session.output.contains("error: no negotiation with id ENT-NONE"))
    }
}
