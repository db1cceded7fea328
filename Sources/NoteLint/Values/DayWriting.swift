/// The ways of writing a day (`20 Apr 2021`, `2021-04-20`, ...) that a note may make its
/// convention: `date-format` recognises which of them a Date is written in, and writes a day
/// in the one the note uses. A year (`2021`) or a month (`Apr 2021`) is no day: such dates are
/// at home in a note of any style.
enum DayWriting: Int, CaseIterable {
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

    /// Its place among `allCases`.
    var index: Int { rawValue }

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
    /// The months' names as bytes, which `spells` compares in place.
    private static let shortMonthBytes = NoteDate.shortMonths.map { Array($0.utf8) }
    private static let capitalizedMonthBytes = capitalizedMonths.map { Array($0.utf8) }

    /// The writings that give exactly `text` for `date` (`8 May 2021` is written three ways).
    /// Only those the text's punctuation allows are compared, byte by byte and without writing
    /// the date out: every Date of a note passes here.
    static func writings(of text: String, for date: NoteDate) -> DayWritings {
        var text = text
        return text.withUTF8 { bytes in
            let candidates = candidates(for: bytes)
            var writings = DayWritings()
            for writing in allCases where candidates.contains(writing) && writing.spells(date, as: bytes) { writings.insert(writing) }
            return writings
        }
    }

    /// Whether `bytes` is `date` written this way: the same answer as `write(date) == text`.
    func spells(_ date: NoteDate, as bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let month = date.month, let day = date.day, date.year >= 0 else { return false }
        var reader = WrittenDayReader(bytes: bytes)
        let short = Self.shortMonthBytes[month - 1]
        let full = Self.capitalizedMonthBytes[month - 1]
        let spelled: Bool
        switch self {
        case .dayMonthYear:
            spelled = reader.number(day) && reader.byte(" ") && reader.word(short) && reader.byte(" ") && reader.year(date.year)
        case .dayAbbreviatedMonthYear:
            spelled =
                reader.number(day) && reader.byte(" ") && reader.word(short)
                && (short == full || reader.byte(".")) && reader.byte(" ") && reader.year(date.year)
        case .dayFullMonthYear:
            spelled = reader.number(day) && reader.byte(" ") && reader.word(full) && reader.byte(" ") && reader.year(date.year)
        case .monthDayYear:
            spelled =
                reader.word(short) && reader.byte(" ") && reader.number(day) && reader.byte(",") && reader.byte(" ")
                && reader.year(date.year)
        case .fullMonthDayYear:
            spelled =
                reader.word(full) && reader.byte(" ") && reader.number(day) && reader.byte(",") && reader.byte(" ")
                && reader.year(date.year)
        case .iso:
            spelled = reader.year(date.year) && reader.byte("-") && reader.twoDigits(month) && reader.byte("-") && reader.twoDigits(day)
        case .yearMonthDaySlashed:
            spelled = reader.year(date.year) && reader.byte("/") && reader.twoDigits(month) && reader.byte("/") && reader.twoDigits(day)
        }
        return spelled && reader.isAtEnd
    }

    private static let dashed = DayWritings([.iso])
    private static let slashed = DayWritings([.yearMonthDaySlashed])
    private static let withComma = DayWritings([.monthDayYear, .fullMonthDayYear])
    private static let dayFirst = DayWritings([.dayMonthYear, .dayAbbreviatedMonthYear, .dayFullMonthYear])
    private static let abbreviated = DayWritings([.dayAbbreviatedMonthYear])
    private static let fullMonth = DayWritings([.dayFullMonthYear])
    private static let shortMonth = DayWritings([.dayMonthYear])
    private static let may = DayWritings([.dayMonthYear, .dayAbbreviatedMonthYear, .dayFullMonthYear])

    private static func candidates(for bytes: UnsafeBufferPointer<UInt8>) -> DayWritings {
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "-"): return dashed
            case UInt8(ascii: "/"): return slashed
            case UInt8(ascii: ","): return withComma
            default: continue
            }
        }
        // `20 Apr 2021`, `20 Apr. 2021`, `20 April 2021`: the month's word tells (`8 May 2021`
        // is written all three ways).
        guard let firstSpace = bytes.firstIndex(of: 0x20),
            let secondSpace = bytes[(firstSpace + 1)...].firstIndex(of: 0x20)
        else {
            return dayFirst
        }
        let month = bytes[(firstSpace + 1)..<secondSpace]
        if month.last == UInt8(ascii: ".") { return abbreviated }
        guard month.count == 3 else { return fullMonth }
        let (m, a, y) = (month[month.startIndex], month[month.startIndex + 1], month[month.startIndex + 2])
        return m == UInt8(ascii: "M") && a == UInt8(ascii: "a") && y == UInt8(ascii: "y") ? may : shortMonth
    }
}

/// A set of `DayWriting`s, one bit each: every entry's Date keeps one, so it is no array.
struct DayWritings: Sendable, Equatable {
    private var bits: UInt8 = 0

    init() {}

    init(_ writings: [DayWriting]) {
        for writing in writings { insert(writing) }
    }

    var isEmpty: Bool { bits == 0 }

    func contains(_ writing: DayWriting) -> Bool { bits & (1 << UInt8(writing.rawValue)) != 0 }

    mutating func insert(_ writing: DayWriting) { bits |= 1 << UInt8(writing.rawValue) }

    /// The writings in the set, in `DayWriting.allCases` order.
    var members: [DayWriting] { DayWriting.allCases.filter(contains) }
}

/// Reads a written day piece by piece, each piece compared in place.
private struct WrittenDayReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var offset = 0

    var isAtEnd: Bool { offset == bytes.count }

    mutating func byte(_ expected: Unicode.Scalar) -> Bool {
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: expected) else { return false }
        offset += 1
        return true
    }

    mutating func word(_ expected: [UInt8]) -> Bool {
        guard bytes.count - offset >= expected.count else { return false }
        for index in expected.indices where bytes[offset + index] != expected[index] { return false }
        offset += expected.count
        return true
    }

    /// `value` in decimal, no leading zero.
    mutating func number(_ value: Int) -> Bool { digits(value, width: 1) }

    /// `value` padded to two digits (`04`).
    mutating func twoDigits(_ value: Int) -> Bool { digits(value, width: 2) }

    /// `value` padded to four digits (`0999`).
    mutating func year(_ value: Int) -> Bool { digits(value, width: 4) }

    private mutating func digits(_ value: Int, width: Int) -> Bool {
        guard value >= 0 else { return false }
        var count = 1
        var power = 1
        while value / power >= 10 {
            power *= 10
            count += 1
        }
        let written = max(count, width)
        guard bytes.count - offset >= written else { return false }
        for padding in 0..<(written - count) where bytes[offset + padding] != UInt8(ascii: "0") { return false }
        var rest = value
        var position = offset + written - 1
        for _ in 0..<count {
            guard bytes[position] == UInt8(ascii: "0") + UInt8(rest % 10) else { return false }
            rest /= 10
            position -= 1
        }
        offset += written
        return true
    }
}
