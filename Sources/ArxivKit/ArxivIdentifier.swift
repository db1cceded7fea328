/// An arXiv identifier: new style `2104.09864` (YYMM.NNNNN) or old style `hep-th/9901001`
/// (archive[.SUBJECT]/YYMMNNN), with an optional version.
public struct ArxivIdentifier: Hashable, Sendable, CustomStringConvertible {
    /// The identifier without version.
    public let id: String
    public let version: Int?

    public init(id: String, version: Int?) {
        self.id = id
        self.version = version
    }

    public var description: String { version.map { "\(id)v\($0)" } ?? id }

    /// The year and month a new-style identifier was assigned (`1604.01356` -> 2016, 4).
    public var newStyleMonth: (year: Int, month: Int)? {
        guard let parts = NewStyle(id) else { return nil }
        return (2000 + parts.yy, parts.mm)
    }

    /// Splits `ID` or `IDvN`; nil when the text has neither identifier shape. The shape says
    /// nothing of whether such an identifier can exist: see `problem(in:currentYear:currentMonth:)`.
    public static func parse(_ text: String) -> ArxivIdentifier? {
        let (id, version, versionOK) = splitVersion(text)
        guard versionOK, NewStyle(id) != nil || OldStyle(id) != nil else { return nil }
        return ArxivIdentifier(id: id, version: version)
    }

    static func splitVersion(_ text: String) -> (id: String, version: Int?, ok: Bool) {
        guard let v = text.lastIndex(of: "v"), v != text.startIndex else { return (text, nil, true) }
        let digits = text[text.index(after: v)...]
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return (text, nil, true) }
        guard let number = Int(digits), number > 0 else { return (String(text[..<v]), nil, false) }
        return (String(text[..<v]), number, true)
    }

    /// Why an identifier as written cannot exist, or nil when it can. `currentYear` and
    /// `currentMonth` bound new-style identifiers: none is assigned ahead of time.
    public static func problem(in text: String, currentYear: Int, currentMonth: Int) -> String? {
        let (id, _, versionOK) = splitVersion(text)
        guard versionOK else { return "`\(text)` has version 0; versions start at v1" }
        if let new = NewStyle(id) {
            let yymm = new.yy * 100 + new.mm
            if new.mm == 0 || new.mm > 12 { return "`\(id)` names month \(String(format2(new.mm))), which does not exist" }
            if yymm < 704 { return "`\(id)` is before April 2007, when identifiers of this style began (0704)" }
            if new.digits == 4 && yymm >= 1501 { return "`\(id)` has a four-digit number, but identifiers from January 2015 on have five" }
            if new.digits == 5 && yymm < 1501 { return "`\(id)` has a five-digit number, but identifiers before 2015 have four" }
            if (2000 + new.yy, new.mm) > (currentYear, currentMonth) { return "`\(id)` names \(monthName(new.mm)) \(2000 + new.yy), which has not come yet" }
            return nil
        }
        if let old = OldStyle(id) {
            guard ArxivTaxonomy.archives.contains(old.archive.lowercased()) || ArxivTaxonomy.isKnown(old.archive) else {
                return "`\(id)`: `\(old.archive)` is not an arXiv archive"
            }
            if old.mm == 0 || old.mm > 12 { return "`\(id)` names month \(format2(old.mm)), which does not exist" }
            let year = old.yy >= 91 ? 1900 + old.yy : 2000 + old.yy
            if (year, old.mm) < (1991, 8) || (year, old.mm) > (2007, 3) {
                return "`\(id)`: old-style identifiers run from August 1991 to March 2007"
            }
            return nil
        }
        return "`\(text)` is not an arXiv identifier (expected YYMM.NNNNN or archive/YYMMNNN)"
    }

    static func format2(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    public static func monthName(_ month: Int) -> String {
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][max(1, min(month, 12)) - 1]
    }
}

/// `YYMM.NNNN` or `YYMM.NNNNN`.
struct NewStyle {
    let yy: Int
    let mm: Int
    let digits: Int

    init?(_ id: String) {
        let parts = id.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 4 || parts[1].count == 5,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        yy = Int(parts[0].prefix(2))!
        mm = Int(parts[0].suffix(2))!
        digits = parts[1].count
    }
}

/// `archive(.SC)?/YYMMNNN`.
struct OldStyle {
    let archive: String
    let yy: Int
    let mm: Int

    init?(_ id: String) {
        let parts = id.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 7, parts[1].allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let subject = parts[0]
        guard let first = subject.first, first.isLetter,
              subject.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "-" || $0 == ".") }) else { return nil }
        archive = String(subject.split(separator: ".").first ?? subject)
        yy = Int(parts[1].prefix(2))!
        mm = Int(parts[1].dropFirst(2).prefix(2))!
    }
}
