import XMLCore

/// Every XML part goes through ``XMLCore/SafeXMLReader``: no DOCTYPE, bounded size and depth.
/// Small structural parts (relationships, the workbook's sheet list) are read as a tree; parts
/// that grow with the data (sheets, shared strings, styles) stream through a handler.
enum OfficeXML {
    /// Structural parts are a few kilobytes in any real file; a tree of one costs about fifty
    /// times its size, so they get a bound of their own, well below ``OfficeLimits/partBytes``.
    static let structuralPartBytes = 4 << 20

    static func tree(_ part: String, in package: OfficePackage) throws(OfficeError) -> XMLElement? {
        guard let bytes = try package.optionalPart(part) else { return nil }
        do {
            return try SafeXMLReader(maximumBytes: min(structuralPartBytes, package.limits.partBytes))
                .read(bytes, documentName: part)
        } catch {
            throw .unreadablePart(part: part, reason: reason(error))
        }
    }

    /// Said of a part with a DOCTYPE, the door to entity expansion and external entities.
    static let doctypeRefused = "refused: the part declares a DOCTYPE (entities), which no Office file has"

    private static func reason(_ error: XMLReadError) -> String {
        error == .doctypeForbidden ? doctypeRefused : error.description
    }

    /// Streams `part` into `handler`; the handler's own ``OfficeError`` comes back as it is.
    static func stream(_ part: String, in package: OfficePackage, to handler: some XMLStreamHandler) throws(OfficeError) {
        let bytes = try package.part(part)
        do {
            try SafeXMLReader(maximumBytes: package.limits.partBytes).stream(bytes, documentName: part, to: handler)
        } catch let error as OfficeError {
            throw error
        } catch let error as XMLReadError {
            throw .unreadablePart(part: part, reason: reason(error))
        } catch {
            throw .unreadablePart(part: part, reason: "\(error)")
        }
    }
}
