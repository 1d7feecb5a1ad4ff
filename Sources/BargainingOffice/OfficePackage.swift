import Foundation
import ZIPFoundation

/// The ZIP container of an Office Open XML file: its parts by name, each inflated only after its
/// declared size passed ``OfficeLimits/partBytes``, and stopped the moment the bytes actually
/// inflated pass it too (an archive may declare one size and hold another).
struct OfficePackage {
    private let archive: Archive
    let limits: OfficeLimits

    init(contentsOf path: String, limits: OfficeLimits) throws(OfficeError) {
        if OfficeFileKind.of(path: path) == .legacyExcel { throw .legacyExcel }
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw .notAnArchive(reason: Self.reason(error))
        }
        self.limits = limits
    }

    /// Reads `bytes` through a temporary file, not ZIPFoundation's in-memory archive: that one
    /// (0.9.20) traps on an entry whose offsets point past the end of the data, which the file
    /// reader answers with a short read and an error (found by `MutatedWorkbookTests`). The file
    /// is unlinked as soon as it is open.
    init(bytes: [UInt8], limits: OfficeLimits) throws(OfficeError) {
        let path = NSTemporaryDirectory() + "bargain-office-\(UUID().uuidString).zip"
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes), attributes: [.posixPermissions: 0o600]) else {
            throw .notAnArchive(reason: "cannot keep the bytes in a temporary file")
        }
        defer { try? FileManager.default.removeItem(atPath: path) }
        try self.init(contentsOf: path, limits: limits)
    }

    /// Part names are case-insensitive in Office Open XML; ZIP entry names are not.
    private func entry(_ part: String) -> Entry? {
        archive[part] ?? archive.first { $0.path.lowercased() == part.lowercased() }
    }

    func contains(_ part: String) -> Bool { entry(part) != nil }

    /// The bytes of `part`; a part the file must have is `missingPart` when absent.
    func part(_ part: String) throws(OfficeError) -> [UInt8] {
        guard let bytes = try optionalPart(part) else { throw .missingPart(part) }
        return bytes
    }

    func optionalPart(_ part: String) throws(OfficeError) -> [UInt8]? {
        guard let entry = entry(part) else { return nil }
        let limit = limits.partBytes
        guard entry.uncompressedSize <= UInt64(limit) else { throw .partTooLarge(part: part, limit: limit, declared: true) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(entry.uncompressedSize))
        do {
            _ = try archive.extract(entry, bufferSize: 64 << 10) { data in
                guard bytes.count + data.count <= limit else { throw InflatedTooMuch() }
                bytes.append(contentsOf: data)
            }
        } catch is InflatedTooMuch {
            throw .partTooLarge(part: part, limit: limit, declared: false)
        } catch {
            throw .damagedPart(part: part, reason: Self.reason(error))
        }
        return bytes
    }

    private struct InflatedTooMuch: Error {}

    private static func reason(_ error: any Error) -> String {
        if let archiveError = error as? Archive.ArchiveError { return "\(archiveError)" }
        return error.localizedDescription
    }
}
