import Bargaining
import BargainingCoverage
import BargainingOffice
import Foundation

/// A reminder letter in the official layout: the wording is ``ReminderLetter``'s (one text for
/// every format), taken apart into title, addressee, body, issuer and date, with its 文号.
enum LetterLayout {
    static func letter(for laggard: Laggard, policy: Policy, asOf: Day, issuer: String, contact: String?, reference: String) -> OfficialLetter {
        let parts = ReminderLetter.render(for: laggard, policy: policy, asOf: asOf, issuer: issuer)
            .trimmingCharacters(in: .newlines).components(separatedBy: "\n\n")
        // title, addressee, paragraphs…, issuer, date: the order ReminderLetter writes.
        let body = parts.dropFirst(2).dropLast(2).map { String($0.drop { $0 == "　" }) }
        return OfficialLetter(title: parts[0], reference: reference, addressee: parts[1], body: Array(body),
                              issuer: parts[parts.count - 2], date: parts[parts.count - 1], contact: contact)
    }
}
