import Bargaining
import BargainingCoverage
import BargainingOffice
import BargainingService
import Foundation
import Hummingbird

/// The district page's letters (issue 16 item 4): the laggards with their rung on the escalation
/// ladder, checkboxes to choose whose rung to take today, and the register (督促登记簿) of every
/// rung taken. Generating is the library's one reminder run (``ReminderRun``, what `bargain
/// reminders` runs) for the chosen laggards: the letters are rendered (a DOCX each and one to
/// print, in a .zip, and the merged printable page), kept for download, and only then recorded
/// as sent. A second generation the same day finds the rungs taken and writes nothing, and says
/// so enterprise by enterprise.
struct LetterPages {
    let pages: Pages
    let coverage: SeatedCoverage
    /// Where a run's downloads wait (one hour), by their SHA-256, for the account that ran it.
    let shelf: UploadShelf

    func add(to router: Router<ServerContext>) {
        router.get("district/letters") { _, context in try await pages.page(context) { try await view($0) } }
        router.post("district/letters") { request, context in try await pages.page(context) { try await generate(request, context, $0) } }
        router.get("district/letters/file") { request, context in try await pages.page(context) { try download(request, $0) } }
    }

    /// The run for `identity`'s district, today, for the laggards `selected`.
    func reminders(_ identity: Identity, selected: Set<CreditCode>) throws -> (run: ReminderRun, district: String?) {
        let district = try UploadPages.district(of: identity)
        let policy = try coverage.policy()
        let ladder: ReminderLadder
        do { ladder = try ReminderLadder(policy: policy, calendar: try coverage.workflows.directory(for: .enterprise).context.calendar) } catch {
            throw Problem(.unprocessableContent, "ladder", title: "督促阶梯有误 (the escalation ladder cannot be climbed)", detail: "\(error)")
        }
        return (ReminderRun(policy: policy, ladder: ladder, asOf: pages.today(), district: district, selected: selected), district)
    }

    func view(_ identity: Identity) async throws -> Response {
        let (run, district) = try reminders(identity, selected: [])
        let outcome = try await decided { try await run.decide(coverage.sources) }
        return pages.html(LetterModels.page(outcome, scope: UploadPages.scope(district), user: pages.user(identity), result: nil),
                          "letters", library: DistrictTemplates.library)
    }

    /// Takes the chosen laggards' rungs: renders their letters, keeps the downloads, records.
    func generate(_ request: Request, _ context: ServerContext, _ identity: Identity) async throws -> Response {
        let form = try await Pages.form(request, context)
        guard form["csrf"] == Pages.csrf(identity) else {
            throw Problem.forbidden("表单缺少有效的安全令牌 (the form has no valid CSRF token); reload the page and try again")
        }
        let chosen = try form.keys.filter { $0.hasPrefix("pick:") }.sorted().map { key in
            do { return try CreditCode(String(key.dropFirst(5))) } catch { throw Problem.badRequest("'\(key.dropFirst(5))' is not a credit code") }
        }
        guard !chosen.isEmpty else { throw Problem.badRequest("请至少选择一家企业 (choose at least one enterprise)") }
        let (run, district) = try reminders(identity, selected: Set(chosen))
        var downloads: [DistrictModels.Download] = []
        let outcome = try await decided {
            try await run.run(coverage.sources) { outcome in downloads = try keep(outcome, account: identity.name) }
        }
        if !outcome.taken.isEmpty {
            try await pages.seated.accounts.audit(
                identity.name, "reminders",
                outcome.taken.map { "\($0.laggard.enterprise) \($0.rung)" }.joined(separator: ", "), remote: context.remote)
        }
        let result = LetterModels.result(outcome, chosen: chosen, downloads: downloads)
        // The ladder and the register as they stand now, this run recorded.
        var now = run
        now.selected = []
        let after = try await decided { try await now.decide(coverage.sources) }
        return pages.html(LetterModels.page(after, scope: UploadPages.scope(district), user: pages.user(identity), result: result),
                          "letters", library: DistrictTemplates.library)
    }

    /// The run's letters as downloads: a .zip of each letter's DOCX with the merged DOCX, and the
    /// merged printable page; none when the run writes no letter.
    func keep(_ outcome: ReminderRun.Outcome, account: String) throws -> [DistrictModels.Download] {
        guard !outcome.letters.isEmpty else { return [] }
        let merged = try DOCXWriter.write(outcome.letters.map(\.layout))
        let files = try outcome.letters.map { (name: $0.fileStem + ".docx", bytes: try DOCXWriter.write([$0.layout])) }
            + [(name: outcome.mergedStem + ".docx", bytes: merged)]
        let zip = try LetterBundle.zip(files)
        let html = Array(LetterPage.html(outcome.letters.map(\.layout)).utf8)
        return try [
            (id: "letters-zip", label: "全部函件 .zip (every letter, DOCX)", name: "\(outcome.asOf)-特别提示函.zip", bytes: zip),
            (id: "letters-html", label: "合并打印页 .html (all letters, to print)", name: outcome.mergedStem + ".html", bytes: html),
        ].map { file in
            let hash = try shelf.put(file.bytes, note: UploadShelf.Note(kind: "letters", file: file.name, account: account))
            return DistrictModels.Download(id: file.id, label: file.label, href: DistrictPages.href("/district/letters/file", [("id", hash)]))
        }
    }

    func download(_ request: Request, _ identity: Identity) throws -> Response {
        let hash = request.uri.queryParameters.get("id") ?? ""
        let file = try shelf.get(hash, account: identity.name)
        guard file.note.kind == "letters" else { throw UploadShelf.unknown(hash) }
        return DistrictPages.attachment(file.bytes, file: file.note.file,
                                        type: file.note.file.hasSuffix(".zip") ? "application/zip" : "text/html; charset=utf-8")
    }

    /// A window the calendar cannot count is the data's fault: 422, in the library's words.
    func decided(_ body: () async throws -> ReminderRun.Outcome) async throws -> ReminderRun.Outcome {
        do { return try await body() } catch let error as ReminderRun.WindowError {
            throw Problem(.unprocessableContent, "calendar", title: "期限无法计算 (a deadline cannot be counted)", detail: error.description)
        }
    }
}
