import Foundation
import Testing
import TestSupport

/// A chart as a browser shows it: headless Chromium (a renderer nobody here wrote) takes a
/// screenshot to `.build/artefacts/charts/NAME.png` for a person to look at, and measures every
/// text's box with the SVG's own `getBBox`, so the tests check what is drawn, not what the
/// generator meant to draw.
enum ChartBrowser {
    /// A text's box in the SVG's user units.
    struct Box: Sendable, CustomStringConvertible {
        var text: String
        var x: Double, y: Double, width: Double, height: Double
        var fontSize: Double
        var description: String { "'\(text)' at (\(Int(x)), \(Int(y))) \(Int(width))×\(Int(height))" }

        func overlaps(_ other: Box) -> Bool {
            // A pixel of slack: boxes that touch do not overlap.
            x + width > other.x + 1 && other.x + other.width > x + 1 && y + height > other.y + 1 && other.y + other.height > y + 1
        }
    }

    struct Rendering {
        var boxes: [Box]
        var width: Double
        var height: Double
    }

    static var available: Bool {
        RequiredTool.available(["chromium", "--version"], install: "apt-get install chromium fonts-wqy-zenhei")
    }

    static let artefacts = Repository.root.appendingPathComponent(".build/artefacts/charts")

    /// Writes `svg` as NAME.svg under the artefacts, screenshots it to NAME.png, and returns
    /// the measured text boxes (rotated texts measured in their rotated frame's bounds).
    static func render(_ svg: String, name: String) throws -> Rendering {
        try FileManager.default.createDirectory(at: artefacts, withIntermediateDirectories: true)
        let file = artefacts.appendingPathComponent(name + ".svg")
        try svg.write(to: file, atomically: true, encoding: .utf8)
        let size = try #require(Self.size(of: svg), "the chart states its width and height")
        let profile = artefacts.appendingPathComponent("chromium-profile-" + name).path
        let flags = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--user-data-dir=" + profile]
        let shot = Subprocess.run(flags + ["--window-size=\(Int(size.width)),\(Int(size.height))",
                                           "--screenshot=" + artefacts.appendingPathComponent(name + ".png").path, file.absoluteString])
        #expect(shot.status == 0, "\(shot.output)")

        // The same SVG inline in a page whose script writes each text's box into the DOM.
        let page = artefacts.appendingPathComponent(name + ".measure.html")
        let inline = svg.replacingOccurrences(of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", with: "")
        try """
        <!DOCTYPE html><html><head><meta charset="utf-8"><style>body{margin:0}</style></head><body>\(inline)
        <script>
        const svg = document.querySelector('svg');
        const boxes = [...svg.querySelectorAll('text')].map(t => {
          const b = t.getBBox(), r = svg.getScreenCTM().inverse().multiply(t.getScreenCTM());
          const corners = [[b.x, b.y], [b.x + b.width, b.y], [b.x, b.y + b.height], [b.x + b.width, b.y + b.height]]
            .map(([x, y]) => new DOMPoint(x, y).matrixTransform(r));
          const xs = corners.map(p => p.x), ys = corners.map(p => p.y);
          return {text: t.textContent, x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs),
                  height: Math.max(...ys) - Math.min(...ys), fontSize: parseFloat(getComputedStyle(t).fontSize)};
        });
        const out = document.createElement('pre');
        out.id = 'boxes';
        out.textContent = JSON.stringify(boxes);
        document.body.appendChild(out);
        </script></body></html>
        """.write(to: page, atomically: true, encoding: .utf8)
        let dump = Subprocess.run(flags + ["--virtual-time-budget=3000", "--dump-dom", page.absoluteString])
        #expect(dump.status == 0, "\(dump.stderr)")
        guard let start = dump.stdout.range(of: "<pre id=\"boxes\">"),
              let end = dump.stdout.range(of: "</pre>", range: start.upperBound..<dump.stdout.endIndex) else {
            Issue.record("Chromium printed no boxes: \(dump.output.prefix(2_000))")
            return Rendering(boxes: [], width: size.width, height: size.height)
        }
        let json = String(dump.stdout[start.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        let raw = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]] ?? []
        let boxes = raw.map {
            Box(text: $0["text"] as? String ?? "", x: $0["x"] as? Double ?? 0, y: $0["y"] as? Double ?? 0,
                width: $0["width"] as? Double ?? 0, height: $0["height"] as? Double ?? 0, fontSize: $0["fontSize"] as? Double ?? 0)
        }
        return Rendering(boxes: boxes, width: size.width, height: size.height)
    }

    /// The root's `width` and `height` attributes.
    private static func size(of svg: String) -> (width: Double, height: Double)? {
        func attribute(_ name: String) -> Double? {
            guard let range = svg.range(of: " \(name)=\"") else { return nil }
            return Double(svg[range.upperBound...].prefix { $0 != "\"" })
        }
        guard let width = attribute("width"), let height = attribute("height") else { return nil }
        return (width, height)
    }

    /// Every pair of overlapping text boxes, and every box reaching outside the picture.
    static func problems(in rendering: Rendering) -> [String] {
        var problems: [String] = []
        let boxes = rendering.boxes.filter { $0.width > 0 }
        for (index, box) in boxes.enumerated() {
            if box.x < -0.5 || box.y < -0.5 || box.x + box.width > rendering.width + 0.5 || box.y + box.height > rendering.height + 0.5 {
                problems.append("\(box) reaches outside the \(Int(rendering.width))×\(Int(rendering.height)) picture")
            }
            for other in boxes[(index + 1)...] where box.overlaps(other) {
                problems.append("\(box) overlaps \(other)")
            }
        }
        return problems
    }
}
