/// An OAI-PMH error condition (OAI-PMH 2.0 §3.6), answered with HTTP 200 and an `error`
/// element, as the protocol requires.
struct OAIError: Error, Hashable {
    enum Code: String {
        case badArgument, badResumptionToken, badVerb, cannotDisseminateFormat, idDoesNotExist, noRecordsMatch, noSetHierarchy
    }

    let code: Code
    let message: String

    init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// For badVerb and badArgument the `request` element carries no attributes (§3.2).
    var keepsRequestArguments: Bool { code != .badVerb && code != .badArgument }
}
