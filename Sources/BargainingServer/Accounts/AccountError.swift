/// Why an account operation or a sign-in was refused. Sign-in failures say no more than
/// "wrong name or password", so a guesser cannot learn which names exist.
public enum AccountError: Error, Equatable, Sendable, CustomStringConvertible {
    case nameTaken(String)
    case noSuchAccount(String)
    case invalidName(String)
    case weakPassword(String)
    case wrongCredentials
    case locked(untilUnix: Int)
    case tokenNotValid

    public var description: String {
        switch self {
        case .nameTaken(let name): "账户 \(name) 已存在 (an account named \(name) already exists)"
        case .noSuchAccount(let name): "没有账户 \(name) (no account named \(name))"
        case .invalidName(let reason): "账户名无效 (invalid account name): \(reason)"
        case .weakPassword(let reason): reason
        case .wrongCredentials: "账户名或密码错误 (wrong account name or password)"
        case .locked: "登录失败次数过多，请稍后再试 (too many failed logins; this account is locked for 15 minutes)"
        case .tokenNotValid: "令牌无效、已过期或已撤销 (the token is not valid, has expired or was revoked)"
        }
    }
}
