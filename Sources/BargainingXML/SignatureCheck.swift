import BargainingKeys
import FoundationEssentials
internal import XMLCore
internal import XMLSecurity

/// An archive's rule for signatures on import (issue 17 item 2). With a trusted list, every
/// document must carry an XML Signature made with one of its keys; without one, a signature a
/// document carries must still hold for the key it names (the document was not changed since).
public struct SignaturePolicy: Sendable {
    /// nil: no list configured.
    public var trustedKeys: [TrustedKey]?

    public init(trustedKeys: [TrustedKey]?) {
        self.trustedKeys = trustedKeys
    }

    static let dsig = "http://www.w3.org/2000/09/xmldsig#"
    static let dsig11 = "http://www.w3.org/2009/xmldsig11#"

    /// Checks `bytes`, whose root element is `root`; the refusal names the document.
    func check(_ bytes: [UInt8], root: XMLElement, name: String) throws(ImportError) {
        guard let signature = root.firstChild(named: "Signature", namespace: Self.dsig) else {
            if let trustedKeys { throw .signature(document: name, .unsigned(trusted: trustedKeys.count)) }
            return
        }
        let encoded = signature.firstChild(named: "KeyInfo", namespace: Self.dsig)?
            .firstChild(named: "KeyValue", namespace: Self.dsig)?
            .firstChild(named: "ECKeyValue", namespace: Self.dsig11)?
            .firstChild(named: "PublicKey", namespace: Self.dsig11)?.text
        guard let encoded, let point = Data(base64Encoded: encoded, options: .ignoreUnknownCharacters),
              let key = TrustedKey(point: Array(point)) else {
            throw .signature(document: name, .noKey)
        }
        if let trustedKeys, !trustedKeys.contains(key) { throw .signature(document: name, .untrusted(fingerprint: key.fingerprint)) }
        let verification: XMLSignature.Verification
        do {
            verification = try XMLSignature.verify(bytes, publicKeyPEM: Array(key.pem.utf8))
        } catch {
            throw .signature(document: name, .unverifiable(reason: error.description))
        }
        switch verification {
        case .valid: return
        case .altered: throw .signature(document: name, .altered(fingerprint: key.fingerprint))
        case .unsigned, .unacceptable: throw .signature(document: name, .unacceptable)
        }
    }

    /// A bag's `tagmanifest-sha256.txt.sig`: with a trusted list, it must be there and be one of
    /// its keys' signature of the tag manifest.
    func checkTagManifest(_ manifest: [UInt8], signature: [UInt8]?, bag: String) throws(ImportError) {
        guard let trustedKeys else { return }
        guard let signature else { throw .signature(document: "\(bag)/\(BagWriter.tagManifestSignature)", .unsigned(trusted: trustedKeys.count)) }
        guard trustedKeys.contains(where: { $0.verifies(signature, of: manifest) }) else {
            throw .signature(document: "\(bag)/\(BagWriter.tagManifestSignature)", .tagManifest)
        }
    }
}

extension ImportError {
    /// What was wrong with a document's (or a bag's) signature.
    public enum SignatureProblem: Hashable, Sendable {
        case unsigned(trusted: Int)
        case noKey
        case untrusted(fingerprint: String)
        case altered(fingerprint: String)
        case unacceptable
        case unverifiable(reason: String)
        case tagManifest

        var description: String {
            switch self {
            case .unsigned(let count):
                "it is not signed, and this archive accepts only documents signed with one of its \(count) trusted key(s) (--trusted-keys)"
            case .noKey:
                "its signature does not carry the signer's public key (KeyInfo/KeyValue/dsig11:ECKeyValue)"
            case .untrusted(let fingerprint):
                "it is signed with key \(fingerprint), which is not among this archive's trusted keys (--trusted-keys)"
            case .altered(let fingerprint):
                "its XML Signature (key \(fingerprint)) does not match its content: it was changed after it was signed"
            case .unacceptable:
                "its signature is not an enveloped signature of the whole document (one signature, one Reference URI=\"\", exclusive C14N, SHA-256, ECDSA-SHA256)"
            case .unverifiable(let reason):
                "its signature could not be checked: \(reason)"
            case .tagManifest:
                "the signature of tagmanifest-sha256.txt is not one made by a trusted key: the bag's manifests were changed or re-made"
            }
        }
    }
}
