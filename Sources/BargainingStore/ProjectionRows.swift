import Bargaining

/// The projection tables' rows, read as plain columns by either store and assembled into
/// summaries here, so both stores return identical values for identical rows.
struct ProjectionRows {
    struct Negotiation {
        var id: String
        var level: String
        var workflowName: String
        var workflowVersion: Int
        var workflowDigest: String
        var title: String
        var employeeParty: String
        var employerParty: String
        var district: String?
        var street: String?
        var step: String
        var version: Int
        var lastDay: String
        var renews: String?
        var endedOn: String?
    }

    struct Deadline {
        var negotiationID: String
        var name: String
        var due: String
        var openedOn: String
    }

    struct Contract {
        var contractID: String
        var negotiationID: String
        var level: String
        var title: String
        var signedOn: String?
        var effectiveOn: String?
        var expiresOn: String?
        var terminatedOn: String?
        var renews: String?
    }

    struct Enterprise {
        var contractID: String
        var creditCode: String
    }

    /// In id order, as listed.
    var negotiations: [Negotiation] = []
    /// In (negotiation, position) order.
    var deadlines: [Deadline] = []
    var contracts: [Contract] = []
    /// In (contract, position) order.
    var enterprises: [Enterprise] = []

    func summaries() throws(StoreError) -> [NegotiationSummary] {
        var deadlinesByID: [String: [OpenDeadline]] = [:]
        for row in deadlines {
            let place = "deadline \(row.name) of negotiation \(row.negotiationID)"
            deadlinesByID[row.negotiationID, default: []].append(
                OpenDeadline(name: row.name, due: try StoredColumn.day(row.due, place), openedOn: try StoredColumn.day(row.openedOn, place)))
        }
        var contractByNegotiation: [String: ContractRecord] = [:]
        for record in try contractRecords() { contractByNegotiation[record.negotiationID] = record.record }
        var result: [NegotiationSummary] = []
        result.reserveCapacity(negotiations.count)
        for row in negotiations {
            let place = "negotiation \(row.id)"
            result.append(NegotiationSummary(
                id: row.id, level: try StoredColumn.level(row.level, place),
                workflow: WorkflowReference(name: row.workflowName, version: row.workflowVersion, digest: row.workflowDigest),
                title: row.title, employeeParty: row.employeeParty, employerParty: row.employerParty, district: row.district,
                street: row.street, step: row.step, version: row.version, lastDay: try StoredColumn.day(row.lastDay, place),
                deadlines: deadlinesByID[row.id] ?? [], contract: contractByNegotiation[row.id], renews: row.renews,
                endedOn: try StoredColumn.optionalDay(row.endedOn, place)))
        }
        return result
    }

    /// The contract rows with their enterprises, in contract order.
    func contractRecords() throws(StoreError) -> [(negotiationID: String, record: ContractRecord)] {
        var codes: [String: [CreditCode]] = [:]
        for row in enterprises {
            codes[row.contractID, default: []].append(try StoredColumn.creditCode(row.creditCode, "an enterprise of contract \(row.contractID)"))
        }
        var result: [(negotiationID: String, record: ContractRecord)] = []
        for row in contracts {
            let place = "contract \(row.contractID)"
            result.append((row.negotiationID, ContractRecord(
                contractID: row.contractID, level: try StoredColumn.level(row.level, place), title: row.title,
                signedOn: try StoredColumn.optionalDay(row.signedOn, place), effectiveOn: try StoredColumn.optionalDay(row.effectiveOn, place),
                expiresOn: try StoredColumn.optionalDay(row.expiresOn, place), terminatedOn: try StoredColumn.optionalDay(row.terminatedOn, place),
                enterprises: codes[row.contractID] ?? [], renews: row.renews)))
        }
        return result
    }
}
