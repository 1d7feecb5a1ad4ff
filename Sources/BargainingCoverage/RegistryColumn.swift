/// The registry file's columns (issue 5): the English names, or the Chinese ones district
/// staff's own spreadsheets use.
enum RegistryColumn: Int, CSVColumn {
    case uscc, name, district, street, industry, employees, unionFoundedOn, chamberMember, closedOn

    var headerNames: [String] {
        switch self {
        case .uscc: ["uscc", "统一社会信用代码"]
        case .name: ["name", "名称"]
        case .district: ["district", "区"]
        case .street: ["street", "街道"]
        case .industry: ["industry", "行业"]
        case .employees: ["employees", "职工人数"]
        case .unionFoundedOn: ["union_founded_on", "建会日期"]
        case .chamberMember: ["chamber_member", "工商联会员"]
        case .closedOn: ["closed_on", "注销日期"]
        }
    }

    /// A registry of live enterprises may have no closure column at all.
    var isOptional: Bool { self == .closedOn }
}
