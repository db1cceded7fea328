/// How a note writes its days: the writing most of its days use. When several are used
/// equally often, the configured style decides, unless one of them writes every day as it is
/// written (a note of `8 May 2021` alone reads as `d MMM yyyy` and as `d MMM. yyyy`).
struct DateConvention {
    let writing: DayWriting

    /// `days` are the note's Dates that name a day, as written and as read.
    init(days: [(text: String, date: NoteDate)], otherwise fallback: DayWriting) {
        // Counted by case: every Date of a note passes here.
        var uses = [Int](repeating: 0, count: DayWriting.allCases.count)
        for day in days {
            for writing in DayWriting.writings(of: day.text, for: day.date) { uses[writing.index] += 1 }
        }
        let most = uses.max() ?? 0
        let leaders = DayWriting.allCases.filter { uses[$0.index] == most }
        let writesEveryDay = most > 0 && most == days.count
        if leaders.count == 1 || (writesEveryDay && !leaders.contains(fallback)) {
            writing = leaders[0]
        } else {
            writing = fallback
        }
    }
}
