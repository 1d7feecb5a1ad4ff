import Bargaining
import Testing

/// Seats as `bargain accounts add --seat` takes them and the account table keeps them (issue 15
/// item 2): every form reads back to the same seat; a mistyped one says what the forms are.
@Suite("seat text")
struct SeatTextTests {
    static let code = CreditCode.makeValid(prefix17: "91110302MA01C8XK7")

    @Test(arguments: [
        Seat.unionOfEnterprise(code), .union("荣华街道总工会"), .employerOfEnterprise(code), .upperUnion(district: "大兴区"),
        .labourAdministration(district: "大兴区"), .districtStaff(district: "北京经济技术开发区"), .archive, .administrator,
    ])
    func roundTrip(_ seat: Seat) {
        #expect(Seat(seat.description) == seat)
    }

    @Test func refusals() {
        func reason(_ text: String) -> String? {
            if case .failure(let error) = Seat.parse(text) { return error.reason }
            return nil
        }
        #expect(reason("union:91110302MA01C8XK0")?.contains("credit code") == true, "a wrong check character")
        #expect(reason("staff:")?.contains("needs a scope") == true)
        #expect(reason("admin:大兴区")?.contains("takes no scope") == true)
        #expect(reason("chair")?.contains("unknown kind") == true)
        if case .failure(let error) = Seat.parse("chair") {
            #expect(error.description.contains("labour:DISTRICT"), "the refusal lists the forms")
        }
        #expect(Seat("labour:大兴区 ") == .labourAdministration(district: "大兴区"), "the scope is trimmed")
    }
}
