@testable import bargain
import Testing

@Suite("Output: display width, tables, colour")
struct OutputTests {
    @Test("East Asian wide and fullwidth characters take two columns; marks take none", arguments: [
        ("abc", 3), ("王芳", 4), ("（人社）", 8), ("职工方 王芳", 11), ("한국", 4), ("ひらがな", 8),
        ("e\u{301}", 1), ("·", 1), ("—", 1), ("\u{3000}", 2), ("ＡＢ", 4), ("🎉", 2), ("𠀀", 2), ("", 0),
    ])
    func width(_ text: String, _ columns: Int) {
        #expect(DisplayWidth.of(text) == columns)
    }

    @Test("columns stay aligned with Chinese cells, and lines carry no trailing spaces")
    func alignedTable() {
        var table = TextTable(headers: ["WHO", "WHAT"])
        table.add("职工方 王芳", "发出书面要约 (written notice)")
        table.add("labour-administration", "file")
        table.add("企业方", "")
        let lines = table.render(for: .plain).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.map { String($0) } == [
            "WHO                    WHAT",
            "职工方 王芳            发出书面要约 (written notice)",
            "labour-administration  file",
            "企业方",
        ])
    }

    @Test("right-aligned columns and notes under a column")
    func alignmentAndNotes() {
        var table = TextTable(alignments: [.left, .right, .left])
        table.add("一", "5", "x")
        table.add("two", "120", "y")
        table.note(at: 2, "under x")
        #expect(table.render(for: .plain) == "一     5  x\ntwo  120  y\n          under x\n")
    }

    @Test("colour only when allowed; escape codes never count as columns")
    func colour() {
        var table = TextTable()
        table.add(TextTable.Cell("ok", .green), "王芳")
        table.add("failed", "x")
        // What reaches the terminal: bargain's own style markers become escapes as they are written.
        #expect(Terminal.rendered(table.render(for: .colour)) == "\u{1B}[32mok\u{1B}[0m      王芳\nfailed  x\n")
        #expect(table.render(for: .plain) == "ok      王芳\nfailed  x\n")
    }

    @Test("NO_COLOR with any non-empty value turns colour off (no-color.org); empty does not")
    func noColor() {
        #expect(Terminal.allowsColour([:]))
        #expect(!Terminal.allowsColour(["NO_COLOR": "1"]))
        #expect(!Terminal.allowsColour(["NO_COLOR": "false"]))
        #expect(Terminal.allowsColour(["NO_COLOR": ""]))
        #expect(!Terminal.allowsColour(["TERM": "dumb"]))
    }

    @Test("prose wraps at spaces, and Chinese between characters, within the width")
    func wrap() {
        #expect(DisplayWidth.wrap("one two three four", width: 9) == ["one two", "three", "four"])
        let chinese = DisplayWidth.wrap("两个首席代表签署草案", width: 8)
        #expect(chinese == ["两个首席", "代表签署", "草案"])
        #expect(chinese.allSatisfy { DisplayWidth.of($0) <= 8 })
    }
}

extension Terminal {
    static let plain = Terminal(descriptor: -1)
    static let colour = Terminal(descriptor: -1, isTTY: true, colour: true)
}
