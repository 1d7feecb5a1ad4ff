import Bargaining
import BargainingCoverage
import BargainingOffice
import BargainingService
import BargainingStore
import Foundation
import Hummingbird

/// The district page's uploads (issue 16 item 3): staff upload the registry, contracts or
/// congress file as they keep it (.xlsx or CSV in GBK, with title rows and Chinese headers), see
/// what it would change — added, updated, unchanged, and each row set aside with its reason,
/// downloadable — and confirm. The preview and the confirm are the library's one import call
/// (``CoverageFileImport``, what `bargain registry|contracts|congress import` runs), the preview
/// as a dry run, so nothing is stored before the confirm; the district's scope is decided there
/// too. Between the two, the file waits on the ``UploadShelf`` under its SHA-256, and the
/// confirm applies exactly that file.
struct UploadPages {
    let pages: Pages
    let store: any CoverageStore
    let shelf: UploadShelf
    /// The largest file accepted (``ServerLimits/uploadBytes``).
    let maximumBytes: Int

    /// Where the form posts its file.
    static let path = "/district/upload"

    func add(to router: Router<ServerContext>) {
        router.get("district/upload") { _, context in try await pages.page(context) { try form($0) } }
        router.post("district/upload") { request, context in try await pages.page(context) { try await preview(request, context, $0) } }
        router.post("district/upload/confirm") { request, context in try await pages.page(context) { try await confirm(request, context, $0) } }
        for format in [ReportFormat.xlsx, .csv] {
            router.get("district/upload/rejected.\(format.rawValue)") { request, context in
                try await pages.page(context) { try await rejected(request, $0, format) }
            }
        }
    }

    /// The district whose rows `identity` may import (nil: any, the administrator), or 403.
    static func district(of identity: Identity) throws -> String? {
        switch Authorization.districtOffice(seat: identity.seat) {
        case .allowed(let district): return district
        case .refused(let reason): throw Problem.forbidden(reason)
        case .notFound: throw Problem.forbidden("not this seat's work")
        }
    }

    static func scope(_ district: String?) -> String { district ?? "全市 (whole city)" }

    func form(_ identity: Identity) throws -> Response {
        let district = try Self.district(of: identity)
        let kinds = CoverageFileKind.allCases.enumerated().map { index, kind in
            UploadModels.Kind(value: kind.rawValue, label: UploadModels.label(kind), checked: index == 0)
        }
        return pages.html(UploadModels.Form(user: pages.user(identity), scope: Self.scope(district), kinds: kinds,
                                            limit: "\(maximumBytes / (1 << 20)) MB"),
                          "upload", library: DistrictTemplates.library)
    }

    /// Reads the multipart form (its CSRF token first), keeps the file on the shelf and shows
    /// the dry run's outcome with the confirm form.
    func preview(_ request: Request, _ context: ServerContext, _ identity: Identity) async throws -> Response {
        let district = try Self.district(of: identity)
        let form = try await Self.multipart(request, limit: maximumBytes)
        guard form.fields["csrf"] == Pages.csrf(identity) else {
            throw Problem.forbidden("表单缺少有效的安全令牌 (the form has no valid CSRF token); reload the page and try again")
        }
        guard let kind = form.fields["kind"].flatMap(CoverageFileKind.init(rawValue:)) else {
            throw Problem.badRequest("choose what the file is: kind=\(CoverageFileKind.allCases.map(\.rawValue).joined(separator: "|"))")
        }
        guard let file = form.file, !file.name.isEmpty, !file.bytes.isEmpty else {
            throw Problem.badRequest("请选择一个非空文件 (choose a file that is not empty)")
        }
        let hash = try shelf.put(file.bytes, note: UploadShelf.Note(kind: kind.rawValue, file: file.name, account: identity.name))
        let outcome = try await run(kind, file: file.name, bytes: file.bytes, district: district, dryRun: true)
        return pages.html(UploadModels.outcome(outcome, file: file.name, hash: hash, scope: Self.scope(district), user: pages.user(identity)),
                          "upload-preview", library: DistrictTemplates.library)
    }

