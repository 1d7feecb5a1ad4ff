import Bargaining
import BargainingXML
import Foundation
import XMLCore

/// The six verbs (OAI-PMH 2.0 §4) over an ``OAIRepository``, each answering a document or the
/// error conditions §3.6 defines.
struct OAIVerbs {
    let repository: OAIRepository
    let configuration: OAIConfiguration
    let baseURL: String
    let now: Date

    /// A guaranteed lower bound of every datestamp: the store keeps no cheaper minimum than a
    /// scan of every negotiation, and a bound may be earlier than the first change (§4.2).
    static let earliestDatestamp = "1970-01-01T00:00:00Z"

    func answer(_ arguments: OAIArguments) async throws -> [UInt8] {
        let request: OAIRequest
        do {
            request = try arguments.request()
        } catch {
            return try failure(error, arguments: nil)
        }
        let echoed = [("verb", request.verb.rawValue)] + arguments.pairs.filter { $0.name != "verb" }
        do {
            var response = try OAIResponse(responseDate: OAIDatestamp.format(now), baseURL: baseURL, arguments: echoed)
            switch request.verb {
            case .identify: try await identify(&response)
            case .listMetadataFormats: try await listMetadataFormats(request, &response)
            case .listSets: try await listSets(request, &response)
            case .listIdentifiers, .listRecords: try await list(request, &response)
            case .getRecord: try await getRecord(request, &response)
            }
            return try response.finish()
        } catch let error as OAIError {
            return try failure(error, arguments: error.keepsRequestArguments ? echoed : nil)
        }
    }

    func failure(_ error: OAIError, arguments: [(name: String, value: String)]?) throws -> [UInt8] {
        var response = try OAIResponse(responseDate: OAIDatestamp.format(now), baseURL: baseURL, arguments: arguments ?? [])
        try response.error(error)
        return try response.finish()
    }

    private func identify(_ response: inout OAIResponse) async throws {
        let depositor = try await repository.depositor()
        try response.writer.startElement("Identify")
        try response.writer.element("repositoryName", text: (depositor?.name ?? "bargain") + " 集体合同档案 (filed collective contracts)")
        try response.writer.element("baseURL", text: baseURL)
        try response.writer.element("protocolVersion", text: "2.0")
        try response.writer.element("adminEmail", text: configuration.adminEmail)
        try response.writer.element("earliestDatestamp", text: Self.earliestDatestamp)
        // The store is append-only: nothing filed is ever deleted, and a negotiation whose
        // re-agreed terms await filing is left out until they are filed (§4.2: "no").
        try response.writer.element("deletedRecord", text: "no")
        try response.writer.element("granularity", text: OAIDatestamp.granularity)
        try response.writer.endElement()
    }

    private func listMetadataFormats(_ request: OAIRequest, _ response: inout OAIResponse) async throws {
        var formats = OAIMetadataFormat.allCases.filter { $0 != .akn || configuration.aknSchema != nil }
        if let identifier = request.arguments["identifier"] {
            let item = try await located(identifier).item
            formats.removeAll { !$0.carries(item.kind) }
        }
        try response.writer.startElement("ListMetadataFormats")
        for format in formats {
            try response.writer.startElement("metadataFormat")
            try response.writer.element("metadataPrefix", text: format.rawValue)
            try response.writer.element("schema", text: format.schema(baseURL: baseURL))
            try response.writer.element("metadataNamespace", text: format.namespace)
            try response.writer.endElement()
        }
        try response.writer.endElement()
    }

    private func listSets(_ request: OAIRequest, _ response: inout OAIResponse) async throws {
        if let token = request.arguments["resumptionToken"] {
            throw OAIError(.badResumptionToken, "ListSets answers in one part; '\(token)' is not one of its tokens")
        }
        let sets: [OAISet] = [.levels] + Level.allCases.map(OAISet.level) + [.districts]
            + (try await repository.districts()).map(OAISet.district)
        try response.writer.startElement("ListSets")
        for set in sets {
            try response.writer.startElement("set")
            try response.writer.element("setSpec", text: set.spec)
            try response.writer.element("setName", text: set.name)
            try response.writer.endElement()
        }
        try response.writer.endElement()
    }

