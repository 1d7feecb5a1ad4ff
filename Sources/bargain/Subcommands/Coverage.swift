import ArgumentParser

extension Bargain {
    /// District coverage: rates against the targets, laggards (SPEC §6, issue 5).
    struct CoverageCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "coverage",
            abstract: "Signing, employee-coverage, renewal, chamber and congress rates against the targets (SPEC §6).",
            discussion: """
                Example:
                  bargain registry import registry.csv && bargain contracts import contracts.csv
                  bargain coverage --as-of 2025-12-31 --by street --svg coverage.svg
                  bargain coverage trend --from 2015-12-31 --to 2025-12-31 --every year --out 趋势.svg
                  bargain coverage laggards --as-of 2025-12-31 --district 大兴区
                  bargain reminders --as-of 2025-12-31 --out letters/

                `bargain coverage` without a subcommand is `bargain coverage report`.
                """,
            subcommands: [Report.self, Trend.self, Laggards.self],
            defaultSubcommand: Report.self)
    }
}
