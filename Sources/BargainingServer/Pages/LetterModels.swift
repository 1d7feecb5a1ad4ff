import Bargaining
import BargainingCoverage
import BargainingOffice
import BargainingService

/// What the letters page renders (issue 16 item 4): plain stored values, as ``DistrictModels``.
enum LetterModels {
    /// A laggard with its rung; `pickable` when today's run would take its next rung.
    struct Rung {
        var code: String
        var name: String
        var street: String
        var reason: String
        var title: String
        var step: String
        var since: String
        var answerBy: String
        var pickable: Bool
    }

    struct Entry {
        var date: String
        var reference: String
        var code: String
        var name: String
        var street: String
        var title: String
        var answerBy: String
    }

    /// What a generation did: the rungs taken, the downloads, and why each other choice
    /// had nothing to do.
    struct Result {
        var taken: [String]
        var hasTaken: Bool
        var downloads: [DistrictModels.Download]
        var hasDownloads: Bool
        var nothing: [String]
        var hasNothing: Bool
    }

    struct Page {
        var user: PageModels.User
        var scope: String
        var asOf: String
        var rungs: [Rung]
        var hasRungs: Bool
        var register: [Entry]
        var hasRegister: Bool
        var result: Result?
    }

    static func step(_ step: LadderStanding.Step) -> String {
        switch step {
        case .take: "今日可办 (due today)"
        case .taken: "今日已记 (recorded today)"
        case .waiting: "答复期内 (waiting for the answer)"
        case .top: "已到最后一级 (last rung)"
        }
    }

    static func reason(_ laggard: Laggard) -> String {
        switch laggard.reason {
        case .notCovered: "未覆盖 (not covered)"
        case .coverageEnding: "即将到期 (coverage ending)"
        }
    }

    static func page(_ outcome: ReminderRun.Outcome, scope: String, user: PageModels.User, result: Result?) -> Page {
        let rungs = outcome.standings.sorted { ($0.laggard.street, $0.laggard.enterprise.description) < ($1.laggard.street, $1.laggard.enterprise.description) }
            .map { standing in
                Rung(code: standing.laggard.enterprise.description, name: standing.laggard.name, street: standing.laggard.street,
                     reason: reason(standing.laggard), title: standing.title, step: step(standing.step), since: standing.since.description,
                     answerBy: standing.answerBy?.description ?? "—", pickable: standing.step == .take)
            }
        let register = outcome.register.reversed().map { row in
            Entry(date: row.entry.sentOn.description, reference: row.reference ?? "", code: row.entry.enterprise.description, name: row.name,
                  street: row.street, title: row.title, answerBy: row.answerBy?.description ?? "—")
        }
        return Page(user: user, scope: scope, asOf: outcome.asOf.description, rungs: rungs, hasRungs: !rungs.isEmpty, register: register,
                    hasRegister: !register.isEmpty, result: result)
    }

    /// The run's outcome for the `chosen` enterprises, in words.
    static func result(_ outcome: ReminderRun.Outcome, chosen: [CreditCode], downloads: [DistrictModels.Download]) -> Result {
        let taken = outcome.taken.map { "\($0.laggard.enterprise) \($0.laggard.name)：\($0.title)" }
        let standings = Dictionary(outcome.standings.map { ($0.laggard.enterprise, $0) }, uniquingKeysWith: { first, _ in first })
        let nothing = chosen.filter { code in !outcome.taken.contains { $0.laggard.enterprise == code } }.map { code -> String in
            guard let standing = standings[code] else { return "\(code)：不是待督促企业，无需发函 (not a laggard today: nothing to send)" }
            let who = "\(code) \(standing.laggard.name)"
            switch standing.step {
            case .take: return "\(who)：未办理 (not taken)"
            case .taken: return "\(who)：今日已记「\(standing.title)」，不再重复发出 (already recorded today: nothing written again)"
            case .waiting:
                return "\(who)：「\(standing.title)」\(standing.since) 已发，答复期至 \(standing.answerBy?.description ?? "—")，期满后才进入下一级 (waiting for the answer)"
            case .top: return "\(who)：已在最后一级「\(standing.title)」 (on the last rung: nothing further)"
            }
        }
        return Result(taken: taken, hasTaken: !taken.isEmpty, downloads: downloads, hasDownloads: !downloads.isEmpty, nothing: nothing,
                      hasNothing: !nothing.isEmpty)
    }
}
