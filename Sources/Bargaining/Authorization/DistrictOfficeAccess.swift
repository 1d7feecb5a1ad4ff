extension Authorization {
    /// Who does the district federation's office work from the district page (issue 16 items 3
    /// and 4): importing the registry, contracts and congress files, and sending the reminder
    /// letters, which the district federation signs. Its staff do it for their district, the
    /// administrator for the city (any district's rows). The upper-level union and the labour
    /// administration read a district's figures but keep neither its registry nor its letters:
    /// refused, as every other seat is.
    public static func districtOffice(seat: Seat) -> CoverageAccess {
        switch seat {
        case .districtStaff(let district): .allowed(district: district)
        case .administrator: .allowed(district: nil)
        case .upperUnion, .labourAdministration, .unionOfEnterprise, .union, .employerOfEnterprise, .archive:
            .refused("此席位不办理区总工会的数据导入和督促函 (this seat does not import the district's data or send its reminders): 区总工会工作人员办理本区的，管理员办理全市的")
        }
    }
}
