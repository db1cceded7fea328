import Testing

@testable import NoteLint

/// `date-format` recognises a note's writing by comparing in place; that must agree exactly with
/// writing the date out and comparing the strings.
@Suite struct DayWritingTests {
    static let dates = [
        NoteDate(year: 2021, month: 4, day: 20), NoteDate(year: 2021, month: 5, day: 8),
        NoteDate(year: 999, month: 1, day: 2), NoteDate(year: 12021, month: 12, day: 31),
        NoteDate(year: 2021, month: 9, day: 9), NoteDate(year: 2021, month: 6, day: nil),
    ]

    static let texts = [
        "20 Apr 2021", "20 Apr. 2021", "20 April 2021", "Apr 20, 2021", "April 20, 2021", "2021-04-20", "2021/04/20",
        "8 May 2021", "8 May. 2021", "May 8, 2021", "2021-05-08", "2021-5-8", "08 May 2021", "0999-01-02", "999-01-02",
        "2 Jan 0999", "2 Jan 999", "12021-12-31", "31 Dec 12021", "9 Sep 2021", "9 Sept. 2021", "9 Sep. 2021",
        "September 9, 2021", "2021-09-09 ", "2021-09-0", "", "Jun 2021", "20 apr 2021", "20 Apr 20211",
    ]

    @Test func comparingInPlaceAgreesWithWritingOut() {
        for date in Self.dates {
            for text in Self.texts {
                let written = DayWriting.allCases.filter { $0.write(date) == text }
                #expect(DayWriting.writings(of: text, for: date).members == written, "\(text) for \(date)")
            }
            for writing in DayWriting.allCases {
                guard let text = writing.write(date) else { continue }
                #expect(DayWriting.writings(of: text, for: date).contains(writing), "\(text)")
            }
        }
    }
}
