import Bargaining
import BargainingCoverage

/// The coverage code's CSV reading and writing, on files named by path.
extension RegistryCSV {
    public static func read(contentsOf path: String, mode: CSVImportMode = .allOrNothing,
                            options: CSVReadOptions = CSVReadOptions()) throws(CSVImportFailure) -> CSVImport<RegistryEnterprise> {
        var source = try CoverageFiles.open(path)
        return try read(from: &source, file: path, mode: mode, options: options)
    }
}

extension ContractsCSV {
    public static func read(contentsOf path: String, knownEnterprises: [CreditCode], mode: CSVImportMode = .allOrNothing,
                            options: CSVReadOptions = CSVReadOptions()) throws(CSVImportFailure) -> CSVImport<CoverageContract> {
        var source = try CoverageFiles.open(path)
        return try read(from: &source, file: path, knownEnterprises: knownEnterprises, mode: mode, options: options)
    }
}

extension CongressCSV {
    public static func read(contentsOf path: String, knownEnterprises: [CreditCode], mode: CSVImportMode = .allOrNothing,
                            options: CSVReadOptions = CSVReadOptions()) throws(CSVImportFailure) -> CSVImport<CoverageCongressSession> {
        var source = try CoverageFiles.open(path)
        return try read(from: &source, file: path, knownEnterprises: knownEnterprises, mode: mode, options: options)
    }
}

extension CoverageDataGenerator {
    /// Writes the generated registry and contracts CSV files (created or emptied).
    public func writeCSV(registryTo registryPath: String, contractsTo contractsPath: String) throws(WriteError) -> Written {
        func create(_ path: String) throws(WriteError) -> FileByteSink {
            do { return try FileByteSink(creating: path) } catch { throw WriteError(path: path, reason: error.description) }
        }
        var registry = try create(registryPath)
        var contracts = try create(contractsPath)
        return try writeCSV(registry: &registry, named: registryPath, contracts: &contracts, named: contractsPath)
    }
}

enum CoverageFiles {
    /// A CSV file opened for an import; "cannot read" with the system's reason otherwise.
    static func open(_ path: String) throws(CSVImportFailure) -> FileByteSource {
        do { return try FileByteSource(path: path) } catch {
            throw CSVImportFailure(errors: [CSVImportError(file: path, line: nil, reason: .cannotRead(error.description))])
        }
    }
}
