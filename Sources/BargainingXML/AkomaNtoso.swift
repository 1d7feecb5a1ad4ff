internal import XMLCore
import Bargaining

/// Akoma Ntoso 3.0 (OASIS LegalDocML) renditions: the filed contract as a `doc` named
/// `collectiveContract`, a congress record as a `debate`.
///
/// The renditions are for archives' Akoma Ntoso tools; they say what our own documents say, in
/// Chinese prose with the facts marked up (parties, people, dates, quantities), plus FRBR
/// identification (`/akn/cn/…`, language `zho`) and, for a debate, the vote in
/// `meta/analysis/parliamentary`. The hash of the event a rendition was built from travels in
/// `meta/proprietary`, in our own namespace. They are written, never read back: `bargain import`
/// reads our own format.
enum AkomaNtoso {
    static let namespace = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
    static let country = "cn"
    /// ISO 639-2 code, as Akoma Ntoso's naming convention asks.
    static let language = "zho"

    /// The FRBR IRIs of a work: `/akn/cn/<type>/<subtype>/<date>/<number>`.
    struct Identity {
        var type: String
        var subtype: String
        var date: Day
        var number: String

        var work: String { "/akn/\(country)/\(type)/\(subtype)/\(date)/\(Spelling.fileStem(number))" }
        var expression: String { "\(work)/\(language)@" }
        var manifestation: String { "\(expression).akn" }
    }

    /// `meta/identification` with the three FRBR levels.
    /// `urn`, when the document has one (``Deposit/urn(_:)``), is the work's `FRBRalias`.
    static func identification(
        _ identity: Identity, dateName: String, authors: [(href: String, as: String?)], manifestationDate: Day, urn: String?,
        work extra: (inout BlockWriter) throws(XMLError) -> Void, to w: inout BlockWriter
    ) throws(XMLError) {
        try w.open("identification")
        try w.attribute("source", "#bargain")

        try w.open("FRBRWork")
        try w.empty("FRBRthis", ["value": "\(identity.work)/!main"])
        try w.empty("FRBRuri", ["value": identity.work])
        if let urn { try w.empty("FRBRalias", ["name": "urn", "value": urn]) }
        try w.empty("FRBRdate", ["date": identity.date.description, "name": dateName])
        for author in authors { try writeAuthor(author, to: &w) }
        try w.empty("FRBRcountry", ["value": country])
        try extra(&w)
        try w.close()

        try w.open("FRBRExpression")
        try w.empty("FRBRthis", ["value": "\(identity.expression)/!main"])
        try w.empty("FRBRuri", ["value": identity.expression])
        try w.empty("FRBRdate", ["date": identity.date.description, "name": dateName])
        for author in authors { try writeAuthor(author, to: &w) }
        try w.empty("FRBRlanguage", ["language": language])
        try w.close()

        try w.open("FRBRManifestation")
        try w.empty("FRBRthis", ["value": "\(identity.expression)/!main.xml"])
        try w.empty("FRBRuri", ["value": identity.manifestation])
        // The date of the last fact the file states, not the time it was written: the same
        // history always gives the same bytes.
        try w.empty("FRBRdate", ["date": manifestationDate.description, "name": "lastRecordedEvent"])
        try w.empty("FRBRauthor", ["href": "#bargain"])
        try w.empty("FRBRformat", ["value": "application/akn+xml"])
        try w.close()

        try w.close()
    }

    private static func writeAuthor(_ author: (href: String, as: String?), to w: inout BlockWriter) throws(XMLError) {
        if let role = author.as {
            try w.empty("FRBRauthor", ["href": author.href, "as": role])
        } else {
            try w.empty("FRBRauthor", ["href": author.href])
        }
    }

    /// An entry of `meta/references`: `<TLCxxx eId href showAs/>`.
    struct Reference {
        var element: String
        var eId: String
        var href: String
        var showAs: String
    }

