/// A data file (workflow, policy, calendar, minimum wage) that cannot be used, located precisely.
///
/// Districts edit these files by hand; an error that names the file, the line and the reason lets
/// them fix it without reading Swift.
public struct DataFileError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    /// 1-based line, when the problem has one.
    public var line: Int?
    public var reason: String

    public init(file: String, line: Int? = nil, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String {
        if let line { return "\(file):\(line): \(reason)" }
        return "\(file): \(reason)"
    }
}
