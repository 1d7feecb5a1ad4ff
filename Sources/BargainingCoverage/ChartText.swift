/// Text placed on the coverage charts (SVG): escaped, and labels stacked in a column kept apart.
enum ChartText {
    /// The three rates both charts draw, in this order and these colours, so that the bar chart
    /// and the trend's lines read alike: signing, employee coverage, renewal.
    static let rates: [(name: String, colour: String, rate: @Sendable (CoverageFigures) -> (Int, Int))] = [
        ("签订率", "#2b6cb0", { ($0.signed, $0.unionised) }),
        ("职工覆盖率", "#2f855a", { ($0.employeesCovered, $0.employees) }),
        ("续签率", "#dd6b20", { ($0.renewed, $0.due) }),
    ]

    /// The start of a chart: the SVG element at its size in the CJK fonts both charts use, a
    /// white background (a chart pasted into a document has no page behind it) and the bold title.
    static func head(width: Int, height: Int, title: String, left: Int) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" \
        font-family="'WenQuanYi Zen Hei', 'Noto Sans CJK SC', sans-serif" font-size="13">

        """
            + "<rect width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\"/>\n"
            + text(title, x: left, y: 28, attributes: "font-size=\"17\" font-weight=\"bold\"")
    }

    static func text(_ content: String, x: Int, y: Int, attributes: String = "") -> String {
        "<text x=\"\(x)\" y=\"\(y)\"\(attributes.isEmpty ? "" : " " + attributes)>\(MarkupText.escaped(content))</text>\n"
    }

    /// A label of a column, wanted at `y` (its baseline).
    struct Label {
        var text: String
        var y: Int
        var colour: String
    }

    /// `labels` in the order of their `y`, each at least `gap` below the one above it, moved as
    /// little as that needs and kept within `[low, high]` when they fit there.
    static func spread(_ labels: [Label], gap: Int, within low: Int, _ high: Int) -> [Label] {
        var placed = labels.sorted { $0.y < $1.y }
        for index in placed.indices {
            placed[index].y = max(placed[index].y, index == 0 ? low : placed[index - 1].y + gap)
        }
        // Pushed past the bottom: move back up from the last, as far as the top allows.
        for index in placed.indices.reversed() {
            let limit = index == placed.count - 1 ? high : placed[index + 1].y - gap
            placed[index].y = min(placed[index].y, limit)
        }
        return placed
    }
}

extension ChartText {
    /// `text` on one line when it is at most `columns` wide (a Chinese character is two), else
    /// on two, broken where the longer line is shortest, preferring a break after an
    /// enumeration comma (交通运输、/仓储和邮政业). The caller widens the room for a line
    /// still too long.
    static func wrap(_ text: String, columns: Int) -> [String] {
        guard TerminalWidth.of(text) > columns, text.count > 1 else { return [text] }
        let characters = Array(text)
        var best: (cost: Int, split: Int) = (.max, 1)
        for split in 1..<characters.count {
            let (head, tail) = (String(characters[..<split]), String(characters[split...]))
            var cost = max(TerminalWidth.of(head), TerminalWidth.of(tail)) * 2
            if "、，,/ ".contains(characters[split - 1]) && TerminalWidth.of(head) <= columns && TerminalWidth.of(tail) <= columns { cost -= 100 }
            if cost < best.cost { best = (cost, split) }
        }
        return [String(characters[..<best.split]), String(characters[best.split...])]
    }
}
