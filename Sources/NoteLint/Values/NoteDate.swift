/// A date as notes write it, to the precision written: a year, a month of a year, or a day.
///
/// The grammar (case-insensitive month names, optional period after an abbreviation):
///
///     20 Apr 2021    20 Apr. 2021    20 April 2021    20th April 2021    April 20, 2021
///     Apr 2021       April 2021      Sept. 2020       2021
///     2021-04-20     2021-04         2021/04/20       20/04/2021 (when unambiguous)
public struct NoteDate: Sendable, Equatable {
    public let year: Int
    public let month: Int?
    public let day: Int?

    public enum Style: String, Sendable, CaseIterable {
        /// `20 Apr 2021`, `Apr 2021`, `2021`.
        case dayMonthYear = "d MMM yyyy"
        /// `2021-04-20`, `2021-04`, `2021`.
        case iso
    }

    public enum Failure: Error, Sendable, Equatable {
        /// Not a date at all.
        case notADate
        /// Date-shaped but impossible: `31 Feb 2021`, `2021-13-01`.
        case impossible(String)
        /// Two readings: `04/05/2021`.
        case ambiguous(String)
    }

    public init(year: Int, month: Int?, day: Int?) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Four digits, as the grammar reads a year back (`0999`, not `999`).
    var fourDigitYear: String { String(repeating: "0", count: max(0, 4 - "\(year)".count)) + "\(year)" }

    public func rendered(_ style: Style) -> String {
        let yyyy = fourDigitYear
        switch style {
        case .dayMonthYear:
            guard let month else { return yyyy }
            let name = NoteDate.shortMonths[month - 1]
            return day.map { "\($0) \(name) \(yyyy)" } ?? "\(name) \(yyyy)"
        case .iso:
            guard let month else { return yyyy }
            let mm = month < 10 ? "0\(month)" : "\(month)"
            guard let day else { return "\(yyyy)-\(mm)" }
            return "\(yyyy)-\(mm)-\(day < 10 ? "0\(day)" : "\(day)")"
        }
    }

    /// Whether this date is after `today`: a day after it, or a month or a year all of which
    /// is after it (`Apr 2021` is not after 20 April 2021).
    public func isAfter(_ today: CalendarDay) -> Bool {
        if year != today.year { return year > today.year }
        guard let month else { return false }
        if month != today.month { return month > today.month }
        guard let day else { return false }
        return day > today.day
    }

