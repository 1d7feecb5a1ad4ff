import ArgumentParser
import BargainingXML

/// The union chair's tool. Configuration only: each subcommand lives in `Subcommands/`.
@main
struct Bargain: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bargain",
        abstract: "Run collective wage negotiations (工资集体协商) step by step, within the law.",
        discussion: """
            Start with `bargain demo`: it runs a whole enterprise wage negotiation, from the \
            written notice to the agreement in force, a regional one for five enterprises, and a \
            renewal, and prints them as you would read them. Then open your own:

              id=$(bargain open enterprise --union 工会 --employer 公司 \\
                     --enterprise CODE:NAME)
              bargain next "$id"       one step, guided: the rules, each field
              bargain status "$id"     where it stands, deadlines, what is next
              bargain log "$id"        everything recorded
              bargain list --overdue   negotiations with a deadline passed

            Scripts use `bargain do ID ACTION --set NAME=VALUE … --as ROLE[:NAME]` instead of \
            `next`. Read commands take --json; each command's help describes its shape.

            District coverage (SPEC §6): `bargain registry import FILE.csv`, `bargain contracts \
            import FILE.csv`, then `bargain coverage --as-of DATE [--by street]`, `bargain \
            coverage laggards --as-of DATE` and `bargain reminders --as-of DATE --out DIR`.

            Negotiations are kept in a store: --store PATH (a SQLite file) or \
            --store postgres://user@host:port/db, else $BARGAIN_STORE, else \
            ~/.local/share/bargain/bargain.sqlite ($XDG_DATA_HOME/bargain/bargain.sqlite). The \
            process itself is data: `bargain workflow show enterprise` reads it, a district \
            that adapts it checks its copy with `bargain workflow check FILE`.

            Shell completion: bargain --generate-completion-script bash|zsh|fish.

            \(ExitCodes.discussion)
            """,
        version: Producer.version,
        subcommands: [Demo.self, Open.self, Status.self, Next.self, Do.self, List.self, Log.self, Verify.self, CheckpointCommand.self, Backup.self, Export.self, Import.self, KeysCommand.self, RegistryCommand.self, CongressCommand.self,
                      ContractsCommand.self, CoverageCommand.self, Reminders.self, WorkflowCommand.self, Serve.self, AccountsCommand.self, Login.self])
}
