import Bargaining
import BargainingStore

/// Who is asking, as established by a token or a session cookie: the account, and so the seat
/// every authorization decision starts from.
public struct Identity: Sendable {
    public var account: Account
    /// How the request proved it: an API token or a browser session.
    public var via: StoredToken.Kind
    /// The digest of the secret used, so a logout revokes exactly that session.
    public var tokenDigest: String

    public var name: String { account.name }
    public var seat: Seat { account.seat }
}
