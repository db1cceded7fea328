/// How a note writes its days: the writing most of its days use. When several are used
/// equally often, the configured style decides, unless one of them writes every day as it is
/// written (a note of `8 May 2021` alone reads as `d MMM yyyy` and as `d MMM. yyyy`).
struct DateConvention {
    let writing: DayWriting

    /// `writings` are, for each of the note's Dates that name a day, the ways that write it
    /// exactly as it is written (`DayWriting.writings(of:for:)`).
    init(writings: [[DayWriting]], otherwise fallback: DayWriting) {
        // Counted by case: every Date of a note passes here.
        var uses = [Int](repeating: 0, count: DayWriting.allCases.count)
        for ways in writings {
            for writing in ways { uses[writing.index] += 1 }
        }
        let most = uses.max() ?? 0
        let leaders = DayWriting.allCases.filter { uses[$0.index] == most }
        let writesEveryDay = most > 0 && most == writings.count
        if leaders.count == 1 || (writesEveryDay && !leaders.contains(fallback)) {
            writing = leaders[0]
        } else {
            writing = fallback
        }
    }
}
