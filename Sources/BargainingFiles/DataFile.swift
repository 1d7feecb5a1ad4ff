#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Bargaining

/// Reading the engine's data files from disk. The core parses text it is given (`load(yaml:file:)`);
/// this is where a path becomes that text, and where "cannot read" and "not UTF-8" are said.
public enum DataFile {
    public static func bytes(at path: String) throws(DataFileError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file"
            throw DataFileError(file: path, reason: "cannot read: \(reason)")
        }
        return [UInt8](data)
    }

    public static func text(at path: String) throws(DataFileError) -> String {
        guard let text = String(validating: try bytes(at: path), as: UTF8.self) else {
            throw DataFileError(file: path, reason: "not UTF-8 text")
        }
        return text
    }
}

extension WorkflowLoader {
    public static func load(contentsOf path: String) throws(DataFileError) -> Workflow {
        try load(bytes: try DataFile.bytes(at: path), file: path)
    }
}

extension PolicyLoader {
    public static func load(contentsOf path: String) throws(DataFileError) -> Policy {
        try load(yaml: try DataFile.text(at: path), file: path)
    }
}

extension HolidayCalendar {
    public static func load(contentsOf path: String) throws(DataFileError) -> HolidayCalendar {
        try load(yaml: try DataFile.text(at: path), file: path)
    }
}

extension MinimumWageTable {
    public static func load(contentsOf path: String) throws(DataFileError) -> MinimumWageTable {
        try load(yaml: try DataFile.text(at: path), file: path)
    }
}

extension WageGuidelineFile {
    public static func load(contentsOf path: String) throws(DataFileError) -> [Int: WageGuideline] {
        try load(yaml: try DataFile.text(at: path), file: path)
    }
}

extension ActionFileLoader {
    public static func load(contentsOf path: String, for kind: ActionKind) throws(DataFileError) -> Fields {
        try load(yaml: try DataFile.text(at: path), file: path, for: kind)
    }
}

extension DataFileCheck {
    /// `bargain workflow check FILE`: what the file at `path` holds, or why it does not load.
    public static func check(_ path: String) throws(DataFileError) -> String {
        try check(text: try DataFile.text(at: path), file: path)
    }
}
