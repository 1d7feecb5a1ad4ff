import ArgumentParser
import BargainingCoverage
import BargainingOffice
import Foundation

/// `--out FILE` of the coverage commands: what to write is told by the file's extension, and the
/// file is replaced whole or not at all.
enum ReportFile {
    enum Format: String, CaseIterable {
        /// An Excel workbook, one sheet per table.
        case xlsx
        /// UTF-8 with the byte order mark Excel on Chinese Windows needs.
        case csv
        /// The chart.
        case svg
        /// One printable page.
        case html
    }

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
        switch format {
        case .xlsx:
            do { bytes = try XLSXWriter().write(tables.map(\.sheet)) } catch {
                throw CommandFailure("cannot write \(path): \(error.description)", exitCode: ExitCodes.cannotWrite)
            }
        case .csv:
            var writer = CSVWriter()
            for row in tables.first?.textRows ?? [] { writer.row(row) }
            bytes = CSVWriter.byteOrderMark + writer.bytes
        case .svg:
            guard let svg = chart() else { throw CommandFailure("--out \(path): there is no chart of this list", exitCode: ExitCodes.usage) }
            bytes = Array(svg.utf8)
        case .html:
            bytes = Array(HTMLReport.page(title: title, tables: tables).utf8)
        }
        do { try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
            throw CommandFailure("cannot write \(path) (\(error.localizedDescription))", exitCode: ExitCodes.cannotWrite)
        }
    }
}
