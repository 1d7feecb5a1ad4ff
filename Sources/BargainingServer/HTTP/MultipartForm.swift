import Foundation

/// A `multipart/form-data` body (RFC 7578) as the district page's upload form sends it: a few
/// text fields and at most one file. No multipart parser is in the server's stack
/// (Hummingbird decodes JSON and URL-encoded forms only), so this reader is small and strict:
/// anything a browser does not send — a part without a name, a field given twice, a second file,
/// a body cut short — is refused with the reason, never guessed at.
struct MultipartForm: Sendable, Equatable {
    struct File: Sendable, Equatable {
        /// The form field's name.
        var field: String
        /// The file's own name, without any folder a browser may prefix it with.
        var name: String
        var bytes: [UInt8]
    }

    /// Text fields by name.
    var fields: [String: String]
    var file: File?

    /// At most this many parts; the upload form has four.
    static let maximumParts = 16
    /// A part's headers may take at most this many bytes.
    static let maximumHeaderBytes = 4096
    /// A text field may take at most this many bytes (a file's size is bounded by the body's).
    static let maximumFieldBytes = 4096

    /// Why a body is not the form it claims to be.
    enum Failure: Error, Equatable, CustomStringConvertible {
        case notMultipart
        case badBoundary
        case noOpeningBoundary
        /// The body ends before the closing boundary (`--BOUNDARY--`).
        case truncated
        /// A boundary line (after part `part`) goes on with other text: the boundary appears in the content.
        case textAfterBoundary(part: Int)
        case badHeaders(part: Int)
        case notFormData(part: Int)
        case unnamed(part: Int)
        case repeated(String)
        case secondFile(String)
        case tooManyParts
        case fieldTooLong(String)
        case notText(String)

        var description: String {
            switch self {
            case .notMultipart: "the body is not multipart/form-data (send the form with enctype=\"multipart/form-data\")"
            case .badBoundary: "the multipart boundary is missing or not 1 to 70 characters of those RFC 2046 allows"
            case .noOpeningBoundary: "the body does not start with the boundary the Content-Type names"
            case .truncated: "the body ends before the closing boundary: the upload was cut short"
            case .textAfterBoundary(let part): "the boundary line after part \(part) goes on with other text: the boundary must not appear in a part"
            case .badHeaders(let part): "part \(part) has no blank line after its headers, or headers that are not text lines"
            case .notFormData(let part): "part \(part) is not Content-Disposition: form-data"
            case .unnamed(let part): "part \(part) has no field name"
            case .repeated(let name): "the field '\(name)' is given twice"
            case .secondFile(let name): "a second file ('\(name)'): upload one file at a time"
            case .tooManyParts: "more than \(MultipartForm.maximumParts) parts"
            case .fieldTooLong(let name): "the field '\(name)' is longer than \(MultipartForm.maximumFieldBytes) bytes"
            case .notText(let name): "the field '\(name)' is not UTF-8 text"
            }
        }
    }

    /// The boundary a `Content-Type: multipart/form-data; boundary=…` header names.
    static func boundary(contentType: String?) throws(Failure) -> String {
        guard let contentType else { throw .notMultipart }
        let parameters = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parameters.first?.lowercased() == "multipart/form-data" else { throw .notMultipart }
        guard let parameter = parameters.dropFirst().first(where: { $0.lowercased().hasPrefix("boundary=") }) else { throw .badBoundary }
        var value = Substring(parameter.dropFirst("boundary=".count))
        if value.count >= 2, value.first == "\"", value.last == "\"" { value = value.dropFirst().dropLast() }
        // RFC 2046 §5.1.1: 1–70 of these, not ending in a space.
        let allowed = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'()+_,-./:=? ")
        guard (1...70).contains(value.count), value.allSatisfy(allowed.contains), value.last != " " else { throw .badBoundary }
        return String(value)
    }

