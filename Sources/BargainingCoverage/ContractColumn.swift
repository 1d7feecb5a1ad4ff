/// The historical contracts file's columns (issue 5), with Chinese names chosen to match the
/// registry's style and the words of the filing forms: 合同编号, 层级, 合同名称, 签订日期, 生效日期,
/// 到期日期, 终止日期, 覆盖企业.
enum ContractColumn: Int, CSVColumn {
    case contractID, level, title, signedOn, effectiveOn, expiresOn, terminatedOn, enterprises

    var headerNames: [String] {
        switch self {
        case .contractID: ["contract_id", "合同编号", "协议编号", "备案编号"]
        case .level: ["level", "层级", "合同层级", "合同类型"]
        case .title: ["title", "合同名称", "协议名称"]
        case .signedOn: ["signed_on", "签订日期", "签订时间"]
        case .effectiveOn: ["effective_on", "生效日期", "生效时间"]
        case .expiresOn: ["expires_on", "到期日期", "到期时间"]
        case .terminatedOn: ["terminated_on", "终止日期", "解除日期"]
        case .enterprises: ["enterprises", "覆盖企业", "覆盖企业信用代码", "涵盖企业"]
        }
    }

    /// Old records often lack the signing date, and most contracts were never terminated; the
    /// statistics need neither.
    var isOptional: Bool { self == .signedOn || self == .terminatedOn }
}
