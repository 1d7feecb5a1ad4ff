@testable import BargainingXML
import Testing

extension FilingImporter {
    /// Why the document was refused; records an issue and gives nil when it was imported.
    func refusal(_ bytes: [UInt8], _ name: String) -> ImportError? {
        do {
            let imported = try importDocument(bytes, name: name)
            Issue.record("imported: \(imported)")
            return nil
        } catch {
            return error
        }
    }
}
