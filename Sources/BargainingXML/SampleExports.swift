import Bargaining

/// The golden samples in `exports/samples/`: the demo negotiations (`SampleNegotiations`
/// enterprise and regional) decided act by act through the engine in memory, chained, and
/// exported in both formats. `scripts/export-samples` writes them; the tests compare them byte
/// for byte.
public enum SampleExports {
    /// The demo negotiations' histories, under the workflows of `directory`.
    public static func histories(_ directory: WorkflowDirectory, link: ChainLink) throws(ExportError) -> [NegotiationHistory] {
        var histories: [NegotiationHistory] = []
        for level in [Level.enterprise, .regional] {
            let engine = directory.engine(for: level)
            let script = level == .enterprise
                ? SampleNegotiations.enterprise(workflow: engine.workflow.reference)
                : SampleNegotiations.regional(workflow: engine.workflow.reference)
            histories.append(try NegotiationHistory(engine: engine, events: try play(script, engine).chained(with: link)))
        }
        return histories
    }

    /// The samples' export time, fixed so that the samples are reproducible.
    public static let exportedAt = "2025-06-30T08:00:00Z"

    /// The samples' deposit: the policy's depositor, this program, ``exportedAt``.
    public static func deposit(_ directory: WorkflowDirectory) -> Deposit? {
        directory.context.policy.depositor.map { Deposit(depositor: $0, exportedAt: exportedAt) }
    }

    /// Every sample document: for each negotiation, its own-format documents, then its Akoma
    /// Ntoso renditions.
    public static func documents(
        _ directory: WorkflowDirectory, schemas: ExportSchemas, link: ChainLink
    ) throws(ExportError) -> [ExportedDocument] {
        let exporter = Exporter(schemas: schemas, deposit: deposit(directory))
        var documents: [ExportedDocument] = []
        for history in try histories(directory, link: link) {
            for format in ExportFormat.allCases {
                documents += try exporter.documents(for: history, format: format)
            }
        }
        return documents
    }

    /// Writes the samples into `path`.
    @discardableResult
    public static func write(
        to path: String, directory: WorkflowDirectory, schemas: ExportSchemas, link: ChainLink
    ) throws(ExportError) -> [String] {
        try DocumentFiles.write(try documents(directory, schemas: schemas, link: link), to: path)
    }

    /// The script's events, as the engine decides them.
    static func play(_ script: SampleNegotiations.Script, _ engine: Engine) throws(ExportError) -> [Event] {
        func fail(_ violation: RuleViolation) -> ExportError {
            .history(reason: "the sample \(script.opening.id) no longer plays under \(engine.workflow.reference): \(violation)")
        }
        var decision: Decision
        switch engine.open(script.opening, by: script.openedBy, on: script.openedOn) {
        case .success(let opened): decision = opened
        case .failure(let violation): throw fail(violation)
        }
        var events = decision.events
        for act in script.acts {
            switch engine.decide(decision.state, act.action, by: act.actor, on: act.on) {
            case .success(let next): decision = next
            case .failure(let violation): throw fail(violation)
            }
            events += decision.events
        }
        return events
    }
}
