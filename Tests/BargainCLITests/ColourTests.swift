import Testing
import TestSupport

@Suite("Colour on a real terminal")
struct ColourTests {
    let file = Repository.workflow("enterprise.yaml")

    @Test("on a terminal, a passed check is green")
    func colourOnTerminal() throws {
        let (output, status) = try PseudoTerminal.run(["workflow", "check", file])
        #expect(status == 0)
        #expect(output.hasPrefix("\u{1B}[32mok\u{1B}[0m  \(file)"), "\(output.debugDescription)")
    }

    @Test("NO_COLOR set to anything non-empty removes colour, even on a terminal", arguments: ["1", "0", "yes"])
    func noColor(_ value: String) throws {
        let (output, status) = try PseudoTerminal.run(["workflow", "check", file], environment: ["NO_COLOR": value])
        #expect(status == 0)
        #expect(output.hasPrefix("ok  \(file)"))
        #expect(!output.contains("\u{1B}["))
    }

    @Test("an empty NO_COLOR is as if unset")
    func emptyNoColor() throws {
        let (output, _) = try PseudoTerminal.run(["workflow", "check", file], environment: ["NO_COLOR": ""])
        #expect(output.contains("\u{1B}[32m"))
    }

    @Test("piped output has no colour")
    func piped() throws {
        let result = try BargainBinary.run(["workflow", "check", file])
        #expect(!result.stdout.contains("\u{1B}["))
    }

    @Test("status on a terminal marks an overdue deadline in red and the step in bold; NO_COLOR and pipes get plain text")
    func statusColour() throws {
        let store = try StoreFixture()
        try store.open("ENT-COLOUR")
        try store.play("ENT-COLOUR", until: "talks")
        #expect(try store.run(StoreFixture.arguments(StoreFixture.script.acts[5], on: "ENT-COLOUR")).status == 0)
        let arguments = ["status", "ENT-COLOUR", "--as-of", "2025-03-22", "--store", store.path]
        let (coloured, status) = try PseudoTerminal.run(arguments)
        #expect(status == 0)
        #expect(coloured.contains("\u{1B}[31m2 days overdue\u{1B}[0m"), "\(coloured.debugDescription)")
        #expect(coloured.contains("\u{1B}[1mtalks\u{1B}[0m"))
        let (plain, _) = try PseudoTerminal.run(arguments, environment: ["NO_COLOR": "1"])
        #expect(!plain.contains("\u{1B}["))
        #expect(plain.contains("2 days overdue"))
        let piped = try store.run(["status", "ENT-COLOUR", "--as-of", "2025-03-22"])
        #expect(!piped.stdout.contains("\u{1B}["))
        let list = try PseudoTerminal.run(["list", "--as-of", "2025-03-22", "--store", store.path]).output
        #expect(list.contains("\u{1B}[31m2 days overdue\u{1B}[0m"))
    }
}
