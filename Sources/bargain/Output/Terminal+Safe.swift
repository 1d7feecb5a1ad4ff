extension Terminal {
    /// Stored text (names, seats, audit lines) made safe to print: control characters other than
    /// tab and newline, ESC among them, become U+FFFD, so a name cannot move the cursor, retitle
    /// the window or clear the screen of whoever lists it. ``write(_:)`` applies it to all
    /// output; a table applies it to its cells first so their widths are right.
    static func safe(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            let value = scalar.value
            let control = value < 0x20 && value != 0x09 && value != 0x0A || (0x7F...0x9F).contains(value)
            return control ? "\u{FFFD}" : scalar
        }))
    }
}
