import Foundation

extension String {
    /// Error text from libraries can span lines; bargain's messages are one line each.
    var oneLine: String {
        split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }
}
