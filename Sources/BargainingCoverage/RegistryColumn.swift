/// The registry file's columns: the English names, then the Chinese ones district staff's own
/// spreadsheets use, synonyms included. This table is the one place header names are kept;
/// `bargain registry import --help` lists it. Names are compared after ``HeaderName``'s
/// normalisation, so spaces, a required-column `*` and full-width letters do not matter.
enum RegistryColumn: Int, CSVColumn {
    case uscc, name, district, street, industry, employees, unionFoundedOn, chamberMember, closedOn

    var headerNames: [String] {
        switch self {
        case .uscc: ["uscc", "统一社会信用代码", "社会信用代码", "信用代码", "统一代码"]
        case .name: ["name", "名称", "企业名称", "单位名称", "企业全称", "单位全称"]
        case .district: ["district", "区", "所属区", "区县", "所属区县", "所在区"]
        case .street: ["street", "街道", "所属街道", "街道乡镇", "街道/乡镇", "所属街道/乡镇", "所属街乡", "街乡", "乡镇", "所属乡镇"]
        case .industry: ["industry", "行业", "行业类别", "所属行业", "行业分类", "行业门类"]
        case .employees: ["employees", "职工人数", "职工数", "在职职工人数", "职工总数", "员工人数"]
        case .unionFoundedOn: ["union_founded_on", "建会日期", "建会时间", "工会成立日期", "工会成立时间"]
        case .chamberMember: ["chamber_member", "工商联会员", "是否工商联会员", "工商联会员企业"]
        case .closedOn: ["closed_on", "注销日期", "注销时间"]
        }
    }

    /// A registry of live enterprises may have no closure column at all.
    var isOptional: Bool { self == .closedOn }
}
