import BargainingKeys
internal import XMLSecurity

extension SigningKey {
    /// `document` with an enveloped XML Signature (``XMLSignature``), the public key embedded:
    /// the root's last child in our formats, in `meta/proprietary` in Akoma Ntoso, which allows
    /// foreign elements nowhere else.
    func sign(document bytes: [UInt8], format: ExportFormat, name: String) throws(ExportError) -> [UInt8] {
        do {
            return try XMLSignature.sign(bytes, under: format == .akn ? "proprietary" : nil,
                                         privateKeyPEM: Array(privateKeyPEM.utf8), publicKey: publicKey.point)
        } catch {
            throw .unwritable(document: name, reason: "cannot sign it: \(error)")
        }
    }
}
