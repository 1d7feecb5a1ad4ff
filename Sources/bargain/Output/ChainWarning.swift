import BargainingService

/// The warning `status` and `log` print before a history whose hash chain is broken: on
/// standard error, so `--json` output stays one document, and in red, so it is not missed.
enum ChainWarning {
    static func print(_ broken: ChainBreak, of id: String) {
        let stderr = Terminal.standardError
        stderr.line(stderr.paint("warning", .red) + ": " + broken.warning(for: id))
    }
}
