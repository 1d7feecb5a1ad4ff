/// Text made safe as character data or an attribute value in HTML and SVG: names come from
/// registry files anyone can edit, so `&`, `<`, `>` and both quotes are escaped. One function for
/// the chart and the printable reports.
public enum MarkupText {
    public static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
