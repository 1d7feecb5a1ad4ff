/// What one request may cost the city server: bodies larger than `bodyBytes` are refused with
/// 413 before they are read, a request still running after `requestSeconds` is answered with
/// 503, and a connection idle for `idleSeconds` is closed (a slow client cannot hold a writer).
public struct ServerLimits: Sendable {
    public static let defaultBodyBytes = 1 << 20

    public var bodyBytes: Int
    public var requestSeconds: Int
    public var idleSeconds: Int

    public init(bodyBytes: Int = defaultBodyBytes, requestSeconds: Int = 30, idleSeconds: Int = 60) {
        self.bodyBytes = bodyBytes
        self.requestSeconds = requestSeconds
        self.idleSeconds = idleSeconds
    }
}
