import Bargaining
@testable import BargainingServer
import Testing

/// A document is served as of the server's day, so a deadline that lapsed since the last act
/// (review silence, S1 art 47) changes it: its datestamp moves to that day, and a harvester asking
/// `from` its last harvest is given the document again (issue 14 item 1).
@Suite("OAI-PMH datestamps")
struct OAIDatestampTests {
    let lapse = Event(sequence: 9, on: Day("2025-05-27")!, actor: Actor(.system, ""), body: .lapsed(deadline: "review", fields: Fields()))

    @Test("without a lapse, the last recorded event's time cut to seconds")
    func recorded() {
        #expect(OAIDatestamp.changed(recordedAt: "2025-05-09T08:01:02.345Z", lapses: []) == "2025-05-09T08:01:02Z")
    }

    @Test("S1 art 47: a review window that lapsed after the last act moves the datestamp to the start of that day")
    func lapsedLater() {
        #expect(OAIDatestamp.changed(recordedAt: "2025-05-09T08:01:02.345Z", lapses: [lapse]) == "2025-05-27T00:00:00Z")
    }

    @Test("a lapse day before the recording time (recorded late) leaves the recording time")
    func recordedAfterTheLapseDay() {
        #expect(OAIDatestamp.changed(recordedAt: "2025-06-01T10:00:00.000Z", lapses: [lapse]) == "2025-06-01T10:00:00Z")
    }
}
