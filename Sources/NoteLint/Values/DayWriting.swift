/// The ways of writing a day (`20 Apr 2021`, `2021-04-20`, ...) that a note may make its
/// convention: `date-format` recognises which of them a Date is written in, and writes a day
/// in the one the note uses. A year (`2021`) or a month (`Apr 2021`) is no day: such dates are
/// at home in a note of any style.
enum DayWriting: CaseIterable {
    /// `20 Apr 2021`, the `d MMM yyyy` style.
    case dayMonthYear
    /// `20 Apr. 2021` (`8 May 2021`: May has no abbreviation).
    case dayAbbreviatedMonthYear
    /// `20 April 2021`.
    case dayFullMonthYear
    /// `Apr 20, 2021`.
    case monthDayYear
    /// `April 20, 2021`.
    case fullMonthDayYear
    /// `2021-04-20`, the `iso` style.
    case iso
    /// `2021/04/20`.
    case yearMonthDaySlashed

    var index: Int { Self.allCases.firstIndex(of: self)! }

    /// The writing of a configurable style.
    init(_ style: NoteDate.Style) {
        switch style {
        case .dayMonthYear: self = .dayMonthYear
        case .iso: self = .iso
        }
    }

    /// `date` written this way; nil when it is not a day.
    func write(_ date: NoteDate) -> String? {
        guard let month = date.month, let day = date.day else { return nil }
        let yyyy = date.fourDigitYear
        let short = NoteDate.shortMonths[month - 1]
        let full = Self.capitalizedMonths[month - 1]
        let mm = month < 10 ? "0\(month)" : "\(month)"
        let dd = day < 10 ? "0\(day)" : "\(day)"
        switch self {
        case .dayMonthYear: return "\(day) \(short) \(yyyy)"
        case .dayAbbreviatedMonthYear: return "\(day) \(short == full ? short : short + ".") \(yyyy)"
        case .dayFullMonthYear: return "\(day) \(full) \(yyyy)"
        case .monthDayYear: return "\(short) \(day), \(yyyy)"
        case .fullMonthDayYear: return "\(full) \(day), \(yyyy)"
        case .iso: return "\(yyyy)-\(mm)-\(dd)"
        case .yearMonthDaySlashed: return "\(yyyy)/\(mm)/\(dd)"
        }
    }

    static let capitalizedMonths = NoteDate.longMonths.map { $0.prefix(1).uppercased() + $0.dropFirst() }

    /// The writings that give exactly `text` for `date` (`8 May 2021` is written two ways).
    /// Only those the text's punctuation allows are written out to compare: every Date of a
    /// note passes here.
    static func writings(of text: String, for date: NoteDate) -> [DayWriting] {
        candidates(for: text).filter { $0.write(date) == text }
    }

    private static func candidates(for text: String) -> [DayWriting] {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "-"): return [.iso]
            case UInt8(ascii: "/"): return [.yearMonthDaySlashed]
            case UInt8(ascii: ","): return [.monthDayYear, .fullMonthDayYear]
            default: continue
            }
        }
        // `20 Apr 2021`, `20 Apr. 2021`, `20 April 2021`: the month's word tells (`8 May 2021`
        // is written both of the first two ways).
        let bytes = text.utf8
        guard let firstSpace = bytes.firstIndex(of: 0x20),
              let secondSpace = bytes[bytes.index(after: firstSpace)...].firstIndex(of: 0x20) else {
            return [.dayMonthYear, .dayAbbreviatedMonthYear, .dayFullMonthYear]
        }
        let month = bytes[bytes.index(after: firstSpace)..<secondSpace]
        if month.last == UInt8(ascii: ".") { return [.dayAbbreviatedMonthYear] }
        guard month.count == 3 else { return [.dayFullMonthYear] }
        // `May` is its own abbreviation: `8 May 2021` is written both ways.
        return month.elementsEqual("May".utf8) ? [.dayMonthYear, .dayAbbreviatedMonthYear] : [.dayMonthYear]
    }
}
