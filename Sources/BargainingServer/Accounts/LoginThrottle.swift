/// Slows down password guessing: after ``failures`` failed logins for one account name within
/// ``window`` seconds, that name is locked for ``lockout`` seconds, whatever the password. Kept
/// in the server's memory, per process (a restart forgets it; the audit log does not).
actor LoginThrottle {
    let failures: Int
    let window: Int
    let lockout: Int
    private var recent: [String: [Int]] = [:]
    private var lockedUntil: [String: Int] = [:]

    init(failures: Int = 5, window: Int = 900, lockout: Int = 900) {
        self.failures = failures
        self.window = window
        self.lockout = lockout
    }

    /// The time the name is locked until, if it is locked at `now`.
    func locked(_ name: String, now: Int) -> Int? {
        guard let until = lockedUntil[name], until > now else { return nil }
        return until
    }

    /// Counts a failure; true when it locked the name.
    func failed(_ name: String, now: Int) -> Bool {
        var times = recent[name, default: []].filter { $0 > now - window }
        times.append(now)
        recent[name] = times
        guard times.count >= failures else { return false }
        lockedUntil[name] = now + lockout
        recent[name] = nil
        return true
    }

    func succeeded(_ name: String) {
        recent[name] = nil
    }
}
