import Bargaining
import BargainingCoverage
import BargainingOffice

/// What the district pages render (issue 16): plain stored values, as ``PageModels``.
enum DistrictModels {
    /// One figure of SPEC §6 against its target: `count` is numerator / denominator.
    struct Figure {
        var id: String
        var name: String
        var count: String
        var rate: String
        var target: String
        var shortfall: String
        var below: Bool
    }

    /// A street, district or industry in a worst-first table.
    struct GroupRow {
        var name: String
        var link: String?
        var unionised: Int
        var signing: String
        var signingShort: String
        var renewal: String
        var renewalShort: String
        var coverage: String
        var congress: String
        var below: Bool
    }

    struct Download {
        var id: String
        var label: String
        var href: String
    }

    struct Downloads {
        var downloads: [Download]
    }

    struct GroupTable {
        var id: String
        var heading: String
        var groupName: String
        var rows: [GroupRow]
        var hasRows: Bool
        var downloads: [Download]
    }

    struct Choice {
        var value: String
        var label: String
        var selected: Bool
    }

    struct Overview {
        var user: PageModels.User
        var scope: String
        var asOf: String
        var from: String
        var to: String
        var policyTitle: String
        var isCity: Bool
        var districts: [Choice]
        var figures: [Figure]
        var chart: String
        var chartText: String
        var tables: [GroupTable]
        var laggards: Int
        var laggardDownloads: Downloads
        /// The seat does the district office's work: uploads (and letters) are linked.
        var office: Bool
    }

    /// A cell of a table rendered from a ``ReportTable``: figures right-aligned, the first cell
    /// of a row its header.
    struct Cell {
        var text: String
        var figure: Bool
        var link: String?
    }

    struct Row {
        var first: Cell
        var cells: [Cell]
        var laggard: Bool
    }

    struct Street {
        var user: PageModels.User
        var district: String
        var street: String
        var asOf: String
        var back: String
        var headers: [String]
        var rows: [Row]
        var enterprises: Int
        var laggards: Int
        var downloads: [Download]
    }

    /// Numbers as people read them in a table: the rate with its figures, or "no data".
    static func rate(_ numerator: Int, _ denominator: Int) -> String {
        denominator > 0 ? RateText.percent(numerator, denominator) : "无数据 (no data)"
    }

    static func shortfall(_ count: Int?) -> String {
        count.map(String.init) ?? "—"
    }
}
