/// The last event of a negotiation's hash chain as stored: what a signed checkpoint anchors
/// (see `ChainAnchoring` in BargainingService). Read from the events themselves, not from the
/// negotiations summary, so a lowered version there does not hide a deleted tail.
public struct ChainHead: Hashable, Sendable, Codable {
    public var negotiation: String
    /// The sequence number of the last event.
    public var version: Int
    /// That event's chain hash.
    public var hash: String

    public init(negotiation: String, version: Int, hash: String) {
        self.negotiation = negotiation
        self.version = version
        self.hash = hash
    }
}
