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

    /// Why a parsed identifier cannot exist (`problem(in:currentYear:currentMonth:)` of its text,
    /// without splitting the text again) and, when it can, `newStyleMonth`: the identifier read
    /// once for both (every arXiv link of every lint asks both).
    public static func assessment(of identifier: ArxivIdentifier, currentYear: Int, currentMonth: Int)
        -> (problem: String?, newStyleMonth: (year: Int, month: Int)?)
    {
        let new = NewStyle(identifier.id)
        let problem = problem(id: identifier.id, text: identifier.id, new: new, currentYear: currentYear, currentMonth: currentMonth)
        return (problem, problem == nil ? new.map { (2000 + $0.yy, $0.mm) } : nil)
    }

    /// Splits `ID` or `IDvN`; nil when the text has neither identifier shape. The shape says
    /// nothing of whether such an identifier can exist: see `problem(in:currentYear:currentMonth:)`.
    public static func parse(_ text: String) -> ArxivIdentifier? {
        let (id, version, versionOK) = splitVersion(text)
        guard versionOK, NewStyle(id) != nil || OldStyle(id) != nil else { return nil }
        return ArxivIdentifier(id: id, version: version)
    }

    static func splitVersion(_ text: String) -> (id: String, version: Int?, ok: Bool) {
        // Read in the string's own storage: every arXiv link of every entry is split here.
        var text = text
        let split: (id: String, number: Int)? = text.withUTF8 { bytes in
            version(in: bytes).map { (String(decoding: UnsafeBufferPointer(rebasing: bytes[..<$0.v]), as: UTF8.self), $0.number) }
        }
        guard let split else { return (text, nil, true) }
        return split.number > 0 ? (split.id, split.number, true) : (split.id, nil, false)
    }

    /// Where an identifier's version starts (its `v`) and the version's number, when it ends in one.
    private static func version(in bytes: UnsafeBufferPointer<UInt8>) -> (v: Int, number: Int)? {
        guard let v = bytes.lastIndex(of: UInt8(ascii: "v")), v > 0, let number = ASCII.number(bytes[(v + 1)...]) else { return nil }
        return (v, number)
    }

    /// Why an identifier as written cannot exist, or nil when it can. `currentYear` and
    /// `currentMonth` bound new-style identifiers: none is assigned ahead of time.
    public static func problem(in text: String, currentYear: Int, currentMonth: Int) -> String? {
        let (id, _, versionOK) = splitVersion(text)
        guard versionOK else { return "`\(text)` has version 0; versions start at v1" }
        return problem(id: id, text: text, new: NewStyle(id), currentYear: currentYear, currentMonth: currentMonth)
    }

    /// `id` is `text` without its version; `new` its reading as a new-style identifier.
    private static func problem(id: String, text: String, new: NewStyle?, currentYear: Int, currentMonth: Int) -> String? {
        if let new {
            let yymm = new.yy * 100 + new.mm
            if new.mm == 0 || new.mm > 12 { return "`\(id)` names month \(String(format2(new.mm))), which does not exist" }
            if yymm < 704 { return "`\(id)` is before April 2007, when identifiers of this style began (0704)" }
            if new.digits == 4 && yymm >= 1501 { return "`\(id)` has a four-digit number, but identifiers from January 2015 on have five" }
            if new.digits == 5 && yymm < 1501 { return "`\(id)` has a five-digit number, but identifiers before 2015 have four" }
            if (2000 + new.yy, new.mm) > (currentYear, currentMonth) {
                return "`\(id)` names \(monthName(new.mm)) \(2000 + new.yy), which has not come yet"
            }
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

    /// Whether an identifier as written is a template's stand-in rather than an attempt at a real
    /// one: `YYMM.NNNNN`, `XXXX.XXXXX`, `2401.xxxxx`, `0000.00000` (no paper has the number 0).
    public static func isTemplate(_ text: String) -> Bool {
        // Read in the string's own storage, without the version: every arXiv link passes here.
        var text = text
        return text.withUTF8 { bytes in isTemplate(UnsafeBufferPointer(rebasing: bytes[..<(version(in: bytes)?.v ?? bytes.count)])) }
    }

    private static func isTemplate(_ id: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        var dot: Int? = nil
        var allFiller = true
        var numberAllZero = true
        var numberAllNonZeroFiller = true
        for byte in id {
            if byte == UInt8(ascii: ".") {
                if dot != nil { return false }
                dot = index
            } else {
                // A digit past 0 after the dot is in no template: the usual answer, told early.
                if dot != nil && byte > UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { return false }
                if !isFiller(byte) { allFiller = false }
                if dot != nil {
                    if byte != UInt8(ascii: "0") { numberAllZero = false }
                    if byte == UInt8(ascii: "0") || !isFiller(byte) { numberAllNonZeroFiller = false }
                }
            }
            index += 1
        }
        guard let dot, dot == 4, index - dot - 1 >= 4 else { return false }
        return numberAllNonZeroFiller || numberAllZero || allFiller
    }

    /// The characters templates put where an identifier's digits go: `XXXX.XXXXX`, `YYMM.NNNNN`, `0000.00000`.
    private static func isFiller(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0"), UInt8(ascii: "X"), UInt8(ascii: "x"), UInt8(ascii: "Y"), UInt8(ascii: "y"), UInt8(ascii: "M"),
            UInt8(ascii: "m"), UInt8(ascii: "N"), UInt8(ascii: "n"), UInt8(ascii: "#"), UInt8(ascii: "?"), UInt8(ascii: "*"),
            UInt8(ascii: "_"):
            return true
        default:
            return false
        }
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
        // Read in place: an identifier is checked on every Link of every lint.
        var id = id
        guard
            let (yymm, count) = id.withUTF8({ bytes -> (Int, Int)? in
                guard bytes.count == 9 || bytes.count == 10, bytes[4] == UInt8(ascii: "."),
                    let yymm = ASCII.number(bytes[0..<4]), ASCII.number(bytes[5...]) != nil
                else { return nil }
                return (yymm, bytes.count)
            })
        else { return nil }
        yy = yymm / 100
        mm = yymm % 100
        digits = count - 5
    }
}

/// `archive(.SC)?/YYMMNNN`.
struct OldStyle {
    let archive: String
    let yy: Int
    let mm: Int

    init?(_ id: String) {
        let bytes = Array(id.utf8)
        guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")), bytes.count - slash - 1 == 7,
            let number = ASCII.number(bytes[(slash + 1)...]), slash > 0, ASCII.isLetter(bytes[0]),
            bytes[..<slash].allSatisfy({ ASCII.isLetter($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") })
        else { return nil }
        let subject = bytes[..<slash]
        let archiveEnd = subject.firstIndex(of: UInt8(ascii: ".")) ?? slash
        // At most one `.`, and a subject after it (`math./0309136` is not an identifier).
        guard archiveEnd == slash || (archiveEnd + 1 < slash && !subject[(archiveEnd + 1)...].contains(UInt8(ascii: ".")))
        else { return nil }
        archive = String(decoding: bytes[..<archiveEnd], as: UTF8.self)
        yy = number / 100_000
        mm = number / 1000 % 100
    }
}
