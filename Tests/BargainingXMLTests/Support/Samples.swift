import BargainingKeys
import Bargaining
@testable import BargainingXML

/// The demo negotiations played through the engine, and the hash chain to export them with.
enum Samples {
    /// A chain link that takes each event's hash from the golden samples.
    ///
    /// BargainingXML does not define the hash chain (the store does, in BargainingStore, which
    /// this test target does not link), and the goldens were written by `scripts/export-samples`
    /// with the store's own `HashChain`. The documents carry the hashes of the events they were
    /// built from, so those are the hashes the comparison needs; any other event gets a
    /// placeholder that no document shows. The goldens' hashes themselves are checked by
    /// `scripts/export-samples --check`, which regenerates them with the real chain.
    static func goldenLink() throws -> ChainLink {
        let importer = FilingImporter(schemas: try Fixtures.schemas())
        var hashes: [String: [Int: String]] = [:]
        for name in try goldenFileNames() where !name.hasSuffix(".akn.xml") {
            let bytes = try readFile(Fixtures.samplesDirectory + "/" + name)
            switch try importer.importDocument(bytes, name: name) {
            case .contract(let contract):
                hashes[contract.negotiationID, default: [:]][contract.provenance.eventSequence] = contract.provenance.eventHash
            case .congressRecord(let record):
                if let id = record.negotiationID, let provenance = record.provenance {
                    hashes[id, default: [:]][provenance.eventSequence] = provenance.eventHash
                }
            }
        }
        let known = hashes
        final class Current: @unchecked Sendable { var id = "" }
        let current = Current()
        return { _, event in
            if case .opened(let opening) = event.body { current.id = opening.id }
            return known[current.id]?[event.sequence] ?? String(repeating: "0", count: 64)
        }
    }

    /// A link that hashes the sequence number: for tests that need a chain but no goldens.
    static let placeholderLink: ChainLink = { previous, event in
        Hex.sha256(Array((previous + "|" + String(event.sequence)).utf8))
    }

    /// The enterprise sample's script and engine.
    static func enterprise() -> (SampleNegotiations.Script, Engine) {
        let engine = Fixtures.directory.engine(for: .enterprise)
        return (SampleNegotiations.enterprise(workflow: engine.workflow.reference), engine)
    }

    /// The history after the first `count` acts of `script`.
    static func history(_ script: SampleNegotiations.Script, _ engine: Engine, acts count: Int? = nil) throws -> NegotiationHistory {
        var script = script
        if let count { script.acts = Array(script.acts.prefix(count)) }
        let events = try SampleExports.play(script, engine)
        return try NegotiationHistory(engine: engine, events: events.chained(with: placeholderLink))
    }

    static func goldenFileNames() throws -> [String] {
        try FileSystem.entries(Fixtures.samplesDirectory).filter { $0.hasSuffix(".xml") }
    }

    static func readFile(_ path: String) throws -> [UInt8] {
        try FileSystem.read(path, limit: 64 << 20)
    }
}
