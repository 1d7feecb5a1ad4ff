/// "1 day", "2 days": a count with its noun in the right number, for every English line that
/// states one (a chair reading "1 days overdue" stops trusting the rest).
func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(count) \(count == 1 || count == -1 ? singular : plural ?? singular + "s")"
}
