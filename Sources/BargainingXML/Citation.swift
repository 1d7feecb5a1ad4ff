/// Legal citations as a Chinese reader expects them: the rules cite their sources in the short
/// form of SPEC.md ("S1 art 36"); an archived document writes them out
/// (《集体合同规定》第三十六条), keeping the short form beside it for machines.
enum Citation {
    /// The instruments of SPEC.md's source list that the rules cite, by tag.
    static let instruments: [String: String] = [
        "S1": "集体合同规定",
        "S2": "中华人民共和国劳动合同法",
        "S3": "中华人民共和国劳动法",
        "S4": "工资集体协商试行办法",
        "S5": "北京市实施〈中华人民共和国工会法〉办法",
    ]

    /// `S1 art 36` → 《集体合同规定》第三十六条; `S1 arts 44–47` → …第四十四条至第四十七条;
    /// `S1 arts 34, 37` → …第三十四条、第三十七条; `S5 art 55(4)` → …第五十五条第（四）项;
    /// several citations separated by `;` are joined by `；`. A citation of a source without a
    /// verified title (SPEC.md marks S11 so) is kept as written rather than guessed.
    static func chinese(_ short: String) -> String {
        short.split(separator: ";").map { part in
            let citation = trimmed(part)
            return chineseOne(citation) ?? citation
        }.joined(separator: "；")
    }

    private static func chineseOne(_ citation: String) -> String? {
        let words = citation.split(separator: " ", maxSplits: 2).map(String.init)
        guard words.count == 3, let title = instruments[words[0]], words[1] == "art" || words[1] == "arts" else { return nil }
        let articles: String
        if let range = words[2].firstIndex(where: { $0 == "–" || $0 == "-" }) {
            guard let from = article(String(words[2][..<range])),
                  let to = article(String(words[2][words[2].index(after: range)...])) else { return nil }
            articles = "\(from)至\(to)"
        } else {
            var written: [String] = []
            for number in words[2].split(separator: ",") {
                guard let one = article(trimmed(number)) else { return nil }
                written.append(one)
            }
            articles = written.joined(separator: "、")
        }
        return "《\(title)》\(articles)"
    }

    /// `36` → 第三十六条; `55(4)` → 第五十五条第（四）项.
    private static func article(_ text: String) -> String? {
        var number = Substring(text)
        var item: Int?
        if number.hasSuffix(")"), let open = number.firstIndex(of: "(") {
            item = Int(number[number.index(after: open)..<number.index(before: number.endIndex)])
            guard item != nil else { return nil }
            number = number[..<open]
        }
        guard let value = Int(number), value > 0 else { return nil }
        return "第\(numeral(value))条" + (item.map { "第（\(numeral($0))）项" } ?? "")
    }

    private static func trimmed(_ text: Substring) -> String {
        String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }

    private static let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    /// Chinese numerals below 1000, as articles are numbered: 10 → 十, 36 → 三十六, 105 → 一百零五.
    static func numeral(_ value: Int) -> String {
        precondition((1..<1000).contains(value), "article numbers run from 1 to 999")
        let hundreds = value / 100, tens = value / 10 % 10, ones = value % 10
        var out = hundreds > 0 ? digits[hundreds] + "百" : ""
        if tens > 0 {
            out += (tens == 1 && hundreds == 0 ? "" : digits[tens]) + "十"
        } else if hundreds > 0 && ones > 0 {
            out += "零"
        }
        if ones > 0 { out += digits[ones] }
        return out
    }
}
