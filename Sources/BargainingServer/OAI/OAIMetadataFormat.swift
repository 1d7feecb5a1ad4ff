import BargainingXML

/// The formats records are disseminated in: Dublin Core (required by §3.4), our own schemas, and
/// Akoma Ntoso 3.0, the last two exactly as `bargain export` writes them. Our own contract and
/// congress record have a namespace and schema each, so each is a format of its own, and an item
/// is available in the one of its kind.
enum OAIMetadataFormat: String, CaseIterable {
    case dublinCore = "oai_dc"
    case contract = "bargain-contract"
    case congress = "bargain-congress"
    case akn = "akn"

    /// The export format behind the prefix; nil for Dublin Core, which no export writes.
    var exportFormat: ExportFormat? {
        switch self {
        case .dublinCore: nil
        case .contract, .congress: .own
        case .akn: .akn
        }
    }

    /// Whether a document of `kind` is disseminated in this format.
    func carries(_ kind: ExportedDocument.Kind) -> Bool {
        switch self {
        case .dublinCore, .akn: true
        case .contract: kind == .contract
        case .congress: kind == .congressRecord
        }
    }

    /// `schema` as `ListMetadataFormats` states it; our own schemas are served under `/oai/schema/`.
    func schema(baseURL: String) -> String {
        switch self {
        case .dublinCore: "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
        case .contract: baseURL + "/schema/" + ExportSchemas.contractFileName
        case .congress: baseURL + "/schema/" + ExportSchemas.congressFileName
        case .akn: "http://docs.oasis-open.org/legaldocml/akn-core/v1.0/os/part2-specs/schemas/akomantoso30.xsd"
        }
    }

    var namespace: String {
        switch self {
        case .dublinCore: "http://www.openarchives.org/OAI/2.0/oai_dc/"
        case .contract: "urn:bargain:contract:1.0"
        case .congress: "urn:bargain:congress:1.0"
        case .akn: "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
        }
    }
}
