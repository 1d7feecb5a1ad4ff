import BargainingCoverage
/// ``OfficialLetter``s as one printable HTML file, a letter to a page, in the layout
/// ``DOCXWriter`` gives them: for offices that print from a browser rather than Word or WPS.
public enum LetterPage {
    public static func html(_ letters: [OfficialLetter]) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <title>\(MarkupText.escaped(letters.first?.title ?? ""))</title>
            <style>
            @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
            body { font-family: 'FangSong', 'FangSong_GB2312', 'Noto Serif CJK SC', 'WenQuanYi Zen Hei', serif; font-size: 16pt; line-height: 28pt; }
            section { break-after: page; }
            section:last-child { break-after: auto; }
            p { margin: 0; text-align: justify; }
            .reference { text-align: center; margin-bottom: 12pt; }
            .title { text-align: center; font-size: 22pt; font-weight: bold; margin-bottom: 18pt; }
            .body { text-indent: 2em; }
            .seal { height: 56pt; }
            .issuer { text-align: right; padding-right: 4em; }
            .contact { margin-top: 28pt; }
            </style>
            </head>
            <body>

            """
        for letter in letters {
            html += "<section>\n"
            html += "<p class=\"reference\">\(MarkupText.escaped(letter.reference))</p>\n"
            html += "<p class=\"title\">\(MarkupText.escaped(letter.title))</p>\n"
            html += "<p>\(MarkupText.escaped(letter.addressee))</p>\n"
            for paragraph in letter.body { html += "<p class=\"body\">\(MarkupText.escaped(paragraph))</p>\n" }
            html += "<div class=\"seal\"></div>\n"
            html += "<p class=\"issuer\">\(MarkupText.escaped(letter.issuer))</p>\n"
            html += "<p class=\"issuer\">\(MarkupText.escaped(letter.date))</p>\n"
            if let contact = letter.contact { html += "<p class=\"contact\">\(MarkupText.escaped(contact))</p>\n" }
            html += "</section>\n"
        }
        return html + "</body>\n</html>\n"
    }
}
