import Bargaining
import BargainingFiles
import Testing
import TestSupport

/// Every seat x every act of every shipped workflow x in and out of scope.
@Suite("Authorization: seats, scopes and acts")
struct AuthorizationMatrixTests {
    static let plant = CreditCode.makeValid(prefix17: "91110105MA0000001")
    static let other = CreditCode.makeValid(prefix17: "91110108MA0000002")

    /// The role each seat records, written out here (not read from `Seat.role`).
    static let seats: [(seat: Seat, role: Role?)] = [
        (.unionOfEnterprise(plant), .employeeSide),
        (.union("朝阳区餐饮行业工会"), .employeeSide),
        (.employerOfEnterprise(plant), .employerSide),
        (.upperUnion(district: "朝阳区"), .upperUnion),
        (.labourAdministration(district: "朝阳区"), .labourAdministration),
        (.districtStaff(district: "朝阳区"), nil),
        (.archive, nil),
        (.administrator, nil),
    ]

    /// A negotiation inside every seat's scope (administrator and archive included: it is filed).
    static let inside = NegotiationFacts(enterprises: [plant], employeeParty: "朝阳区餐饮行业工会", district: "朝阳区", filed: true)
    /// A negotiation in another district, of another enterprise and union, not filed.
    static let outside = NegotiationFacts(enterprises: [other], employeeParty: "海淀区建筑业工会", district: "海淀区", filed: false)

    @Test("every seat x every act of every shipped workflow: in scope the workflow's roles decide, out of scope it is 'not found'",
          arguments: WorkflowLoaderTests.shipped)
    func matrix(workflowName: String) throws {
        let workflow = try WorkflowLoader.load(contentsOf: "\(Repository.workflowsPath)/\(workflowName).yaml")
        #expect(!workflow.actions.isEmpty)
        for (seat, role) in Self.seats {
            #expect(Authorization.decide(seat: seat, account: "甲", facts: Self.inside, request: .read) == .allowed(nil))
            let outsideRead = Authorization.decide(seat: seat, account: "甲", facts: Self.outside, request: .read)
            #expect(outsideRead == (seat == .administrator ? .allowed(nil) : .notFound), "\(seat)")
            for action in workflow.actions {
                let decision = Authorization.decide(seat: seat, account: "甲", facts: Self.inside, request: .act(action))
                if let role, action.roles.contains(role) {
                    #expect(decision == .allowed(Actor(role, "甲")), "\(seat) \(action.kind)")
                } else if case .refused(let reason) = decision {
                    #expect(reason.contains(action.kind.title), "\(seat) \(action.kind): \(reason)")
                    if role != nil { #expect(reason.contains(action.article)) }
                } else {
                    Issue.record("\(seat) \(action.kind): expected a refusal, got \(decision)")
                }
                let outsideAct = Authorization.decide(seat: seat, account: "甲", facts: Self.outside, request: .act(action))
                if seat != .administrator { #expect(outsideAct == .notFound, "\(seat) \(action.kind)") }
            }
        }
    }

    @Test("the archive reads filed records only; an unfiled one is 'not found'")
    func archiveFiledOnly() {
        var facts = Self.inside
        facts.filed = false
        #expect(Authorization.decide(seat: .archive, account: "档案", facts: facts, request: .read) == .notFound)
    }

    @Test("S1 art 32: either side sends the notice; the enterprise union acts for its own enterprise, recorded under the account's name")
    func actorFromSeat() throws {
        let workflow = try WorkflowLoader.load(contentsOf: "\(Repository.workflowsPath)/enterprise.yaml")
        let notice = try #require(workflow.action(.sendNotice))
        let decision = Authorization.decide(seat: .unionOfEnterprise(Self.plant), account: "王芳", facts: Self.inside, request: .act(notice))
        #expect(decision == .allowed(Actor(.employeeSide, "王芳")))
        let employer = Authorization.decide(seat: .employerOfEnterprise(Self.plant), account: "李总", facts: Self.inside, request: .act(notice))
        #expect(employer == .allowed(Actor(.employerSide, "李总")))
        let staff = Authorization.decide(seat: .districtStaff(district: "朝阳区"), account: "张", facts: Self.inside, request: .act(notice))
        #expect(staff != .allowed(Actor(.employeeSide, "张")) && staff != .notFound)
    }
}
