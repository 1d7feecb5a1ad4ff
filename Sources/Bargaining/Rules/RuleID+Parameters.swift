extension RuleID {
    /// Parameters a workflow file must give; the others are optional.
    var requiredParameters: Set<String> {
        switch self {
        case .delegationSize: ["min"]
        case .expertsShare, .managersShare: ["max"]
        case .informationLeadTime, .congressNotice: ["days"]
        case .extensionLimit: ["max-days"]
        case .wageItems: ["required"]
        case .contractTerm: ["min-years", "max-years"]
        case .congressVote: ["attendance", "approval"]
        case .filingCopies: ["copies"]
        default: []
        }
    }

    /// The approval thresholds `congress-vote` knows, by the name a file uses.
    static let approvalRules = ["more-than-half-of-all", "two-thirds-of-all"]

    /// Why the parameters cannot be used, or nil when they can.
    func checkParameters(_ parameters: [String: RuleParameter]) -> String? {
        let missing = requiredParameters.subtracting(parameters.keys)
        if !missing.isEmpty { return "missing parameter(s): \(missing.sorted().joined(separator: ", "))" }
        for (name, value) in parameters {
            if case .integer(let n) = value, n < 0 { return "\(name) must not be negative" }
        }
        switch self {
        case .congressVote:
            if case .text(let approval)? = parameters["approval"], !RuleID.approvalRules.contains(approval) {
                return "approval must be one of: \(RuleID.approvalRules.joined(separator: ", "))"
            }
        case .renewalWindow:
            if (parameters["months"] == nil) == (parameters["days"] == nil) { return "give the window as 'months' or 'days', one of them" }
        case .wageItems:
            if case .list(let items)? = parameters["required"] {
                let known = Set(ActionKind.agreeDraft.fields.map(\.name))
                if let unknown = items.first(where: { !known.contains($0) }) { return "'\(unknown)' is not a field of agree-draft" }
            }
        case .delegationSize:
            if case .integer(let min)? = parameters["min"], case .integer(let max)? = parameters["max"], max < min {
                return "max must not be below min"
            }
        default:
            break
        }
        return nil
    }
}