    static let shortMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let longMonths = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december",
    ]

    /// The month names as lower-case bytes, which `month(named:)` compares in place.
    private static let longMonthBytes = longMonths.map { Array($0.utf8) }
    private static let septBytes = Array("sept".utf8)

    /// `Apr`, `Apr.`, `April`, `Sept.` in any case.
    static func month(named word: DateBytes) -> Int? {
        var name = word
        if name.last == UInt8(ascii: ".") { name = name.dropLast() }
        guard (3...9).contains(name.count), name.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) else { return nil }
        // Compared in place, lowered byte by byte: every Date written in words passes here.
        func spells(_ lowercased: [UInt8]) -> Bool {
            var index = name.startIndex
            for letter in lowercased.prefix(name.count) {
                if name[index] | 0x20 != letter { return false }
                index += 1
            }
            return true
        }
        if name.count == 4 && spells(septBytes) { return 9 }
        for (index, full) in longMonthBytes.enumerated() {
            if (name.count == full.count || (name.count == 3 && full.count > 3)) && spells(full) { return index + 1 }
        }
        return nil
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Parses a Date value.
    public static func parse(_ text: String) -> Result<NoteDate, Failure> {
        // Read in the string's own storage: a Date is parsed for every entry of every note.
        var text = text
        return text.withUTF8 { buffer in
            var bytes = buffer[...]
            while let first = bytes.first, first == 0x20 || first == 0x09 { bytes = bytes.dropFirst() }
            while let last = bytes.last, last == 0x20 || last == 0x09 { bytes = bytes.dropLast() }
            if let numeric = parseNumeric(bytes) { return numeric }
            return parseWords(bytes)
        }
    }

    private static func checked(year: Int, month: Int?, day: Int?) -> Result<NoteDate, Failure> {
        guard year >= 1 && year <= 9999 else { return .failure(.notADate) }
        if let month, month < 1 || month > 12 { return .failure(.impossible("there is no month \(month)")) }
        if let month, let day {
            let limit = daysIn(month: month, year: year)
            if day < 1 || day > limit {
                return .failure(.impossible("\(shortMonths[month - 1]) \(year) has \(limit) days"))
            }
        }
        return .success(NoteDate(year: year, month: month, day: day))
    }

    /// `2021`, `2021-04`, `2021-04-20`, `2021/04/20`, `20/04/2021`, `04/05/2021` (ambiguous).
    private static func parseNumeric(_ value: DateBytes) -> Result<NoteDate, Failure>? {
        guard !value.isEmpty, value.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "/") }) else {
            return nil
        }
        if let iso = parseISODay(value) { return iso }
        for separator in [UInt8(ascii: "-"), UInt8(ascii: "/")] {
            let parts = value.split(separator: separator, omittingEmptySubsequences: false)
            guard parts.count > 1 || separator == UInt8(ascii: "-") else { continue }
            guard parts.allSatisfy({ !$0.isEmpty && !$0.contains(UInt8(ascii: "-")) && !$0.contains(UInt8(ascii: "/")) }) else { continue }
            let numbers = parts.map { number($0) }
            let lengths = parts.map(\.count)
            switch parts.count {
            case 1 where lengths == [4]:
                return checked(year: numbers[0], month: nil, day: nil)
            case 2 where separator == UInt8(ascii: "-") && lengths[0] == 4 && lengths[1] <= 2:
                return checked(year: numbers[0], month: numbers[1], day: nil)
            case 3 where lengths[0] == 4 && lengths[1] <= 2 && lengths[2] <= 2:
                return checked(year: numbers[0], month: numbers[1], day: numbers[2])
            case 3 where separator == UInt8(ascii: "/") && lengths[2] == 4 && lengths[0] <= 2 && lengths[1] <= 2:
                let (first, second, year) = (numbers[0], numbers[1], numbers[2])
                if first <= 12 && second <= 12 && first != second && first > 0 && second > 0 {
                    return .failure(
                        .ambiguous("\(first) \(shortMonths[second - 1]) \(year) or \(second) \(shortMonths[first - 1]) \(year)"))
                }
                return first > 12
                    ? checked(year: year, month: second, day: first)
                    : checked(year: year, month: first, day: second)
            default:
                continue
            }
        }
        return .failure(.notADate)
    }

    /// `2021-04-20`, the most common way to write a Date, read without splitting.
    private static func parseISODay(_ value: DateBytes) -> Result<NoteDate, Failure>? {
        guard value.count == 10 else { return nil }
        let base = value.startIndex
        let dash = UInt8(ascii: "-")
        guard value[base + 4] == dash, value[base + 7] == dash else { return nil }
        let year = value[base..<(base + 4)]
        let month = value[(base + 5)..<(base + 7)]
        let day = value[(base + 8)..<(base + 10)]
        func isDigits(_ part: DateBytes) -> Bool { part.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        guard isDigits(year), isDigits(month), isDigits(day) else { return nil }
        return checked(year: number(year), month: number(month), day: number(day))
    }

    private static func number(_ digits: DateBytes) -> Int {
        digits.reduce(0) { $0 &* 10 &+ Int($1 - 0x30) }
    }

    /// `20 Apr 2021`, `20th April 2021`, `April 20, 2021`, `Apr 2021`, `Sept. 2020`.
    private static func parseWords(_ value: DateBytes) -> Result<NoteDate, Failure> {
        // The words between blanks and commas: two or three make a date, so at most three are kept.
        func isSeparator(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == UInt8(ascii: ",") }
        let none = value.prefix(0)
        var words = (none, none, none)
        var count = 0
        var index = value.startIndex
        while index < value.endIndex {
            guard !isSeparator(value[index]) else {
                index += 1
                continue
            }
            let start = index
            while index < value.endIndex && !isSeparator(value[index]) { index += 1 }
            switch count {
            case 0: words.0 = value[start..<index]
            case 1: words.1 = value[start..<index]
            case 2: words.2 = value[start..<index]
            default: return .failure(.notADate)
            }
            count += 1
        }
        func year(_ word: DateBytes) -> Int? {
            word.count == 4 && word.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) ? number(word) : nil
        }
        func day(_ word: DateBytes) -> Int? {
            var digits = word
            if digits.count > 2 {
                let before = digits[digits.endIndex - 2] | 0x20
                let letter = digits[digits.endIndex - 1] | 0x20
                switch (before, letter) {
                case (UInt8(ascii: "s"), UInt8(ascii: "t")), (UInt8(ascii: "n"), UInt8(ascii: "d")), (UInt8(ascii: "r"), UInt8(ascii: "d")),
                    (UInt8(ascii: "t"), UInt8(ascii: "h")):
                    digits = digits.dropLast(2)
                default:
                    break
                }
            }
            guard (1...2).contains(digits.count), digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            return number(digits)
        }
        switch count {
        case 2:
            if let month = month(named: words.0), let year = year(words.1) {
                return checked(year: year, month: month, day: nil)
            }
        case 3:
            if let day = day(words.0), let month = month(named: words.1), let year = year(words.2) {
                return checked(year: year, month: month, day: day)
            }
            if let month = month(named: words.0), let day = day(words.1), let year = year(words.2) {
                return checked(year: year, month: month, day: day)
            }
        default:
            break
        }
        return .failure(.notADate)
    }
}

/// A Date's bytes, read in place from the value's string.
typealias DateBytes = Slice<UnsafeBufferPointer<UInt8>>
