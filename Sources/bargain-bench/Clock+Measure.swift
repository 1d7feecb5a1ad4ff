/// Timing for benchmarks: the best of several runs, because on a shared machine noise only ever
/// makes a run slower.
enum Measure {
    /// Seconds for the fastest of `repetitions` runs of `body`.
    static func best(repetitions: Int = 5, _ body: () throws -> Void) rethrows -> Double {
        var best = Double.infinity
        let clock = ContinuousClock()
        for _ in 0..<repetitions {
            let elapsed = try clock.measure(body)
            best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        return best
    }

    static func format(_ rate: Double) -> String {
        rate >= 1000 ? "\(Int(rate.rounded()).formatted())" : String(format: "%.1f", rate)
    }
}

extension Int {
    /// 1234567 → "1,234,567".
    func formatted() -> String {
        let digits = String(self.magnitude)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return (self < 0 ? "-" : "") + out
    }
}
