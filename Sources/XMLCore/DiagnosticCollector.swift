internal import CLibXML2

/// Gathers libxml2's structured errors for one call, so they reach the caller as values instead
/// of being printed to standard error.
///
/// libxml2 2.9.14 has no per-call error handler for the parser, only a per-thread global one; the
/// handler is therefore installed around each synchronous call and removed before returning.
final class DiagnosticCollector {
    /// A hostile document can produce an error per element; past this many we only count them.
    static let limit = 1000

    let documentName: String
    /// The parser's complaint that the bytes are not UTF-8, if it made one.
    private(set) var encodingError: XMLDiagnostic?
    private var diagnostics: [XMLDiagnostic] = []
    private var dropped = 0

    init(documentName: String) {
        self.documentName = documentName
    }

    /// The context pointer to hand to libxml2; valid while `self` is alive.
    var context: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    /// The C callback; `context` must be a collector's `context`.
    static let callback: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        Unmanaged<DiagnosticCollector>.fromOpaque(context).takeUnretainedValue().record(error.pointee)
    }

    /// Runs `body` with this collector as the thread's structured error handler. `body` must not
    /// suspend: the handler belongs to the thread, not the task.
    func collecting<Result, Failure: Error>(
        _ body: () throws(Failure) -> Result
    ) throws(Failure) -> Result {
        xmlSetStructuredErrorFunc(context, Self.callback)
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        return try body()
    }

    /// Adds a diagnostic that did not come from libxml2 (a refusal, an unexplained failure).
    func add(_ message: String) {
        append(XMLDiagnostic(documentName: documentName, line: 0, message: message))
    }

    /// Everything collected, with a final note when some were dropped.
    var all: [XMLDiagnostic] {
        guard dropped > 0 else { return diagnostics }
        return diagnostics + [
            XMLDiagnostic(
                documentName: documentName, line: 0,
                message: "\(dropped) further errors not shown"),
        ]
    }

    private func record(_ error: xmlError) {
        // Warnings (e.g. a relative namespace URI) do not make a document unusable; keeping them
        // out means "no diagnostics" can mean "valid".
        guard error.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        var message = error.message.map { String(cString: $0) } ?? "libxml2 error \(error.code)"
        while message.last?.isNewline == true { message.removeLast() }
        // Some messages carry a second line (the offending bytes); one line per diagnostic
        // keeps the xmllint-style output greppable.
        message = String(message.map { $0.isNewline ? " " : $0 })
        let diagnostic = XMLDiagnostic(
            documentName: documentName, line: Int(error.line),
            column: error.int2 > 0 ? Int(error.int2) : nil, message: message)
        // 2.9.14 reports bad UTF-8 as XML_ERR_INVALID_CHAR, a code it shares with forbidden
        // characters such as U+0001; only the message tells them apart.
        if encodingError == nil, error.domain == Int32(XML_FROM_PARSER.rawValue),
            error.code == Int32(XML_ERR_INVALID_CHAR.rawValue)
                || error.code == Int32(XML_ERR_INVALID_ENCODING.rawValue),
            message.hasPrefix("Input is not proper UTF-8")
        {
            encodingError = diagnostic
        }
        append(diagnostic)
    }

    private func append(_ diagnostic: XMLDiagnostic) {
        if diagnostics.count < Self.limit {
            diagnostics.append(diagnostic)
        } else {
            dropped += 1
        }
    }
}
