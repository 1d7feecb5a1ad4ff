/// The arguments of one OAI-PMH request, from the query string (GET) or an
/// `application/x-www-form-urlencoded` body (POST), as §3.1.1 allows both. Kept in order and
/// with repeats, because a repeated argument is itself an error (badArgument).
struct OAIArguments {
    private(set) var pairs: [(name: String, value: String)] = []

    /// Parses `a=b&c=d`, `+` as a space and `%XX` escapes decoded; nil when an escape is
    /// malformed or decodes to something other than UTF-8.
    init?(formEncoded text: Substring) {
        for piece in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]), let value = Self.decode(parts.count > 1 ? parts[1] : "") else { return nil }
            pairs.append((name, value))
        }
    }

    /// The request's verb and its arguments checked against what the verb allows (§3.1.1,
    /// §4): an unknown or missing verb is badVerb; a repeated, unknown or missing argument,
    /// or a resumption token beside other arguments, is badArgument.
    func request() throws(OAIError) -> OAIRequest {
        let verbs = pairs.filter { $0.name == "verb" }
        guard verbs.count == 1, let verb = OAIRequest.Verb(rawValue: verbs[0].value) else {
            throw OAIError(.badVerb, verbs.isEmpty ? "the request has no verb"
                           : verbs.count > 1 ? "the verb is given more than once"
                           : "'\(verbs[0].value)' is not an OAI-PMH verb (Identify, ListMetadataFormats, ListSets, ListIdentifiers, ListRecords, GetRecord)")
        }
        var arguments: [String: String] = [:]
        for (name, value) in pairs where name != "verb" {
            guard verb.required.contains(name) || verb.optional.contains(name) || (verb.exclusive == name) else {
                throw OAIError(.badArgument, "\(verb.rawValue) takes no argument '\(name)'")
            }
            guard arguments[name] == nil else { throw OAIError(.badArgument, "the argument '\(name)' is given more than once") }
            arguments[name] = value
        }
        if let exclusive = verb.exclusive, arguments[exclusive] != nil {
            guard arguments.count == 1 else {
                throw OAIError(.badArgument, "\(exclusive) is an exclusive argument: give it alone with the verb")
            }
            return OAIRequest(verb: verb, arguments: arguments)
        }
        for name in verb.required where arguments[name] == nil {
            throw OAIError(.badArgument, "\(verb.rawValue) needs the argument '\(name)'")
        }
        return OAIRequest(verb: verb, arguments: arguments)
    }

    private static func decode(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(Self.hexValue), let low = iterator.next().flatMap(Self.hexValue) else { return nil }
                bytes.append(high << 4 | low)
            default: bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 48...57: byte - 48
        case 65...70: byte - 55
        case 97...102: byte - 87
        default: nil
        }
    }
}

/// A request whose verb and argument names passed ``OAIArguments/request()``; the values are
/// checked by the verb's handler.
struct OAIRequest {
    enum Verb: String {
        case identify = "Identify"
        case listMetadataFormats = "ListMetadataFormats"
        case listSets = "ListSets"
        case listIdentifiers = "ListIdentifiers"
        case listRecords = "ListRecords"
        case getRecord = "GetRecord"

        var required: [String] {
            switch self {
            case .identify, .listMetadataFormats, .listSets: []
            case .listIdentifiers, .listRecords: ["metadataPrefix"]
            case .getRecord: ["identifier", "metadataPrefix"]
            }
        }

        var optional: [String] {
            switch self {
            case .identify, .listSets, .getRecord: []
            case .listMetadataFormats: ["identifier"]
            case .listIdentifiers, .listRecords: ["from", "until", "set"]
            }
        }

        var exclusive: String? {
            switch self {
            case .listSets, .listIdentifiers, .listRecords: "resumptionToken"
            case .identify, .listMetadataFormats, .getRecord: nil
            }
        }
    }

    let verb: Verb
    let arguments: [String: String]
}
