#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// One output stream and what it can show. Colour is for people, so it appears only on a
/// terminal, and never when `NO_COLOR` is set to anything non-empty (https://no-color.org):
/// district staff pipe `bargain` into files and scripts, which must get plain text.
struct Terminal: Sendable {
    let descriptor: Int32
    let isTTY: Bool
    let colour: Bool

    static let standardOutput = Terminal(descriptor: STDOUT_FILENO)
    static let standardError = Terminal(descriptor: STDERR_FILENO)
    static var standardInputIsTTY: Bool { isatty(STDIN_FILENO) == 1 }

    /// `NO_COLOR` with any non-empty value turns colour off; so does a `dumb` terminal.
    static func allowsColour(_ environment: [String: String]) -> Bool {
        (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }

    /// `text` in `style`, marked with two private-use characters that ``write(_:)`` turns into
    /// the escape sequence: only bargain's own styles reach the terminal as escapes.
    func paint(_ text: String, _ style: Style?) -> String {
        guard colour, let style, !text.isEmpty else { return text }
        return "\(Self.styleStart)\(style.rawValue)\(Self.styleEnd)\(text)\(Self.styleStart)0\(Self.styleEnd)"
    }

    static let styleStart: Unicode.Scalar = "\u{F8F0}", styleEnd: Unicode.Scalar = "\u{F8F1}"

    /// What reaches the stream: stored text made safe (``safe(_:)``: a control character
    /// becomes U+FFFD, so a name such as `工会ESC]0;PWNED BEL ESC[2J` cannot retitle or clear
    /// the terminal), then bargain's own styles and carriage returns as the real thing.
    static func rendered(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in safe(text).unicodeScalars {
            switch scalar {
            case styleStart: scalars.append(contentsOf: "\u{1B}[".unicodeScalars)
            case styleEnd: scalars.append("m")
            case carriageReturn: scalars.append("\r")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Writes unbuffered, so stdout and stderr lines stay in order when both go to one terminal.
    func write(_ text: String) {
        var bytes = Array(Self.rendered(text).utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }

    func line(_ text: String = "") { write(text + "\n") }

    /// Replaces the line the cursor is on with `text` (a progress bar redrawn in place); on a
    /// terminal only.
    func replaceLine(_ text: String) {
        guard isTTY else { return }
        write("\(Self.carriageReturn)\(Self.styleStart)2K\(text)")
    }

    /// Marks a carriage return that ``safe(_:)`` keeps (a stored `\r` is removed).
    static let carriageReturn: Unicode.Scalar = "\u{F8F2}"
}

extension Terminal {
    /// The stream as it is: a terminal or not, and whether the environment allows colour.
    init(descriptor: Int32, environment: [String: String] = ProcessInfo.processInfo.environment) {
        let isTTY = isatty(descriptor) == 1
        self.init(descriptor: descriptor, isTTY: isTTY, colour: isTTY && Terminal.allowsColour(environment))
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif

/// The few ANSI styles bargain uses, each with one meaning.
enum Style: String, Sendable {
    /// Headings and the current step.
    case bold = "1"
    /// Secondary detail: articles, digests.
    case dim = "2"
    /// Refusals, overdue deadlines, failed checks.
    case red = "31"
    /// Passed checks, accepted acts.
    case green = "32"
    /// Warnings the rules raised without refusing.
    case yellow = "33"
    /// Rule outcomes with their numbers.
    case cyan = "36"
}
