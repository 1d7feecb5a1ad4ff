/// What one request may cost the city server: bodies larger than `bodyBytes` are refused with
/// 413 before they are read, and a request still running after `requestSeconds` is answered with
/// 503, so one slow client cannot hold a writer.
public struct ServerLimits: Sendable {
    public var bodyBytes: Int
    public var requestSeconds: Int

    public init(bodyBytes: Int = 1 << 20, requestSeconds: Int = 30) {
        self.bodyBytes = bodyBytes
        self.requestSeconds = requestSeconds
    }
}
