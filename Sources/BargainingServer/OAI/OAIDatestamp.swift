import Bargaining
import FoundationEssentials

/// OAI-PMH datestamps: UTC, `YYYY-MM-DDThh:mm:ssZ` (the repository's granularity), and the day
/// form `YYYY-MM-DD` a harvester may use in `from` and `until` (§3.3).
enum OAIDatestamp {
    static let granularity = "YYYY-MM-DDThh:mm:ssZ"

    /// `date` at the repository's granularity.
    static func format(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: false))
    }

    /// A stored recording time (ISO 8601 UTC, perhaps with fractional seconds) cut to seconds.
    static func truncating(_ recordedAt: String) -> String {
        guard recordedAt.count >= 19 else { return recordedAt }
        return String(recordedAt.prefix(19)) + "Z"
    }

    /// When a negotiation's documents last changed: the last recorded event, or the start of the
    /// day a deadline lapsed after it (review silence put the agreement into effect), whichever
    /// is later. A document is exported as of the day it is served, so a lapse changes it with no
    /// act recorded, and a harvester asking `from` its last harvest must be given it again.
    static func changed(recordedAt: String, lapses: [Event]) -> String {
        let recorded = truncating(recordedAt)
        guard let lapsed = lapses.last?.on else { return recorded }
        return max(recorded, "\(lapsed)T00:00:00Z")
    }

    /// A `from` or `until` argument: the seconds form as it is, the day form widened to the
    /// first (`from`) or last (`until`) second of the day; nil when it is neither, or no such day.
    static func bound(_ text: String, isUntil: Bool) -> (value: String, isDay: Bool)? {
        let bytes = Array(text.utf8)
        let day: Bool
        switch bytes.count {
        case 10: day = true
        case 20: day = false
        default: return nil
        }
        for (index, byte) in bytes.enumerated() {
            let expected: UInt8? = switch index {
            case 4, 7: UInt8(ascii: "-")
            case 10: UInt8(ascii: "T")
            case 13, 16: UInt8(ascii: ":")
            case 19: UInt8(ascii: "Z")
            default: nil
            }
            if let expected { guard byte == expected else { return nil } } else { guard (48...57).contains(byte) else { return nil } }
        }
        guard Day(String(text.prefix(10))) != nil else { return nil }
        if !day {
            let number = { (start: Int) in Int(bytes[start] - 48) * 10 + Int(bytes[start + 1] - 48) }
            guard number(11) < 24, number(14) < 60, number(17) < 60 else { return nil }
        }
        if day { return (text + (isUntil ? "T23:59:59Z" : "T00:00:00Z"), true) }
        return (text, false)
    }
}
