import Testing
@testable import XMLCore

@Suite struct LibXML2Tests {
    @Test func linkedLibraryReportsItsVersion() {
        LibXML2.initialized
        // Debian 12 ships 2.9.14; any 2.9 or later has the options the hardened reader relies on.
        #expect(LibXML2.runtimeVersion >= 20900)
    }
}
