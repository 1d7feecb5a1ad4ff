@testable import bargain
import Bargaining
import BargainingFiles
import BargainingService
import BargainingStore
import Testing
import TestSupport

/// `bargain next`'s conversation, in process: the same questions and answers as on a terminal,
/// against negotiations held in memory.
@Suite("Guided act: questions, refusal, retry")
struct GuidedActTests {
    /// The service over a new store in memory, and the sample's script under `id`.
    static func service(_ id: String) throws -> (LocalNegotiationService, SampleNegotiations.Script) {
        let directory = try WorkflowDirectory.load(Repository.workflows.path)
        let store = InMemoryEventStore()
        let script = SampleNegotiations.enterprise(id: id, workflow: directory.engine(for: .enterprise).workflow.reference)
        return (LocalNegotiationService(store: store, workflows: WorkflowCatalog(directory)), script)
    }

    /// The service with the sample negotiation at preparation.
    static func atPreparation() async throws -> LocalNegotiationService {
        let (service, script) = try Self.service("ENT-G")
        _ = try await service.open(script.opening, by: script.openedBy, on: script.openedOn, requestID: nil)
        for act in script.acts.prefix(4) { _ = try await service.act(act.action, on: "ENT-G", by: act.actor, on: act.on, requestID: nil) }
        return service
    }

    final class Conversation {
        var answers: [String]
        var said = ""
        init(_ answers: [String]) { self.answers = answers }
        var prompter: FieldPrompter {
            FieldPrompter(readLine: { self.answers.isEmpty ? nil : self.answers.removeFirst() }, write: { self.said += $0 }, terminal: .plain)
        }
    }

    @Test("a refusal records nothing; changing the one field the rule points at records the act")
    func refusalThenRetry() async throws {
        let service = try await Self.atPreparation()
        let conversation = Conversation(["prepare", "employer-side", "李强", "", "议题", "2025-03-25", "会议室", "王芳", "y", "recorder", "孙丽", "y"])
        let outcome = try await GuidedAct(prompter: conversation.prompter, service: service, id: "ENT-G", today: Day("2025-03-14")!).run()
        #expect(outcome == .recorded)
        #expect(conversation.said.contains("[recorder-not-representative, S1 art 33]"))
        #expect(conversation.said.contains("Date of the act, YYYY-MM-DD (Enter: today, 2025-03-14)> "))
        let events = try await service.negotiation("ENT-G").events
        #expect(events.count == 6, "one refusal recorded nothing, the retry recorded one event")
        #expect(events.last?.fields.text("recorder") == "孙丽")
        #expect(events.last?.actor == Actor(.employerSide, "李强"))
        #expect(conversation.answers.isEmpty)
    }

    @Test("stopping after a refusal: nothing recorded, and the command exits as refused")
    func stopAfterRefusal() async throws {
        let service = try await Self.atPreparation()
        let conversation = Conversation(["prepare", "1", "", "2025-03-14", "议题", "2025-03-25", "会议室", "张伟", "yes", ""])
        let outcome = try await GuidedAct(prompter: conversation.prompter, service: service, id: "ENT-G").run()
        #expect(outcome == .stopped(afterRefusal: true))
        #expect(try await service.negotiation("ENT-G").events.count == 5)
    }

    @Test("a wrong answer is asked again; an unknown act or role is not accepted")
    func reasks() async throws {
        let service = try await Self.atPreparation()
        let conversation = Conversation(["9", "sign", "prepare", "boss", "2", "", "2025-03-01", "2025-03-14", "议题", "2025-03-25", "会议室",
                                         "孙丽", "maybe", "n", ""])
        let outcome = try await GuidedAct(prompter: conversation.prompter, service: service, id: "ENT-G").run()
        #expect(outcome == .stopped(afterRefusal: false))
        #expect(conversation.said.contains("'9' is not one of the choices"))
        #expect(conversation.said.contains("'sign' is not one of the choices"))
        #expect(conversation.said.contains("'boss' is not one of the choices"))
        #expect(conversation.said.contains("2025-03-01 is before the last recorded act (2025-03-12)"))
        #expect(try await service.negotiation("ENT-G").events.count == 5)
    }

    @Test("request-renewal is not asked for the new id: the tool makes it and opens the renewal")
    func renewal() async throws {
        let (service, script) = try Self.service("ENT-R")
        _ = try await service.open(script.opening, by: script.openedBy, on: script.openedOn, requestID: nil)
        for act in script.acts { _ = try await service.act(act.action, on: "ENT-R", by: act.actor, on: act.on, requestID: nil) }
        let conversation = Conversation(["request-renewal", "y"])
        let outcome = try await GuidedAct(prompter: conversation.prompter, service: service, id: "ENT-R", actor: Actor(.employeeSide, "王芳"),
                                          day: Day("2026-02-02")!).run()
        #expect(outcome == .recorded)
        let renewal = try #require(try await service.negotiation("ENT-R").state.renewal)
        #expect(renewal.hasPrefix("ENT-2026-"))
        #expect(try await service.negotiation(renewal).opening.renews == "ENT-R")
        #expect(conversation.said.contains("renewal negotiation opened: \(renewal)"))
        #expect(!conversation.said.contains("renewal  the id"), "not asked")
    }
}
