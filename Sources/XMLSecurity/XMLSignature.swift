internal import CXMLSec

/// W3C XML Signature (XML-DSig) on whole documents, made and checked in process by xmlsec on the
/// system libxml2 (Debian `libxmlsec1-dev`): enveloped, exclusive C14N, SHA-256, ECDSA-SHA256
/// with a P-256 key, the public key embedded as `KeyValue` so that
/// `xmlsec1 --verify --pubkey-pem public.pem FILE` checks a document on its own.
///
/// Foundation-free, like XMLCore, and the only module that imports xmlsec: its headers include
/// libxml2's (see shared/design/PLATFORM.md).
public enum XMLSignature {
    /// What checking a document's signature found.
    public enum Verification: Hashable, Sendable {
        case valid
        /// The signature does not match: the document (or the signature) was changed after signing.
        case altered
        /// The document has no `ds:Signature` as a child of its root.
        case unsigned
        /// A signature other than the one form this tool writes and accepts (one signature, one
        /// reference to the whole document, the algorithms above).
        case unacceptable
    }

    private static let initialized: Result<Void, XMLSignatureError> = {
        let rc = bargain_xmlsec_init()
        return rc == 0 ? .success(()) : .failure(.unavailable("xmlsec could not be initialised (\(rc))"))
    }()

    /// `document` with an enveloped signature appended to its root, or to the first element
    /// named `parent` (Akoma Ntoso takes foreign elements only in `proprietary`).
    ///
    /// - Parameters:
    ///   - privateKeyPEM: the signer's P-256 private key, PEM (PKCS#8 or SEC 1).
    ///   - publicKey: the matching public key as an uncompressed point (65 bytes, X9.63), embedded
    ///     as `dsig11:ECKeyValue`.
    public static func sign(_ document: [UInt8], under parent: String? = nil, privateKeyPEM: [UInt8], publicKey: [UInt8]) throws(XMLSignatureError) -> [UInt8] {
        try initialized.get()
        let base64 = Base64.encode(publicKey)
        var out: UnsafeMutablePointer<xmlChar>?
        var length: Int32 = 0
        let rc = document.withUnsafeBufferPointer { xml in
            privateKeyPEM.withUnsafeBufferPointer { key in
                xml.baseAddress!.withMemoryRebound(to: CChar.self, capacity: xml.count) { text in
                    bargain_xmlsec_sign(text, Int32(xml.count), parent, key.baseAddress, UInt32(key.count), base64, &out, &length)
                }
            }
        }
        defer { if let out { bargain_xmlsec_free(out) } }
        switch rc {
        case 0: break
        case -2: throw .unusableKey
        default: throw .failed
        }
        guard let out else { throw .failed }
        return Array(UnsafeBufferPointer(start: out, count: Int(length)))
    }

    /// Checks `document`'s enveloped signature with `publicKeyPEM` (a P-256 public key, PEM).
    public static func verify(_ document: [UInt8], publicKeyPEM: [UInt8]) throws(XMLSignatureError) -> Verification {
        try initialized.get()
        let rc = document.withUnsafeBufferPointer { xml in
            publicKeyPEM.withUnsafeBufferPointer { key in
                xml.baseAddress!.withMemoryRebound(to: CChar.self, capacity: xml.count) { text in
                    bargain_xmlsec_verify(text, Int32(xml.count), key.baseAddress, UInt32(key.count))
                }
            }
        }
        switch rc {
        case 1: return .valid
        case 0: return .altered
        case -3: return .unsigned
        case -4: return .unacceptable
        case -2: throw .unusableKey
        default: throw .failed
        }
    }
}

/// Why a signature could not be made or checked (as opposed to a check that found it wrong).
public enum XMLSignatureError: Error, Hashable, Sendable, CustomStringConvertible {
    case unavailable(String)
    /// The PEM is not a P-256 key xmlsec can use.
    case unusableKey
    case failed

    public var description: String {
        switch self {
        case .unavailable(let reason): reason
        case .unusableKey: "the key is not a P-256 (ECDSA) key in PEM form"
        case .failed: "xmlsec could not process the document"
        }
    }
}

/// RFC 4648 base64, for the public key written into `KeyValue`.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            let value = chunk.enumerated().reduce(0) { $0 | Int($1.element) << (16 - 8 * $1.offset) }
            for position in 0..<4 {
                out.append(position <= chunk.count ? alphabet[(value >> (18 - 6 * position)) & 63] : UInt8(ascii: "="))
            }
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
