/// What one request may cost the city server: bodies larger than `bodyBytes` are refused with
/// 413 before they are read, a request still running after `requestSeconds` is answered with
/// 503, and a connection idle for `idleSeconds` is closed (a slow client cannot hold a writer).
/// A file uploaded to the district page (a registry workbook) may take `uploadBytes`.
public struct ServerLimits: Sendable {
    public static let defaultBodyBytes = 1 << 20
    public static let defaultUploadBytes = 32 << 20

    public var bodyBytes: Int
    public var uploadBytes: Int
    public var requestSeconds: Int
    public var idleSeconds: Int

    public init(bodyBytes: Int = defaultBodyBytes, uploadBytes: Int = defaultUploadBytes, requestSeconds: Int = 30, idleSeconds: Int = 60) {
        self.bodyBytes = bodyBytes
        self.uploadBytes = uploadBytes
        self.requestSeconds = requestSeconds
        self.idleSeconds = idleSeconds
    }

    /// The largest body a request to `path` may send: the upload form takes files.
    func bodyBytes(path: String) -> Int {
        path == UploadPages.path ? max(bodyBytes, uploadBytes) : bodyBytes
    }
}
