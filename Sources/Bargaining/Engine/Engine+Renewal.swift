extension Engine {
    /// The negotiation an act opens beside its own, with the same parties and enterprises under
    /// the same workflow; nil for every act but these two:
    /// - S1 art 38: renewal is asked for in the window before expiry (the workflow's guards judge
    ///   that) and is a new negotiation that renews the old one;
    /// - S1 arts 39, 41: an amendment by agreement follows the procedure of a new contract, so
    ///   it is a new negotiation that amends the old one, whose contract stays in force until the
    ///   parties end it with the ground `amended` once the amendment is in effect.
    /// The act names the new negotiation in its ``ActionKind/linkedNegotiationField``; the
    /// application service fills it in when the chair does not choose one.
    func linkedOpening(of action: Action, in state: NegotiationState, by actor: Actor, on day: Day) -> Result<LinkedOpening?, RuleViolation> {
        guard let field = action.kind.linkedNegotiationField else { return .success(nil) }
        let name = action.kind.rawValue
        guard let id = action.fields.text(field), !id.isEmpty else {
            return .failure(RuleViolation(.fields, "\(name): missing \(field) (the id of the \(field) negotiation)"))
        }
        guard id != state.id else {
            return .failure(RuleViolation(.fields, "\(name): the \(field) needs an id of its own, not \(id)"))
        }
        var opening = state.opening
        opening.id = id
        opening.renews = nil
        opening.amends = nil
        switch action.kind {
        case .requestAmendment:
            if let pending = state.amendment {
                return .failure(RuleViolation(.alreadyTaken, article: "S1 arts 39, 41",
                                              "this contract's amendment was already proposed as \(pending); a further change amends \(pending)'s contract once it is in effect"))
            }
            opening.amends = state.opening.id
            opening.title = "\(state.opening.title)（变更）"
        default:
            opening.renews = state.opening.id
            opening.title = Self.renewalTitle(state.opening.title, startingIn: (state.expiresOn?.adding(days: 1) ?? day).year)
        }
        return open(opening, by: actor, on: day).map { LinkedOpening(events: $0.events, state: $0.state) }
    }

    /// A renewal's title: the old one with its years moved on to the renewal's first year (the
    /// day after the old contract expires), marked 续订. "2025年度工资专项集体协商" renewed from a
    /// contract ending 2026-04-30 is "2026年度工资专项集体协商（续订）"; "2025—2026年度…" becomes
    /// "2026—2027年度…". A title without a year keeps its words.
    public static func renewalTitle(_ title: String, startingIn year: Int) -> String {
        var parts: [String] = []
        var delta: Int?
        var digits = ""
        func flush() {
            if digits.count == 4, let found = Int(digits), (1990...2100).contains(found) {
                let shift = delta ?? (year - found)
                delta = shift
                parts.append(String(found + shift))
            } else {
                parts.append(digits)
            }
            digits = ""
        }
        var text = ""
        for character in title {
            if character.isASCII, character.isNumber {
                if digits.isEmpty { parts.append(text); text = "" }
                digits.append(character)
            } else {
                if !digits.isEmpty { flush() }
                text.append(character)
            }
        }
        if !digits.isEmpty { flush() }
        parts.append(text)
        let renamed = parts.joined()
        return renamed.hasSuffix("（续订）") ? renamed : renamed + "（续订）"
    }
}
