/// The employees' written request for negotiation (S4 art 17): how many asked, out of how many,
/// on which day. At least a fifth obliges the union to send the notice.
public struct EmployeesRequest: Hashable, Sendable {
    public var asking: Int
    public var employees: Int
    public var on: Day

    public init(asking: Int, employees: Int, on: Day) {
        self.asking = asking
        self.employees = employees
        self.on = on
    }
}
