import Testing

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
}
