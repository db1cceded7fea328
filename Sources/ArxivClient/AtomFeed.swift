import ArxivKit

/// One answer of the arXiv API: its entries, and the messages of any error entries.
public struct AtomFeed: Sendable, Equatable {
    public var entries: [ArxivMetadata]
    /// `<summary>` of each entry whose `<id>` is under `arxiv.org/api/errors`.
    public var errors: [String]
    public var totalResults: Int?

    /// The largest body read: ten times the largest answer a batch of 100 gets.
    public static let maximumSize = 10 * 1_048_576

    /// Reads an Atom body. Everything in it is untrusted: a body over `maximumSize`, with a
    /// DOCTYPE or an entity declaration (looked for before reading), or that is not
    /// well-formed XML in UTF-8 (`XMLReader`) is refused with a reason, never half-read.
    public static func parse(_ body: [UInt8], maximumSize: Int = AtomFeed.maximumSize) throws -> AtomFeed {
        guard body.count <= maximumSize else { throw ArxivError.tooLarge(limit: maximumSize) }
        if containsMarkup(body, "<!doctype") || containsMarkup(body, "<!entity") { throw ArxivError.doctype }
        var reader = AtomReader()
        do {
            var xml = try XMLReader(body)
            while let event = try xml.next() { try reader.handle(event) }
        } catch let failure as XMLReader.Failure {
            throw ArxivError.malformed(failure.description)
        }
        return AtomFeed(entries: reader.entries, errors: reader.errors, totalResults: reader.totalResults)
    }

    /// Case-insensitive search for `needle` (lowercase ASCII).
    static func containsMarkup(_ bytes: [UInt8], _ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard bytes.count >= pattern.count else { return false }
        var index = 0
        let last = bytes.count - pattern.count
        while index <= last {
            guard let lt = bytes[index...last].firstIndex(of: UInt8(ascii: "<")) else { return false }
            var matched = true
            for offset in 1..<pattern.count {
                var byte = bytes[lt + offset]
                if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
                if byte != pattern[offset] {
                    matched = false
                    break
                }
            }
            if matched { return true }
            index = lt + 1
        }
        return false
    }

