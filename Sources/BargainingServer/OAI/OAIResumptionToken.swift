import Foundation

/// Where an incomplete list goes on (§3.5), held by the harvester and not the server: the
/// list's verb, format, set and dates, and the last negotiation the previous page finished.
/// Lists are ordered by negotiation id, so a negotiation filed while a harvest runs after the
/// cursor still appears, and one before it is caught by the next incremental harvest. A token
/// stays usable for as long as the server runs and across restarts (no expirationDate).
///
/// Spelt as base64url of a small JSON object; a token that does not decode, or whose fields do
/// not pass the checks their arguments would, is badResumptionToken.
struct OAIResumptionToken: Codable, Hashable {
    var verb: String
    var metadataPrefix: String
    var set: String?
    var from: String?
    var until: String?
    /// The last negotiation id already listed.
    var after: String

    var encoded: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        // Encoding plain strings cannot fail.
        let json = try! encoder.encode(self)
        return json.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    init(verb: String, metadataPrefix: String, set: String?, from: String?, until: String?, after: String) {
        self.verb = verb
        self.metadataPrefix = metadataPrefix
        self.set = set
        self.from = from
        self.until = until
        self.after = after
    }

    /// The token `text`, when it decodes and was made for `verb`.
    init(_ text: String, verb: String) throws(OAIError) {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let json = Data(base64Encoded: base64),
              let token = try? JSONDecoder().decode(Self.self, from: json),
              token.encoded == text else {
            throw OAIError(.badResumptionToken, "the resumption token '\(text)' is not one this repository issued")
        }
        guard token.verb == verb else {
            throw OAIError(.badResumptionToken, "the resumption token was issued for \(token.verb), not \(verb)")
        }
        self = token
    }
}
