import Bargaining

extension CongressRule {
    /// The rule's explanation in Chinese, for the archived document: the same tally the core
    /// decided the outcome with (``CongressVote/tally(attendance:approval:)``), in the words the
    /// record's readers use. The engine's English sentence is kept beside it.
    func chineseExplanation(total: Int, present: Int, votesFor: Int) -> String {
        let tally = CongressVote(total: total, present: present, votesFor: votesFor).tally(attendance: attendance, approval: approval)
        guard let needed = tally.needed else {
            return "全体代表\(total)人，到会\(present)人；全体代表的\(attendance.chineseName)为\(tally.quorum)人：不足法定人数，须重新召开"
        }
        let threshold = approval == "two-thirds-of-all" ? "全体代表三分之二以上" : "超过全体代表半数"
        let result = tally.outcome == .approved ? "通过" : "未通过，退回协商"
        return "全体代表\(total)人，到会\(present)人（法定人数\(tally.quorum)人）；赞成\(votesFor)票；须\(threshold)即\(needed)票：\(result)"
    }

    /// The article written out (《集体合同规定》第三十六条).
    var chineseCitation: String { Citation.chinese(article) }
}
