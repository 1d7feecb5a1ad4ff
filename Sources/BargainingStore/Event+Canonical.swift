import Bargaining
import Foundation

extension Event {
    /// The one byte form of an event that is stored and hashed: JSON with sorted keys and
    /// unescaped slashes. Defined once, here, because a second encoder configuration anywhere
    /// would make every chain written by it fail verification.
    public var canonicalJSON: String {
        do {
            return String(decoding: try Event.canonicalEncoder.encode(self), as: UTF8.self)
        } catch {
            // Events hold strings, integers and dates only: nothing JSON cannot represent.
            preconditionFailure("an event failed to encode as JSON: \(error)")
        }
    }

    /// Decodes stored canonical bytes; the error names what did not decode.
    public init(canonicalJSON text: String) throws(StoreError) {
        do {
            self = try JSONDecoder().decode(Event.self, from: Data(text.utf8))
        } catch {
            throw .corrupt(reason: "an event body does not decode (\(error)); run `bargain verify` to find the row")
        }
    }

    private static var canonicalEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