    private func list(_ request: OAIRequest, _ response: inout OAIResponse) async throws {
        let verb = request.verb.rawValue
        let resumed = request.arguments["resumptionToken"]
        let query: OAIResumptionToken
        if let resumed {
            query = try OAIResumptionToken(resumed, verb: verb)
        } else {
            query = OAIResumptionToken(verb: verb, metadataPrefix: request.arguments["metadataPrefix"]!, set: request.arguments["set"],
                                       from: request.arguments["from"], until: request.arguments["until"], after: "")
        }
        // A token carries what its first request gave, checked again: one that was altered is
        // a bad token, not a bad argument.
        func refuse(_ error: OAIError) -> OAIError {
            resumed == nil ? error : OAIError(.badResumptionToken, "the resumption token does not hold a valid list: \(error.message)")
        }
        let format = try self.format(query.metadataPrefix, refuse)
        let from = try query.from.map { try bound($0, isUntil: false, refuse) }
        let until = try query.until.map { try bound($0, isUntil: true, refuse) }
        if let from, let until {
            guard from.isDay == until.isDay else { throw refuse(OAIError(.badArgument, "from and until must have the same granularity")) }
            guard from.value <= until.value else { throw refuse(OAIError(.badArgument, "from \(query.from!) is after until \(query.until!)")) }
        }
        var set: OAISet?
        if let spec = query.set {
            guard let parsed = OAISet(spec: spec) else { throw OAIError(.noRecordsMatch, "there is no set '\(spec)' (see ListSets)") }
            set = parsed
        }
        let records = request.verb == .listRecords
        let page = try await repository.page(format: format, set: set, from: from?.value, until: until?.value,
                                             after: query.after.isEmpty ? nil : query.after, metadata: records, exportedAt: now)
        guard !page.items.isEmpty else {
            throw OAIError(.noRecordsMatch, "no filed contract or congress record matches these arguments")
        }
        try response.writer.startElement(verb)
        for item in page.items {
            if records { try response.record(item) } else { try response.header(item) }
        }
        if let after = page.resumeAfter {
            var next = query
            next.after = after
            try response.resumptionToken(next.encoded)
        } else if resumed != nil {
            try response.resumptionToken(nil)
        }
        try response.writer.endElement()
    }

    private func getRecord(_ request: OAIRequest, _ response: inout OAIResponse) async throws {
        let (item, negotiation) = try await located(request.arguments["identifier"]!)
        let format = try self.format(request.arguments["metadataPrefix"]!) { $0 }
        guard format.carries(item.kind) else {
            throw OAIError(.cannotDisseminateFormat, "\(item.identifier) is a \(item.kind == .contract ? "contract" : "congress record"); "
                           + "it is not available as \(format.rawValue)")
        }
        let items = try await repository.items(of: negotiation, format: format, metadata: true, exportedAt: now)
        guard let found = items.first(where: { $0.identifier == item.identifier }) else {
            throw OAIError(.idDoesNotExist, "\(item.identifier) is not a filed contract or congress record here")
        }
        try response.writer.startElement("GetRecord")
        try response.record(found)
        try response.writer.endElement()
    }

    /// The item an identifier names, without its metadata, and its negotiation; or
    /// idDoesNotExist: a negotiation that is not filed has no items, so its existence is not
    /// revealed.
    private func located(_ identifier: String) async throws -> (item: OAIRepository.Item, negotiation: String) {
        guard let documentID = try await repository.documentID(identifier) else {
            throw OAIError(.idDoesNotExist, "'\(identifier)' is not an identifier of this repository (urn:bargain:…)")
        }
        for negotiation in Self.negotiations(of: documentID) {
            let items = try await repository.items(of: negotiation, format: nil, metadata: false, exportedAt: now)
            if let item = items.first(where: { $0.documentID == documentID }) { return (item, negotiation) }
        }
        throw OAIError(.idDoesNotExist, "\(identifier) is not a filed contract or congress record here")
    }

    /// The negotiations a document id may belong to: a contract has its negotiation's id, a
    /// congress record `ID-congress-N` (``CongressRecord/recordID(negotiation:session:)``).
    static func negotiations(of documentID: String) -> [String] {
        guard let range = documentID.range(of: "-congress-", options: .backwards),
              let session = Int(documentID[range.upperBound...]),
              CongressRecord.recordID(negotiation: String(documentID[..<range.lowerBound]), session: session) == documentID else {
            return [documentID]
        }
        return [documentID, String(documentID[..<range.lowerBound])]
    }

    private func format(_ prefix: String, _ refuse: (OAIError) -> OAIError) throws -> OAIMetadataFormat {
        guard let format = OAIMetadataFormat(rawValue: prefix), format != .akn || configuration.aknSchema != nil else {
            throw refuse(OAIError(.cannotDisseminateFormat, "'\(prefix)' is not a metadata format here (see ListMetadataFormats)"))
        }
        return format
    }

    private func bound(_ text: String, isUntil: Bool, _ refuse: (OAIError) -> OAIError) throws -> (value: String, isDay: Bool) {
        guard let bound = OAIDatestamp.bound(text, isUntil: isUntil) else {
            throw refuse(OAIError(.badArgument, "\(isUntil ? "until" : "from") '\(text)' is not YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ (UTC)"))
        }
        return bound
    }
}
