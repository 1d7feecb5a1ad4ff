@testable import BargainingServer
import Testing

/// The upload form's `multipart/form-data` reader (issue 16 item 3): what browsers send is read,
/// every malformed or hostile body is refused with the reason, never half read.
@Suite("multipart/form-data reader")
struct MultipartFormTests {
    static let boundary = "----WebKitFormBoundaryA1b2C3"

    static func body(_ parts: [String], close: Bool = true, boundary: String = boundary) -> [UInt8] {
        var text = parts.map { "--\(boundary)\r\n\($0)\r\n" }.joined()
        if close { text += "--\(boundary)--\r\n" }
        return Array(text.utf8)
    }

    static func field(_ name: String, _ value: String) -> String {
        "Content-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)"
    }

    @Test("fields and one file as Chromium sends them: a Chinese file name, CRLF and a boundary look-alike kept inside the file")
    func browserForm() throws {
        let content = "uscc,name\r\nx--\(Self.boundary),not a boundary\r\n\r\n"
        let body = Self.body([
            Self.field("csrf", "abc"),
            Self.field("kind", "registry"),
            "Content-Disposition: form-data; name=\"file\"; filename=\"大兴区名录;2025.csv\"\r\nContent-Type: text/csv\r\n\r\n\(content)",
        ])
        let form = try MultipartForm.read(body, boundary: Self.boundary)
        #expect(form.fields == ["csrf": "abc", "kind": "registry"])
        #expect(form.file == MultipartForm.File(field: "file", name: "大兴区名录;2025.csv", bytes: Array(content.utf8)))
    }

    @Test("the boundary from Content-Type: quoted or not; anything else refused")
    func boundaryParameter() throws {
        #expect(try MultipartForm.boundary(contentType: "multipart/form-data; boundary=abc") == "abc")
        #expect(try MultipartForm.boundary(contentType: "Multipart/Form-Data;boundary=\"a b:c\"") == "a b:c")
        #expect(throws: MultipartForm.Failure.notMultipart) { try MultipartForm.boundary(contentType: "application/x-www-form-urlencoded") }
        #expect(throws: MultipartForm.Failure.notMultipart) { try MultipartForm.boundary(contentType: nil) }
        #expect(throws: MultipartForm.Failure.badBoundary) { try MultipartForm.boundary(contentType: "multipart/form-data") }
        #expect(throws: MultipartForm.Failure.badBoundary) { try MultipartForm.boundary(contentType: "multipart/form-data; boundary=") }
        #expect(throws: MultipartForm.Failure.badBoundary) {
            try MultipartForm.boundary(contentType: "multipart/form-data; boundary=" + String(repeating: "a", count: 71))
        }
        #expect(throws: MultipartForm.Failure.badBoundary) { try MultipartForm.boundary(contentType: "multipart/form-data; boundary=a<b") }
    }

    @Test("a preamble and an epilogue are ignored; an empty file and an empty field are read as empty")
    func edges() throws {
        let body = Array("preamble text\r\n".utf8) + Self.body([
            Self.field("note", ""),
            "Content-Disposition: form-data; name=\"file\"; filename=\"C:\\\\Users\\\\staff\\\\empty.csv\"\r\n\r\n",
        ]) + Array("epilogue".utf8)
        let form = try MultipartForm.read(body, boundary: Self.boundary)
        #expect(form.fields == ["note": ""])
        #expect(form.file == MultipartForm.File(field: "file", name: "empty.csv", bytes: []))
        #expect(try MultipartForm.read(Array("--\(Self.boundary)--".utf8), boundary: Self.boundary) == MultipartForm(fields: [:], file: nil))
    }

    @Test("refused: a body cut short anywhere, a missing opening boundary, headers without end, parts that are not named form data")
    func refusals() {
        let whole = Self.body([Self.field("kind", "registry"), Self.field("csrf", "x")])
        // Cut at every byte: never read as a form, always the reason.
        for length in 0..<whole.count - 2 {
            #expect(throws: MultipartForm.Failure.self) { try MultipartForm.read(Array(whole.prefix(length)), boundary: Self.boundary) }
        }
        #expect(throws: MultipartForm.Failure.truncated) { try MultipartForm.read(Self.body([Self.field("a", "1")], close: false), boundary: Self.boundary) }
        #expect(throws: MultipartForm.Failure.noOpeningBoundary) { try MultipartForm.read(whole, boundary: "other") }
        #expect(throws: MultipartForm.Failure.textAfterBoundary(part: 1)) {
            try MultipartForm.read(Self.body([Self.field("a", "1\r\n--\(Self.boundary)x")]), boundary: Self.boundary)
        }
        #expect(throws: MultipartForm.Failure.notFormData(part: 1)) {
            try MultipartForm.read(Self.body(["Content-Disposition: attachment; name=\"a\"\r\n\r\nx"]), boundary: Self.boundary)
        }
        #expect(throws: MultipartForm.Failure.notFormData(part: 1)) {
            try MultipartForm.read(Self.body(["Content-Type: text/plain\r\n\r\nx"]), boundary: Self.boundary)
        }
        #expect(throws: MultipartForm.Failure.unnamed(part: 2)) {
            try MultipartForm.read(Self.body([Self.field("a", "1"), "Content-Disposition: form-data\r\n\r\nx"]), boundary: Self.boundary)
        }
        let endless = Array(("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"a\"\r\nX: " + String(repeating: "y", count: 5000)
            + "\r\n\r\nvalue\r\n--\(Self.boundary)--").utf8)
        #expect(throws: MultipartForm.Failure.badHeaders(part: 1)) { try MultipartForm.read(endless, boundary: Self.boundary) }
    }

    @Test("refused: a field twice, a second file, too many parts, a long or non-UTF-8 field")
    func hostileForms() {
        #expect(throws: MultipartForm.Failure.repeated("kind")) {
            try MultipartForm.read(Self.body([Self.field("kind", "registry"), Self.field("kind", "congress")]), boundary: Self.boundary)
        }
        let file = { (field: String) in "Content-Disposition: form-data; name=\"\(field)\"; filename=\"a.csv\"\r\n\r\nx" }
        #expect(throws: MultipartForm.Failure.secondFile("other")) {
            try MultipartForm.read(Self.body([file("file"), file("other")]), boundary: Self.boundary)
        }
        #expect(throws: MultipartForm.Failure.repeated("file")) {
            try MultipartForm.read(Self.body([file("file"), Self.field("file", "x")]), boundary: Self.boundary)
        }
        #expect(throws: MultipartForm.Failure.tooManyParts) {
            try MultipartForm.read(Self.body((0...MultipartForm.maximumParts).map { Self.field("f\($0)", "x") }), boundary: Self.boundary)
        }
        #expect(throws: MultipartForm.Failure.fieldTooLong("note")) {
            try MultipartForm.read(Self.body([Self.field("note", String(repeating: "x", count: MultipartForm.maximumFieldBytes + 1))]),
                                   boundary: Self.boundary)
        }
        let latin1 = Array("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"n\"\r\n\r\n".utf8) + [0xE9]
            + Array("\r\n--\(Self.boundary)--".utf8)
        #expect(throws: MultipartForm.Failure.notText("n")) { try MultipartForm.read(latin1, boundary: Self.boundary) }
    }
}
