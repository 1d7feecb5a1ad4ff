/// What a request (an act or an opening, named by the caller's idempotency key) recorded, kept
/// in the `requests` table in the same transaction as its events. The key is the table's
/// primary key, so a request repeated after an unknown outcome finds this instead of being
/// recorded twice, even when both copies race.
public struct RecordedRequest: Sendable, Hashable {
    public var requestID: String
    /// The negotiation the request acted on, or opened.
    public var negotiationID: String
    /// Its version before the request (0 when the request opened it) and after.
    public var versionBefore: Int
    public var version: Int
    /// The negotiation the request opened beside it in the same commit (a renewal), if any.
    public var opened: String?

    public init(requestID: String, negotiationID: String, versionBefore: Int, version: Int, opened: String?) {
        self.requestID = requestID
        self.negotiationID = negotiationID
        self.versionBefore = versionBefore
        self.version = version
        self.opened = opened
    }

    /// What a commit of `writes` under `requestID` records: the first write is the one the
    /// request is about; a further one that creates its negotiation is what it opened.
    init(_ requestID: String, writes: [NegotiationWrite]) {
        self.init(requestID: requestID, negotiationID: writes[0].id, versionBefore: writes[0].expectedVersion,
                  version: writes[0].summary.version, opened: writes.dropFirst().first(where: \.creates)?.id)
    }

    /// A request id is what a client chose: bounded, printable, no spaces, so it can be shown
    /// and typed again.
    public static func isValid(_ id: String) -> Bool {
        (1...128).contains(id.utf8.count) && id.unicodeScalars.allSatisfy { (33...126).contains($0.value) }
    }
}