    static func references(_ references: [Reference], to w: inout BlockWriter) throws(XMLError) {
        try w.open("references")
        try w.attribute("source", "#bargain")
        for reference in references {
            try w.empty(reference.element, ["eId": reference.eId, "href": reference.href, "showAs": reference.showAs])
        }
        try w.close()
    }

    /// The tool itself, as the source of the metadata and the author of the manifestation.
    static let tool = Reference(element: "TLCOrganization", eId: "bargain", href: "/akn/ontology/organizations/bargain",
                                showAs: "bargain")

    static func concept(_ eId: String, _ showAs: String) -> Reference {
        Reference(element: "TLCConcept", eId: eId, href: "/akn/ontology/concepts/bargain/\(eId)", showAs: showAs)
    }

    /// `meta/proprietary`: the event the rendition was built from and the deposit, in our own
    /// namespace; nothing when there is neither.
    static func proprietary(_ provenance: Provenance?, _ deposit: Deposit?, namespace: String, to w: inout BlockWriter) throws(XMLError) {
        guard provenance != nil || deposit != nil else { return }
        try w.open("proprietary")
        try w.attribute("source", "#bargain")
        if let provenance {
            try w.open("provenance", prefix: "bargain", namespace: namespace)
            try w.leaf("lastEventSequence", prefix: "bargain", namespace: namespace, String(provenance.eventSequence))
            try w.leaf("lastEventHash", prefix: "bargain", namespace: namespace, provenance.eventHash)
            try w.close()
        }
        if let deposit {
            try w.open("deposit", prefix: "bargain", namespace: namespace)
            try w.leaf("depositor", prefix: "bargain", namespace: namespace, deposit.depositor.name)
            try w.leaf("depositorCreditCode", prefix: "bargain", namespace: namespace, deposit.depositor.creditCode.description)
            try w.leaf("producer", prefix: "bargain", namespace: namespace, "\(deposit.producer) \(deposit.producerVersion)")
            try w.leaf("exportedAt", prefix: "bargain", namespace: namespace, deposit.exportedAt)
            try w.close()
        }
        try w.close()
    }

    /// People named in a document, each once, as `person_1`, `person_2`… in order of first mention.
    struct People {
        private(set) var names: [String] = []

        mutating func eId(_ name: String) -> String {
            if let index = names.firstIndex(of: name) { return "person_\(index + 1)" }
            names.append(name)
            return "person_\(names.count)"
        }

        func references(under base: String) -> [Reference] {
            names.enumerated().map { index, name in
                Reference(element: "TLCPerson", eId: "person_\(index + 1)", href: "\(base)/person_\(index + 1)", showAs: name)
            }
        }
    }

    static func outcomeText(_ outcome: CongressVote.Outcome) -> String {
        switch outcome {
        case .approved: "通过"
        case .rejected: "未通过"
        case .quorumMissed: "到会人数不足，未进行表决"
        }
    }

    static func outcomeConcept(_ outcome: CongressVote.Outcome) -> String {
        switch outcome {
        case .approved: "approved"
        case .rejected: "rejected"
        case .quorumMissed: "quorumMissed"
        }
    }

    static func approvalText(_ approval: String) -> String {
        switch approval {
        case "two-thirds-of-all": "全体代表三分之二以上同意"
        default: "全体代表过半数同意"
        }
    }

    /// The `debate` name and FRBR subtype for a body: `allEmployeeMeeting` for 职工大会,
    /// `workersCongress` otherwise.
    static func debateSubtype(body: String) -> String {
        CongressRecord.form(of: body) == "all-employee-meeting" ? "allEmployeeMeeting" : "workersCongress"
    }

    static func sideText(_ side: Side) -> String { side.chineseName }

    static func date(_ day: Day, to w: inout BlockWriter) throws(XMLError) {
        try w.inline("date", ["date": day.description], Spelling.chineseDate(day))
    }
}
