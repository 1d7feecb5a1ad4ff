import Testing
import BargainingServer

@Test func defaultLimitsBoundEveryRequest() {
    let limits = ServerLimits()
    #expect(limits.bodyBytes == 1 << 20)
    #expect(limits.requestSeconds == 30)
}
