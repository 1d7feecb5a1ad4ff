import Bargaining
import Testing

/// Coverage figures by seat (issue 15 item 4, issue 16): every seat x its own scope, another
/// district and the city, written out here rather than derived from the function under test.
@Suite("Authorization: coverage figures by seat")
struct CoverageAccessTests {
    static let plant = CreditCode.makeValid(prefix17: "91110105MA0000001")

    /// Each seat with what it gets asking for nothing, for 朝阳区 and for 海淀区.
    static let matrix: [(seat: Seat, own: CoverageAccess, chaoyang: CoverageAccess, haidian: CoverageAccess)] = [
        (.districtStaff(district: "朝阳区"), .allowed(district: "朝阳区"), .allowed(district: "朝阳区"), .notFound),
        (.upperUnion(district: "朝阳区"), .allowed(district: "朝阳区"), .allowed(district: "朝阳区"), .notFound),
        (.labourAdministration(district: "朝阳区"), .allowed(district: "朝阳区"), .allowed(district: "朝阳区"), .notFound),
        (.administrator, .allowed(district: nil), .allowed(district: "朝阳区"), .allowed(district: "海淀区")),
    ]

    @Test("a district's seats see their district and get 'not found' for another; the administrator sees the city or any district")
    func scopes() {
        for (seat, own, chaoyang, haidian) in Self.matrix {
            #expect(Authorization.coverage(seat: seat, asked: nil) == own, "\(seat)")
            #expect(Authorization.coverage(seat: seat, asked: "朝阳区") == chaoyang, "\(seat)")
            #expect(Authorization.coverage(seat: seat, asked: "海淀区") == haidian, "\(seat)")
            #expect(Authorization.coverage(seat: seat, asked: "no such district") == (seat == .administrator ? .allowed(district: "no such district") : .notFound))
        }
    }

    @Test("an enterprise's, a union's and the archive's seats read no figures, whatever they ask", arguments: [
        Seat.unionOfEnterprise(plant), .union("朝阳区餐饮行业工会"), .employerOfEnterprise(plant), .archive,
    ])
    func refused(seat: Seat) {
        for asked in [nil, "朝阳区"] {
            guard case .refused(let reason) = Authorization.coverage(seat: seat, asked: asked) else {
                Issue.record("\(seat) asking for \(asked ?? "nothing") is not refused")
                continue
            }
            #expect(reason.contains("this seat reads no coverage figures"))
        }
    }
}