    /// The UTC calendar day of an Atom timestamp (`2021-04-20T09:54:06Z`, or with an offset
    /// such as `-05:00`). Read by hand: Foundation's ISO 8601 formatter traps on some hostile
    /// strings.
    static func utcDay(_ timestamp: String) -> ArxivMetadata.Day? {
        let b = Array(timestamp.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= b.count else { return nil }
            var value = 0
            for byte in b[range] {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard b.count >= 20, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"), b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t"),
            b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"),
            let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let hour = number(11..<13), let minute = number(14..<16), number(17..<19) != nil,
            (1...12).contains(month), day >= 1, day <= daysIn(month, year), hour < 24, minute < 60
        else { return nil }
        var zone = 19
        if b[zone] == UInt8(ascii: ".") {
            zone += 1
            while zone < b.count && b[zone] >= 0x30 && b[zone] <= 0x39 { zone += 1 }
        }
        guard zone < b.count else { return nil }
        var offset = 0
        if b[zone] == UInt8(ascii: "Z") || b[zone] == UInt8(ascii: "z") {
            guard zone + 1 == b.count else { return nil }
        } else {
            guard b[zone] == UInt8(ascii: "+") || b[zone] == UInt8(ascii: "-"), zone + 6 == b.count, b[zone + 3] == UInt8(ascii: ":"),
                let hours = number(zone + 1..<zone + 3), let minutes = number(zone + 4..<zone + 6), hours < 24, minutes < 60
            else { return nil }
            offset = (hours * 60 + minutes) * (b[zone] == UInt8(ascii: "+") ? 1 : -1)
        }
        let utcMinutes = hour * 60 + minute - offset
        var result = (year: year, month: month, day: day)
        if utcMinutes < 0 {
            result.day -= 1
            if result.day == 0 {
                result.month -= 1
                if result.month == 0 {
                    result.month = 12
                    result.year -= 1
                }
                result.day = daysIn(result.month, result.year)
            }
        } else if utcMinutes >= 24 * 60 {
            result.day += 1
            if result.day > daysIn(result.month, result.year) {
                result.day = 1
                result.month += 1
                if result.month == 13 {
                    result.month = 1
                    result.year += 1
                }
            }
        }
        return ArxivMetadata.Day(year: result.year, month: result.month, day: result.day)
    }

    static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// Collects entries from the reader's events by element name (prefixes dropped).
private struct AtomReader {
    struct Partial {
        var id = "", title = "", summary = "", published = "", updated = ""
        var authors: [String] = []
        var primary: String?
        var categories: [String] = []
        var doi: String?, journal: String?, comment: String?
    }

    var entries: [ArxivMetadata] = []
    var errors: [String] = []
    var totalResults: Int?
    private var stack: [String] = []
    private var entry: Partial?
    private var text = ""

    private static func local(_ name: String) -> String {
        name.firstIndex(of: ":").map { String(name[name.index(after: $0)...]) } ?? name
    }

    mutating func handle(_ event: XMLReader.Event) throws {
        switch event {
        case .start(let name, let attributes): try start(name, attributes)
        // Bounded by the body size, which is checked before reading.
        case .text(let string): text += string
        case .end: try end()
        }
    }

    private mutating func start(_ name: String, _ attributes: [XMLReader.Attribute]) throws {
        let element = Self.local(name)
        if stack.isEmpty && element != "feed" { throw ArxivError.malformed("the root element is <\(name.prefix(100))>, not <feed>") }
        stack.append(element)
        text = ""
        let term = attributes.first { $0.name == "term" }?.value
        switch element {
        case "entry": entry = Partial()
        case "primary_category": entry?.primary = term
        case "category": if let term { entry?.categories.append(term) }
        default: break
        }
    }

    private mutating func end() throws {
        let element = stack.popLast() ?? ""
        let parent = stack.last ?? ""
        if entry != nil {
            switch (element, parent) {
            case ("id", "entry"): entry?.id = text.collapsingWhitespace()
            case ("title", "entry"): entry?.title = text.collapsingWhitespace()
            case ("summary", "entry"): entry?.summary = text.collapsingWhitespace()
            case ("published", "entry"): entry?.published = text.collapsingWhitespace()
            case ("updated", "entry"): entry?.updated = text.collapsingWhitespace()
            case ("name", "author"): entry?.authors.append(text.collapsingWhitespace())
            case ("doi", "entry"): entry?.doi = text.collapsingWhitespace()
            case ("journal_ref", "entry"): entry?.journal = text.collapsingWhitespace()
            case ("comment", "entry"): entry?.comment = text.collapsingWhitespace()
            case ("entry", _): try finish()
            default: break
            }
        } else if element == "totalResults", let number = Int(text.collapsingWhitespace()) {
            totalResults = number
        }
        text = ""
    }

    private mutating func finish() throws {
        guard let partial = entry else { return }
        entry = nil
        if partial.id.contains("arxiv.org/api/errors") {
            errors.append(partial.summary.isEmpty ? partial.id : partial.summary)
            return
        }
        guard let slash = partial.id.firstRange(of: "/abs/") else {
            throw ArxivError.malformed("an entry's <id> `\(partial.id.prefix(200))` is not an arXiv abstract address")
        }
        let written = String(partial.id[slash.upperBound...])
        guard let identifier = ArxivIdentifier.parse(written) else {
            throw ArxivError.malformed("an entry's <id> `\(written.prefix(200))` is not an arXiv identifier")
        }
        guard let day = AtomFeed.utcDay(partial.published) else {
            throw ArxivError.malformed("entry \(written) has no valid <published> time (`\(partial.published.prefix(100))`)")
        }
        guard let primary = partial.primary ?? partial.categories.first else {
            throw ArxivError.malformed("entry \(written) has no category")
        }
        entries.append(
            ArxivMetadata(
                id: identifier.id, version: identifier.version, title: partial.title, summary: partial.summary,
                authors: partial.authors, published: partial.published, updated: partial.updated, submitted: day,
                primaryCategory: primary, categories: partial.categories, doi: partial.doi,
                journalReference: partial.journal, comment: partial.comment))
    }
}
