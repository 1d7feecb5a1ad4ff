import BargainingKeys

/// How the server's OAI-PMH interface (`/oai`) exports: the schemas every served document is
/// validated against (as `bargain export` validates it), the key it is signed with, and what
/// `Identify` states about the repository.
public struct OAIConfiguration: Sendable {
    /// The directory holding bargain-contract-1.0.xsd and bargain-congress-1.0.xsd.
    public var schemaDirectory: String
    /// The OASIS akomantoso30.xsd; without it the `akn` format is answered
    /// `cannotDisseminateFormat`.
    public var aknSchema: String?
    /// Signs every served document, as `bargain export --sign-key` does.
    public var signer: SigningKey?
    /// `Identify`'s adminEmail.
    public var adminEmail: String
    /// Negotiations per page of a list (each gives its contract and its congress records);
    /// the rest of the list follows with a resumption token.
    public var pageSize: Int

    public init(schemaDirectory: String, aknSchema: String? = nil, signer: SigningKey? = nil,
                adminEmail: String = "archive@bargain.invalid", pageSize: Int = 50) {
        precondition(pageSize > 0, "a page holds at least one negotiation")
        self.schemaDirectory = schemaDirectory
        self.aknSchema = aknSchema
        self.signer = signer
        self.adminEmail = adminEmail
        self.pageSize = pageSize
    }
}
