import ArgumentParser
import Bargaining
import BargainingFiles
import Foundation

/// `--workflows DIR`, shared by every command that reads the process files. A district that
/// adapted its workflows points here; everyone else gets the shipped directory.
struct WorkflowsOptions: ParsableArguments {
    @Option(
        name: .customLong("workflows"),
        help: ArgumentHelp(
            "The workflows directory (enterprise.yaml, industry.yaml, regional.yaml, policy/, calendar/, minimum-wage/).",
            discussion: "Without it: $BARGAIN_WORKFLOWS, else ./workflows, else the workflows directory installed with bargain.",
            valueName: "dir"),
        completion: .directory)
    var workflows: String?

    /// The directory to read, or a failure that tells the chair how to point at one.
    func path() throws(CommandFailure) -> String {
        let hint = "pass --workflows DIR or set BARGAIN_WORKFLOWS=DIR to the directory that holds enterprise.yaml"
        guard let path = workflows ?? WorkflowDirectory.locate() else {
            throw CommandFailure("no workflows directory found in ./workflows or beside the bargain executable; \(hint)", exitCode: ExitCodes.dataError)
        }
        guard FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("enterprise.yaml")) else {
            let origin = workflows != nil ? "--workflows" : "BARGAIN_WORKFLOWS"
            throw CommandFailure("\(path) (from \(origin)) is not a workflows directory: it has no enterprise.yaml; \(hint)", exitCode: ExitCodes.dataError)
        }
        return path
    }

    /// The whole directory: workflows, policy, calendar and minimum wage.
    func load() throws -> WorkflowDirectory { try WorkflowDirectory.load(path()) }

    /// The holiday calendar alone (`calendar/cn-holidays.yaml`), for the commands that count
    /// deadlines without running a negotiation.
    func calendar() throws -> HolidayCalendar {
        try HolidayCalendar.load(contentsOf: (try path() as NSString).appendingPathComponent("calendar/cn-holidays.yaml"))
    }

    /// The workflow file of one level.
    func file(for level: Level) throws(CommandFailure) -> String {
        (try path() as NSString).appendingPathComponent("\(level.rawValue).yaml")
    }
}
