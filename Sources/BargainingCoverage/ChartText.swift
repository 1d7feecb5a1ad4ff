/// Text placed on the coverage charts (SVG): escaped, and labels stacked in a column kept apart.
enum ChartText {
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
