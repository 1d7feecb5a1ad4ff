import Crypto

/// The organisation's key pair (ECDSA P-256), as `bargain keys generate` writes it: it signs
/// exported documents (XML Signature) and the store's chain checkpoints. `private.pem` (PKCS#8)
/// stays with the organisation and never enters an export; `public.pem` (SubjectPublicKeyInfo)
/// goes to archives and auditors, who list the keys they trust.
///
/// Kept as the key's raw bytes (swift-crypto's key types are not `Sendable`).
public struct SigningKey: Sendable {
    private let raw: [UInt8]

    /// A new key pair.
    public static func generate() -> SigningKey { SigningKey(P256.Signing.PrivateKey()) }

    /// Reads a PEM private key (PKCS#8 `PRIVATE KEY` or SEC 1 `EC PRIVATE KEY`).
    public init(pem text: String) throws(SignatureError) {
        do {
            self.init(try P256.Signing.PrivateKey(pemRepresentation: text))
        } catch {
            throw .unusableKey(reason: "not a P-256 (ECDSA) private key in PEM form")
        }
    }

    private init(_ key: P256.Signing.PrivateKey) { raw = Array(key.rawRepresentation) }

    private var key: P256.Signing.PrivateKey {
        // The bytes came from a valid key.
        try! P256.Signing.PrivateKey(rawRepresentation: raw)
    }

    public var privateKeyPEM: String { key.pemRepresentation }
    public var publicKey: TrustedKey { TrustedKey(key.publicKey) }

    /// A detached ECDSA-SHA256 signature of `bytes`, DER-encoded, as
    /// `openssl dgst -sha256 -verify public.pem -signature FILE` checks it.
    public func detachedSignature(_ bytes: [UInt8]) throws(SignatureError) -> [UInt8] {
        do {
            return Array(try key.signature(for: bytes).derRepresentation)
        } catch {
            throw .unusableKey(reason: "the key cannot sign (\(error))")
        }
    }
}

/// A P-256 public key: one an archive trusts, or one a document carries; equal when the points are.
public struct TrustedKey: Hashable, Sendable {
    /// The uncompressed point (X9.63), as `dsig11:ECKeyValue/PublicKey` carries it in base64.
    package let point: [UInt8]

    init(_ key: P256.Signing.PublicKey) { point = Array(key.x963Representation) }

    /// Reads a PEM public key (`PUBLIC KEY`).
    public init(pem text: String) throws(SignatureError) {
        do {
            self.init(try P256.Signing.PublicKey(pemRepresentation: text))
        } catch {
            throw .unusableKey(reason: "not a P-256 (ECDSA) public key in PEM form")
        }
    }

    package init?(point: [UInt8]) {
        guard let key = try? P256.Signing.PublicKey(x963Representation: point) else { return nil }
        self.init(key)
    }

    private var key: P256.Signing.PublicKey {
        // The bytes came from a valid key.
        try! P256.Signing.PublicKey(x963Representation: point)
    }

    public var pem: String { key.pemRepresentation }

    /// The first 16 hex digits of the SHA-256 of the point: how messages name a key.
    public var fingerprint: String { String(Hex.sha256(point).prefix(16)) }

    /// Whether `signature` (DER) signs `bytes` with this key.
    public func verifies(_ signature: [UInt8], of bytes: [UInt8]) -> Bool {
        guard let signature = try? P256.Signing.ECDSASignature(derRepresentation: signature) else { return false }
        return key.isValidSignature(signature, for: bytes)
    }
}

/// Why a key could not be used.
public enum SignatureError: Error, Hashable, Sendable, CustomStringConvertible {
    case unusableKey(reason: String)

    public var description: String {
        switch self {
        case .unusableKey(let reason): reason
        }
    }
}
