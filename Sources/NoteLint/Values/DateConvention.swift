/// How a note writes its days: the writing most of its days use. When several are used
/// equally often, the configured style decides, unless one of them writes every day as it is
/// written (a note of `8 May 2021` alone reads as `d MMM yyyy` and as `d MMM. yyyy`).
struct DateConvention {
    let writing: DayWriting

    /// `uses` counts, by `DayWriting.index`, the note's Dates that name a day that each writing
    /// writes exactly as it is written (`DayWriting.writings(of:for:)`); `days` is how many
    /// Dates name a day.
    init(uses: [Int], days: Int, otherwise fallback: DayWriting) {
        let most = uses.max() ?? 0
        let leaders = DayWriting.allCases.filter { uses[$0.index] == most }
        let writesEveryDay = most > 0 && most == days
        if leaders.count == 1 || (writesEveryDay && !leaders.contains(fallback)) {
            writing = leaders[0]
        } else {
            writing = fallback
        }
    }
}
