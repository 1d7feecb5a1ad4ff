/// The congress sessions file's columns (issue 12 item 7): the enterprise and the day its
/// workers' congress or all-employee meeting sat, under the names district ledgers of sessions
/// (职代会召开情况台账) give them. This table is the one place their header names are kept;
/// `bargain congress import --help` and the README list it.
enum CongressColumn: Int, CSVColumn {
    case uscc, heldOn

    var headerNames: [String] {
        switch self {
        case .uscc: ["uscc", "统一社会信用代码", "社会信用代码", "信用代码", "统一代码"]
        case .heldOn: ["held_on", "召开日期", "召开时间", "会议日期", "会议时间", "职代会召开日期", "职代会召开时间", "开会日期"]
        }
    }

    var isOptional: Bool { false }
}
