import BargainingCoverage
import BargainingService

/// What the upload pages render (issue 16 item 3): plain stored values, as ``DistrictModels``.
enum UploadModels {
    struct Kind {
        var value: String
        var label: String
        var checked: Bool
    }

    struct Form {
        var user: PageModels.User
        var scope: String
        var kinds: [Kind]
        var limit: String
    }

    struct Count {
        var id: String
        var label: String
        var value: Int
    }

    struct Rejected {
        var line: Int
        var column: String
        var reason: String
        var row: String
    }

    /// The preview (a dry run) and, after the confirm, what was imported.
    struct Outcome {
        var user: PageModels.User
        var scope: String
        var kind: String
        var file: String
        var sheet: String?
        var hash: String
        var notes: [String]
        var counts: [Count]
        var rejected: [Rejected]
        var hasRejected: Bool
        /// Shown are the first ``shownRejected``; the downloads have them all.
        var moreRejected: Int
        var hasMoreRejected: Bool
        var downloads: [DistrictModels.Download]
        /// The rows set aside can be downloaded while the file waits for its confirm.
        var canDownload: Bool
        var warnings: [String]
    }

    /// The rows set aside shown on the page; a file with more lists the rest in its download.
    static let shownRejected = 200

    static func label(_ kind: CoverageFileKind) -> String {
        switch kind {
        case .registry: "企业名录 (registry of enterprises)"
        case .contracts: "集体合同台账 (contracts)"
        case .congress: "职代会召开情况 (congress sessions)"
        }
    }

    static func outcome(_ outcome: CoverageImportOutcome, file: String, hash: String, scope: String, user: PageModels.User) -> Outcome {
        let problems = outcome.read.rejected.flatMap(\.problems)
        let noun = outcome.kind.rowsNoun
        return Outcome(
            user: user, scope: scope, kind: label(outcome.kind), file: file, sheet: outcome.read.sheet, hash: hash,
            notes: outcome.read.notes.sentences,
            counts: [
                Count(id: "added", label: "新增 (added \(noun))", value: outcome.counts.added),
                Count(id: "updated", label: "更新 (updated)", value: outcome.counts.updated),
                Count(id: "unchanged", label: "不变 (unchanged)", value: outcome.counts.unchanged),
                Count(id: "rejected", label: "未导入的行 (rows set aside)", value: outcome.read.rejected.count),
            ],
            rejected: problems.prefix(shownRejected).map { Rejected(line: $0.line, column: $0.column, reason: $0.reason, row: $0.row) },
            hasRejected: !problems.isEmpty, moreRejected: max(0, problems.count - shownRejected),
            hasMoreRejected: problems.count > shownRejected,
            downloads: ["xlsx", "csv"].map {
                DistrictModels.Download(id: "rejected-\($0)", label: ".\($0)", href: DistrictPages.href("/district/upload/rejected.\($0)", [("upload", hash)]))
            },
            canDownload: outcome.dryRun, warnings: outcome.read.unregistered.map(\.warning))
    }
}
