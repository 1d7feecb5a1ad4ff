/// Fields encode as `{"name": {"type": value}}`: self-describing, so stored events decode without
/// knowing which workflow wrote them, and JSON with sorted keys gives canonical bytes for hashing.
extension Fields: Codable {
    struct FieldKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: FieldKey.self)
        var values = Fields()
        for key in container.allKeys {
            let tagged = try container.nestedContainer(keyedBy: FieldKey.self, forKey: key)
            guard let tag = tagged.allKeys.first, let type = FieldType(rawValue: tag.stringValue) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "field '\(key.stringValue)' has no known type")
            }
            switch type {
            case .text: values[key.stringValue] = .text(try tagged.decode(String.self, forKey: tag))
            case .integer: values[key.stringValue] = .integer(try tagged.decode(Int.self, forKey: tag))
            case .day: values[key.stringValue] = .day(try tagged.decode(Day.self, forKey: tag))
            case .flag: values[key.stringValue] = .flag(try tagged.decode(Bool.self, forKey: tag))
            case .money: values[key.stringValue] = .money(try tagged.decode(Int.self, forKey: tag))
            case .rate: values[key.stringValue] = .rate(try tagged.decode(Int.self, forKey: tag))
            case .list: values[key.stringValue] = .list(try tagged.decode([String].self, forKey: tag))
            case .side: values[key.stringValue] = .side(try tagged.decode(Side.self, forKey: tag))
            }
        }
        self = values
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: FieldKey.self)
        for entry in entries {
            var tagged = container.nestedContainer(keyedBy: FieldKey.self, forKey: FieldKey(entry.name))
            switch entry.value {
            case .text(let v): try tagged.encode(v, forKey: FieldKey(FieldType.text.rawValue))
            case .integer(let v): try tagged.encode(v, forKey: FieldKey(FieldType.integer.rawValue))
            case .day(let v): try tagged.encode(v, forKey: FieldKey(FieldType.day.rawValue))
            case .flag(let v): try tagged.encode(v, forKey: FieldKey(FieldType.flag.rawValue))
            case .money(let v): try tagged.encode(v, forKey: FieldKey(FieldType.money.rawValue))
            case .rate(let v): try tagged.encode(v, forKey: FieldKey(FieldType.rate.rawValue))
            case .list(let v): try tagged.encode(v, forKey: FieldKey(FieldType.list.rawValue))
            case .side(let v): try tagged.encode(v, forKey: FieldKey(FieldType.side.rawValue))
            }
        }
    }
}
