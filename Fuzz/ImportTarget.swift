// libFuzzer target for `bargain import`'s entry point: FilingImporter.importDocument, which
// parses untrusted bytes with XMLCore's SafeXMLReader on the system libxml2, validates them
// against our schemas and maps them to contracts and congress records.
//
// Built and run by scripts/fuzz-import (swiftc -sanitize=fuzzer,address). Every input must
// come back as a document or an ImportError; a crash, a sanitizer report, a leak or a timeout
// is a finding.

import BargainingXML
#if canImport(Glibc)
import Glibc
#endif

/// Compiled once; the schema directory comes from BARGAIN_SCHEMAS (the script sets it).
nonisolated(unsafe) let importer: FilingImporter = {
    let directory = getenv("BARGAIN_SCHEMAS").map { String(cString: $0) } ?? "exports/schema"
    do {
        return FilingImporter(schemas: try ExportSchemas(directory: directory), maximumBytes: 1 << 20)
    } catch {
        print("fuzz-import: \(error)")
        exit(2)
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImport(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    do {
        switch try importer.importDocument(bytes, name: "fuzz") {
        case .contract(let contract):
            // Whatever was accepted must be writable again and read back to the same value.
            let again = try importer.importDocument(try contract.xmlBytes(), name: "again")
            if again != .contract(contract) { fatalError("a contract changed on its way back through export and import") }
        case .congressRecord(let record):
            let again = try importer.importDocument(try record.xmlBytes(), name: "again")
            if again != .congressRecord(record) { fatalError("a congress record changed on its way back through export and import") }
        }
    } catch let error as ImportError {
        _ = error.description
    } catch {
        _ = "\(error)"
    }
    return 0
}
