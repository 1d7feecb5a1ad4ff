import Bargaining

/// Who hands a document to an archive, what wrote it and when (issue 17 item 5), as the
/// document's `deposit` element states it. The depositor comes from the policy (`archive:`), so
/// it is an organisation with a credit code, never a place name; its credit code makes the
/// document's id global (``urn(_:)``).
public struct Deposit: Hashable, Sendable {
    public var depositor: Policy.Depositor
    public var producer: String
    public var producerVersion: String
    /// When the document was written: UTC to the second, `2026-12-03T08:40:00Z`.
    public var exportedAt: String

    public init(depositor: Policy.Depositor, producer: String = Producer.name, producerVersion: String = Producer.version,
                exportedAt: String) {
        self.depositor = depositor
        self.producer = producer
        self.producerVersion = producerVersion
        self.exportedAt = exportedAt
    }

    /// `urn:bargain:<depositor's credit code>:<id>`: the id is unique in the depositor's store and
    /// the credit code in China (GB 32100-2015), so the pair is unique wherever the document goes.
    /// Characters other than ASCII letters, digits, `-`, `_` and `.` are percent-encoded.
    public func urn(_ id: String) -> String {
        "urn:bargain:\(depositor.creditCode):\(Spelling.fileStem(id))"
    }

    /// `YYYY-MM-DDThh:mm:ssZ`, the only form written and read.
    static func isTimestamp(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 20 else { return false }
        for (index, byte) in bytes.enumerated() {
            switch index {
            case 4, 7: guard byte == UInt8(ascii: "-") else { return false }
            case 10: guard byte == UInt8(ascii: "T") else { return false }
            case 13, 16: guard byte == UInt8(ascii: ":") else { return false }
            case 19: guard byte == UInt8(ascii: "Z") else { return false }
            default: guard (48...57).contains(byte) else { return false }
            }
        }
        return Day(String(text.prefix(10))) != nil
    }
}

/// This program, as exports and bags name it.
public enum Producer {
    public static let name = "bargain"
    public static let version = "0.2.0"
}
