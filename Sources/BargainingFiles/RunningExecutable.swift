#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Where the running program's file is, so that data installed beside it (`../share/bargain/…`)
/// is found however it was started. `CommandLine.arguments[0]` is only the name the shell was
/// given: plain `bargain` when it was found on `PATH`, which says nothing about its directory.
public enum RunningExecutable {
    public static let path: String = {
        #if os(Linux)
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        #elseif canImport(Darwin)
        if let path = Bundle.main.executablePath { return path }
        #endif
        return CommandLine.arguments.first ?? ""
    }()
}