    /// Applies the file the preview kept, by its hash, and forgets it.
    func confirm(_ request: Request, _ context: ServerContext, _ identity: Identity) async throws -> Response {
        let district = try Self.district(of: identity)
        let form = try await Pages.form(request, context)
        guard form["csrf"] == Pages.csrf(identity) else {
            throw Problem.forbidden("表单缺少有效的安全令牌 (the form has no valid CSRF token); reload the page and try again")
        }
        let (upload, kind) = try kept(form["upload"] ?? "", identity)
        let outcome = try await run(kind, file: upload.note.file, bytes: upload.bytes, district: district, dryRun: false)
        shelf.remove(upload.hash)
        let counts = outcome.counts
        try await pages.seated.accounts.audit(
            identity.name, "imported",
            "\(kind.rawValue) \(upload.note.file) (SHA-256 \(upload.hash)): \(counts.added) added, \(counts.updated) updated, "
                + "\(counts.unchanged) unchanged, \(outcome.read.rejected.count) rows set aside", remote: context.remote)
        return pages.html(UploadModels.outcome(outcome, file: upload.note.file, hash: upload.hash, scope: Self.scope(district),
                                               user: pages.user(identity)),
                          "upload-done", library: DistrictTemplates.library)
    }

    /// The rows the preview set aside, as .xlsx or .csv: the kept file read again, dry.
    func rejected(_ request: Request, _ identity: Identity, _ format: ReportFormat) async throws -> Response {
        let district = try Self.district(of: identity)
        let (upload, kind) = try kept(request.uri.queryParameters.get("upload") ?? "", identity)
        let outcome = try await run(kind, file: upload.note.file, bytes: upload.bytes, district: district, dryRun: true)
        let table = RejectedRowsSheet.table(outcome.read.rejected, file: upload.note.file)
        let stem = upload.note.file.split(separator: ".").dropLast().joined(separator: ".")
        return try DistrictPages.download([table], title: table.title, format, name: "未导入的行-\(stem.isEmpty ? upload.note.file : stem)")
    }

    /// The upload `hash` names, waiting for this account's confirm, and what it holds.
    func kept(_ hash: String, _ identity: Identity) throws -> (UploadShelf.Upload, CoverageFileKind) {
        let upload = try shelf.get(hash, account: identity.name)
        guard let kind = CoverageFileKind(rawValue: upload.note.kind) else { throw UploadShelf.unknown(hash) }
        return (upload, kind)
    }

    /// The library's import, rows set aside rather than the file refused (staff see them all
    /// at once); a file refused as a whole (no header, not text) is a 422 with every problem.
    func run(_ kind: CoverageFileKind, file: String, bytes: [UInt8], district: String?, dryRun: Bool) async throws -> CoverageImportOutcome {
        do {
            return try await CoverageFileImport(kind: kind, file: file, mode: .skipInvalid)
                .run(.bytes(bytes), into: store, district: district, dryRun: dryRun)
        } catch let failure as CSVImportFailure {
            throw Problem(.unprocessableContent, "file-refused", title: "文件无法导入 (the file cannot be imported)",
                          detail: "nothing was imported: correct the file and upload it again", problems: failure.errors.map(\.description))
        } catch let error as CoverageFileError {
            throw Problem(.unprocessableContent, "file-refused", title: "文件无法导入 (the file cannot be imported)", detail: error.description)
        }
    }

    /// The request's `multipart/form-data` body, at most `limit` bytes (413 beyond), or a 400
    /// naming what is wrong with it.
    static func multipart(_ request: Request, limit: Int) async throws -> MultipartForm {
        var request = request
        do {
            let boundary = try MultipartForm.boundary(contentType: request.headers[.contentType])
            let body: ByteBuffer
            do { body = try await request.collectBody(upTo: limit) } catch {
                throw Problem(.contentTooLarge, "too-large", title: "文件过大 (file too large)",
                              detail: "an upload may have at most \(limit) bytes; split the file or ask the administrator")
            }
            return try MultipartForm.read(Array(buffer: body), boundary: boundary)
        } catch let failure as MultipartForm.Failure {
            throw Problem.badRequest("the upload is not a form this page reads: \(failure.description)")
        }
    }
}
