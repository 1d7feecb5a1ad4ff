import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Timing for benchmarks: CPU time, the best of several runs. On a shared machine wall-clock
/// time mostly measures the neighbours (a run waits for a core); the CPU time a thread or a child
/// process used is what the work itself costs, and noise only ever makes a run slower, so the
/// best run is the least disturbed one.
enum Measure {
    /// CPU seconds of the fastest of `repetitions` runs of `body` on the calling thread.
    static func best(repetitions: Int = 5, _ body: () throws -> Void) rethrows -> Double {
        var best = Double.infinity
        for _ in 0..<repetitions {
            let start = threadCPU()
            try body()
            best = min(best, threadCPU() - start)
        }
        return best
    }

    /// This thread's CPU time, in seconds.
    static func threadCPU() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// User and system time of the child processes waited for so far, in seconds.
    static func childrenCPU() -> Double {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &usage)
        #else
        getrusage(RUSAGE_CHILDREN, &usage)
        #endif
        func seconds(_ value: timeval) -> Double { Double(value.tv_sec) + Double(value.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
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