    /// Reads `body`, delimited by `boundary`. A preamble before the first boundary and an
    /// epilogue after the last are ignored, as RFC 2046 says.
    static func read(_ body: [UInt8], boundary: String) throws(Failure) -> MultipartForm {
        let delimiter = Array("--\(boundary)".utf8)
        // The first boundary opens the body or follows a line break (after a preamble).
        guard var position = body.starts(with: delimiter) ? delimiter.count
                : find(Array("\r\n".utf8) + delimiter, in: body, from: 0).map({ $0 + 2 + delimiter.count }) else {
            throw .noOpeningBoundary
        }
        let separator = Array("\r\n".utf8) + delimiter
        var form = MultipartForm(fields: [:], file: nil)
        var part = 0
        while true {
            // After a boundary: `--` closes the body, CRLF opens a part (transport padding allowed).
            while position < body.count, body[position] == 0x20 || body[position] == 0x09 { position += 1 }
            if body[position...].starts(with: [0x2D, 0x2D]) { return form }
            guard body[position...].starts(with: [0x0D, 0x0A]) else {
                throw position + 1 >= body.count ? .truncated : .textAfterBoundary(part: part)
            }
            position += 2
            part += 1
            guard part <= maximumParts else { throw .tooManyParts }
            guard let headersEnd = find(Array("\r\n\r\n".utf8), in: body, from: position, within: maximumHeaderBytes) else {
                throw position >= body.count ? .truncated : .badHeaders(part: part)
            }
            let disposition = try Self.disposition(body[position..<headersEnd], part: part)
            let start = headersEnd + 4
            guard let end = find(separator, in: body, from: start) else { throw .truncated }
            let content = Array(body[start..<end])
            position = end + separator.count
            guard form.fields[disposition.name] == nil, form.file?.field != disposition.name else { throw .repeated(disposition.name) }
            if let fileName = disposition.fileName {
                guard form.file == nil else { throw .secondFile(disposition.name) }
                form.file = File(field: disposition.name, name: fileName, bytes: content)
            } else {
                guard content.count <= maximumFieldBytes else { throw .fieldTooLong(disposition.name) }
                guard let text = String(validating: content, as: UTF8.self) else { throw .notText(disposition.name) }
                form.fields[disposition.name] = text
            }
        }
    }

    /// The `name` and `filename` of a part's `Content-Disposition: form-data` header.
    private static func disposition(_ headers: ArraySlice<UInt8>, part: Int) throws(Failure) -> (name: String, fileName: String?) {
        guard let text = String(validating: headers, as: UTF8.self) else { throw .badHeaders(part: part) }
        let lines = text.components(separatedBy: "\r\n")
        guard let line = lines.first(where: { $0.lowercased().hasPrefix("content-disposition:") }) else { throw .notFormData(part: part) }
        let value = line.dropFirst("content-disposition:".count)
        var parameters = parameters(of: value)
        guard parameters.removeFirst().name.lowercased() == "form-data" else { throw .notFormData(part: part) }
        guard let name = parameters.first(where: { $0.name.lowercased() == "name" })?.value, !name.isEmpty else { throw .unnamed(part: part) }
        let fileName = parameters.first(where: { $0.name.lowercased() == "filename" })?.value.map { path in
            // Old browsers send the whole path; only the file's own name is kept.
            String(path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? "")
        }
        return (name, fileName)
    }

    /// `form-data; name="a"; filename="b;c.csv"` as [("form-data", nil), ("name", "a"), ("filename", "b;c.csv")]:
    /// quoted values may hold `;`, and `\"` stands for a quote.
    private static func parameters(of value: Substring) -> [(name: String, value: String?)] {
        var result: [(name: String, value: String?)] = []
        var current = ""
        var inQuotes = false
        var escaped = false
        var name: String?
        func finish() {
            let text = current.trimmingCharacters(in: .whitespaces)
            if let name { result.append((name, text)) } else if !text.isEmpty { result.append((text, nil)) }
            current = ""
            name = nil
        }
        for character in value {
            if escaped {
                current.append(character)
                escaped = false
            } else if inQuotes && character == "\\" {
                escaped = true
            } else if character == "\"" {
                inQuotes.toggle()
            } else if !inQuotes && character == ";" {
                finish()
            } else if !inQuotes && character == "=" && name == nil {
                name = current.trimmingCharacters(in: .whitespaces)
                current = ""
            } else {
                current.append(character)
            }
        }
        finish()
        if result.isEmpty { result.append(("", nil)) }
        return result
    }

    /// Where `needle` first starts in `haystack` at or after `from` (and, with `within`, before
    /// `from + within`).
    private static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int, within: Int? = nil) -> Int? {
        let last = min(haystack.count - needle.count, within.map { from + $0 } ?? Int.max)
        guard let first = needle.first, from <= last else { return nil }
        return haystack.withUnsafeBufferPointer { bytes -> Int? in
            guard let base = bytes.baseAddress else { return nil }
            var index = from
            while index <= last {
                // memchr to the next candidate: a file of megabytes is scanned at memory speed.
                guard let hit = memchr(base + index, Int32(first), last - index + 1) else { return nil }
                index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + index, needle, needle.count) == 0 { return index }
                index += 1
            }
            return nil
        }
    }
}
