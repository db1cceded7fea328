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

    public func rendered(_ style: Style) -> String {
        switch style {
        case .dayMonthYear:
            guard let month else { return "\(year)" }
            let name = NoteDate.shortMonths[month - 1]
            return day.map { "\($0) \(name) \(year)" } ?? "\(name) \(year)"
        case .iso:
            guard let month else { return "\(year)" }
            let mm = month < 10 ? "0\(month)" : "\(month)"
            guard let day else { return "\(year)-\(mm)" }
            return "\(year)-\(mm)-\(day < 10 ? "0\(day)" : "\(day)")"
        }
    }

    /// Whether any day this date can mean comes after `today`.
    public func isAfter(_ today: CalendarDay) -> Bool {
        if year != today.year { return year > today.year }
        guard let month else { return false }
        if month != today.month { return month > today.month }
        guard let day else { return false }
        return day > today.day
    }

    static let shortMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let longMonths = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                             "october", "november", "december"]

    static func month(named word: String) -> Int? {
        var name = word.lowercased()
        if name.hasSuffix(".") { name.removeLast() }
        if name == "sept" { return 9 }
        if let index = longMonths.firstIndex(of: name) { return index + 1 }
        if name.count == 3, let index = longMonths.firstIndex(where: { $0.hasPrefix(name) }) { return index + 1 }
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
        let value = text.trimmingCharacters(in: " \t")
        if let numeric = parseNumeric(value) { return numeric }
        return parseWords(value)
    }

    private static func checked(year: Int, month: Int?, day: Int?, text: String) -> Result<NoteDate, Failure> {
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
    private static func parseNumeric(_ value: String) -> Result<NoteDate, Failure>? {
        guard !value.isEmpty, value.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-" || $0 == "/") }) else { return nil }
        for separator: Character in ["-", "/"] {
            let parts = value.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
            guard parts.count > 1 || separator == "-" else { continue }
            guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else { continue }
            let numbers = parts.map { Int($0)! }
            switch (parts.count, parts.map(\.count)) {
            case (1, [4]):
                return checked(year: numbers[0], month: nil, day: nil, text: value)
            case (2, [4, 2]) where separator == "-", (2, [4, 1]) where separator == "-":
                return checked(year: numbers[0], month: numbers[1], day: nil, text: value)
            case (3, let lengths) where lengths[0] == 4 && lengths[1] <= 2 && lengths[2] <= 2:
                return checked(year: numbers[0], month: numbers[1], day: numbers[2], text: value)
            case (3, let lengths) where separator == "/" && lengths[2] == 4 && lengths[0] <= 2 && lengths[1] <= 2:
                let (first, second, year) = (numbers[0], numbers[1], numbers[2])
                if first <= 12 && second <= 12 && first != second {
                    return .failure(.ambiguous("\(first) \(shortMonths[second - 1]) \(year) or \(second) \(shortMonths[first - 1]) \(year)"))
                }
                return first > 12 ? checked(year: year, month: second, day: first, text: value)
                                  : checked(year: year, month: first, day: second, text: value)
            default:
                continue
            }
        }
        return .failure(.notADate)
    }

    /// `20 Apr 2021`, `20th April 2021`, `April 20, 2021`, `Apr 2021`, `Sept. 2020`.
    private static func parseWords(_ value: String) -> Result<NoteDate, Failure> {
        let words = value.replacingOccurrences(of: ",", with: " ").split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        func year(_ word: String) -> Int? { word.count == 4 && word.allSatisfy(\.isNumber) ? Int(word) : nil }
        func day(_ word: String) -> Int? {
            var digits = word.lowercased()
            for suffix in ["st", "nd", "rd", "th"] where digits.hasSuffix(suffix) { digits.removeLast(2) }
            guard (1...2).contains(digits.count), digits.allSatisfy(\.isNumber) else { return nil }
            return Int(digits)
        }
        switch words.count {
        case 2:
            if let month = month(named: words[0]), let year = year(words[1]) {
                return checked(year: year, month: month, day: nil, text: value)
            }
        case 3:
            if let day = day(words[0]), let month = month(named: words[1]), let year = year(words[2]) {
                return checked(year: year, month: month, day: day, text: value)
            }
            if let month = month(named: words[0]), let day = day(words[1]), let year = year(words[2]) {
                return checked(year: year, month: month, day: day, text: value)
            }
        default:
            break
        }
        return .failure(.notADate)
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
