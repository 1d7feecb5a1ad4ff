/// The minimum a password must meet, said in one sentence when it does not: at least 12
/// characters (NIST SP 800-63B allows 8; a shared city system asks more), not the account's
/// name, not one character repeated, and at most 72 bytes (bcrypt reads no further).
public enum PasswordPolicy {
    public static let minimumLength = 12
    public static let maximumBytes = 72

    /// nil when the password is acceptable, else why not.
    public static func problem(with password: String, account: String) -> String? {
        if password.count < minimumLength {
            return "密码太短 (password too short): at least \(minimumLength) characters, this one has \(password.count)"
        }
        if password.utf8.count > maximumBytes {
            return "密码太长 (password too long): at most \(maximumBytes) bytes in UTF-8, this one has \(password.utf8.count)"
        }
        if password.lowercased().contains(account.lowercased()) {
            return "密码不能包含账户名 (the password must not contain the account name \(account))"
        }
        if Set(password).count < 4 {
            return "密码过于简单 (password too simple): use at least 4 different characters"
        }
        return nil
    }
}
