#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Bargaining

/// Asks a chair for an action's fields one at a time, with what each is for and the form it
/// takes, and asks again until the answer parses. Nothing is decided or recorded while it asks,
/// so Ctrl-C or end of input leaves the negotiation exactly as it was.
struct FieldPrompter {
    /// One line of input, or nil at end of input.
    var readLine: () -> String?
    var write: (String) -> Void
    var terminal: Terminal

    /// A prompter on the terminal. Only a person answers prompts: a script that pipes into
    /// `bargain` is told to give the fields on the command line instead.
    static func standardInput() throws(CommandFailure) -> FieldPrompter {
        guard Terminal.standardInputIsTTY else {
            throw CommandFailure("standard input is not a terminal, so bargain cannot ask; give the fields with `bargain do ID ACTION --set NAME=VALUE …`",
                                 exitCode: ExitCodes.usage)
        }
        let terminal = Terminal.standardOutput
        return FieldPrompter(readLine: { Swift.readLine(strippingNewline: true) }, write: terminal.write, terminal: terminal)
    }

    /// The fields of `kind` not in `given`, asked in the order the action lists them.
    func complete(_ given: Fields, for kind: ActionKind) throws(PromptCancelled) -> Fields {
        try complete(given, asking: kind.fields)
    }

    /// The fields of `specs` not in `given`, in order.
    func complete(_ given: Fields, asking specs: [FieldSpec]) throws(PromptCancelled) -> Fields {
        var fields = given
        for spec in specs where fields[spec.name] == nil {
            fields[spec.name] = try ask(spec)
        }
        return fields
    }

    /// The value of one field, or nil for an optional field left empty.
    func ask(_ spec: FieldSpec) throws(PromptCancelled) -> FieldValue? {
        write(terminal.paint(spec.name, .bold) + "  \(spec.help)\n")
        while true {
            write("  \(spec.type.hint)\(spec.required ? "" : " (optional: Enter skips)")> ")
            guard let line = readLine() else { throw PromptCancelled() }
            if line.allSatisfy(\.isWhitespace), !spec.required { return nil }
            switch FieldEntry.parse(line, as: spec) {
            case .success(let value): return value
            case .failure(let problem): write("  " + terminal.paint(problem.description, .red) + "\n")
            }
        }
    }

    /// Yes or no; anything else asks again.
    func confirm(_ question: String) throws(PromptCancelled) -> Bool {
        while true {
            write("\(question) [y/n]> ")
            guard let line = readLine() else { throw PromptCancelled() }
            if case .flag(let answer)? = FieldType.flag.parse(line) { return answer }
        }
    }
}

/// The chair stopped answering (end of input). Nothing was recorded.
struct PromptCancelled: Error, CustomStringConvertible {
    var description: String { "cancelled at end of input; nothing was recorded" }
}

extension FieldPrompter {
    /// Runs `body` with Ctrl-C ending the process at once with ``ExitCodes/cancelled`` and a line
    /// saying nothing was recorded: while the prompter asks, nothing has been decided, so there
    /// is nothing to undo. The default handling returns afterwards, so an interrupt during the
    /// store's own transaction is left to the store's atomicity.
    static func interruptible<T>(_ body: () throws -> T) rethrows -> T {
        _ = interrupted.status
        signal(SIGINT) { _ in
            interrupted.message.withUnsafeBufferPointer(writeToStandardError)
            _exit(interrupted.status)
        }
        defer { signal(SIGINT, SIG_DFL) }
        return try body()
    }
}

private func writeToStandardError(_ bytes: UnsafeBufferPointer<UInt8>) {
    #if canImport(Glibc)
    _ = Glibc.write(STDERR_FILENO, bytes.baseAddress, bytes.count)
    #elseif canImport(Darwin)
    _ = Darwin.write(STDERR_FILENO, bytes.baseAddress, bytes.count)
    #endif
}

/// Built before the handler is installed, so the handler itself never allocates.
private let interrupted = (message: Array("\ncancelled: nothing was recorded\n".utf8), status: ExitCodes.cancelled.rawValue)
