/// A letter in the layout of an official document (党政机关公文格式, GB/T 9704): the reference
/// number (文号) above a centred title, the addressee flush left, body paragraphs indented two
/// characters, the issuer and date right-aligned with room for the seal, the contact last.
public struct OfficialLetter: Sendable, Hashable {
    public var title: String
    /// 文号, e.g. `京大工提〔2025〕12号`.
    public var reference: String
    /// The addressee line, with its full-width colon: `北京亦庄精密制造有限公司：`.
    public var addressee: String
    /// Paragraphs as they read, without the leading indent (the layout adds it).
    public var body: [String]
    public var issuer: String
    /// The date as the letter writes it: `2025年12月31日`.
    public var date: String
    /// `联系人：张敏　联系电话：010-6925xxxx`; nil when the policy names none.
    public var contact: String?

    public init(title: String, reference: String, addressee: String, body: [String], issuer: String, date: String,
                contact: String?) {
        self.title = title
        self.reference = reference
        self.addressee = addressee
        self.body = body
        self.issuer = issuer
        self.date = date
        self.contact = contact
    }
}
