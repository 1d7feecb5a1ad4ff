/// The columns one kind of import knows, with the header names it accepts for each, so that
/// the same header logic serves the registry and the contracts files.
protocol CSVColumn: CaseIterable, RawRepresentable<Int>, Sendable where AllCases == [Self] {
    /// The English name first (used in messages), then the Chinese ones.
    var headerNames: [String] { get }
    /// A column that may be left out of the file entirely; its cells then count as empty.
    var isOptional: Bool { get }
}
