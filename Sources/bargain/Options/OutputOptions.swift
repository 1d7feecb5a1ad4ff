import ArgumentParser

/// `--json`, on every command that reads: scripts get data, people get tables.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print JSON instead of text (the shape is described in the command's help).")
    var json = false
}
