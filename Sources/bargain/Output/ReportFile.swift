import ArgumentParser
import BargainingOffice
import Foundation

/// `--out FILE` of the coverage commands: what to write is told by the file's extension
/// (``ReportFormat``, the same bytes the server's downloads are), and the file is replaced whole
/// or not at all.
enum ReportFile {
    typealias Format = ReportFormat

    /// The format of `path`, or a usage error naming the ones `allowed`.
    static func format(of path: String, allowed: [Format]) throws -> Format {
        let suffix = (path as NSString).pathExtension.lowercased()
        guard let format = Format(rawValue: suffix), allowed.contains(format) else {
            throw ValidationError("--out \(path): the file's extension says what to write: "
                + allowed.map { "." + $0.rawValue }.joined(separator: ", "))
        }
        return format
    }

    /// Writes `tables` (the first is the one a CSV file takes) or `chart` as `format`.
    static func write(_ tables: [ReportTable], title: String, chart: () -> String?, as format: Format, to path: String) throws {
        let bytes: [UInt8]
        do {
            guard let written = try format.bytes(tables, title: title, chart: chart) else {
                throw CommandFailure("--out \(path): there is no chart of this list", exitCode: ExitCodes.usage)
            }
            bytes = written
        } catch let error as OfficeError {
            throw CommandFailure("cannot write \(path): \(error.description)", exitCode: ExitCodes.cannotWrite)
        }
        do { try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
            throw CommandFailure("cannot write \(path) (\(error.localizedDescription))", exitCode: ExitCodes.cannotWrite)
        }
    }
}
