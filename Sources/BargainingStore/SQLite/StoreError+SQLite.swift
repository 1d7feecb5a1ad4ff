import GRDB

extension StoreError {
    /// What an SQLite failure means to the person at the terminal, and what they can do.
    init(sqlite error: any Error, path: String) {
        if let error = error as? StoreError {
            self = error
            return
        }
        guard let error = error as? DatabaseError else {
            self = .unavailable(reason: "\(path): \(String(describing: error).oneLine)", hint: "check the file and try again")
            return
        }
        let detail = (error.message ?? "\(error.resultCode)").oneLine
        switch error.resultCode {
        case .SQLITE_NOTADB:
            self = .incompatible(reason: "\(path) is not a bargain database; choose another --store path")
        case .SQLITE_CORRUPT:
            self = .corrupt(reason: "\(path) is damaged (\(detail)); restore it from a backup")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            self = .unavailable(reason: "\(path) stayed locked by another process for \(Int(SQLiteEventStore.busyTimeout)) s",
                                hint: "try again, or look for a bargain process that hangs")
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN, .SQLITE_AUTH:
            self = .unavailable(reason: "cannot write \(path) (\(detail))", hint: "check its permissions or choose another --store path")
        case .SQLITE_FULL:
            self = .unavailable(reason: "the disk holding \(path) is full", hint: "free some space and try again; nothing was recorded")
        case .SQLITE_IOERR:
            self = .unavailable(reason: "input/output error on \(path) (\(detail))", hint: "check the disk; nothing was recorded")
        case .SQLITE_MISUSE:
            self = .unavailable(reason: "the store at \(path) is closed", hint: "open it again")
        default:
            self = .unavailable(reason: "SQLite failed on \(path) (\(detail))", hint: "try again; if it persists, run `bargain verify`")
        }
    }
}
