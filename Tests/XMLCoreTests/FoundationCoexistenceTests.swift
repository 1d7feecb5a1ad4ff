import Foundation
import Testing
import XMLCore

/// The rest of the project imports Foundation and XMLCore together. libxml2's headers once
/// brought the system ICU into every such module, where its `UErrorCode` clashed with
/// Foundation's; this file compiling in a clean build is the test (see Sources/CLibXML2/shim.h).
@Suite struct FoundationCoexistenceTests {
    @Test func foundationAndXMLCoreWorkInOneModule() throws {
        var writer = try XMLWriter(indent: false)
        try writer.element("协议", text: "工资")
        let data = Data(try writer.finish())
        let root = try SafeXMLReader().read([UInt8](data))
        #expect(root.text == "工资")
        #expect(String(data: data, encoding: .utf8)?.hasSuffix("<协议>工资</协议>\n") == true)
    }
}
