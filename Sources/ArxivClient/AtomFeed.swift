import ArxivKit
import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// One answer of the arXiv API: its entries, and the messages of any error entries.
public struct AtomFeed: Sendable, Equatable {
    public var entries: [ArxivMetadata]
    /// `<summary>` of each entry whose `<id>` is under `arxiv.org/api/errors`.
    public var errors: [String]
    public var totalResults: Int?

    /// The largest body read: ten times the largest answer a batch of 100 gets.
    public static let maximumSize = 10 * 1_048_576

    /// Reads an Atom body. Everything in it is untrusted: a body over `maximumSize`, with a
    /// DOCTYPE or an entity declaration (Foundation's parser would drop the entities silently),
    /// or that is not well-formed XML is refused with a reason, never half-read.
    public static func parse(_ body: [UInt8], maximumSize: Int = AtomFeed.maximumSize) throws -> AtomFeed {
        guard body.count <= maximumSize else { throw ArxivError.tooLarge(limit: maximumSize) }
        if containsMarkup(body, "<!doctype") || containsMarkup(body, "<!entity") { throw ArxivError.doctype }
        // Foundation's parser traps on some invalid UTF-8 in names; arXiv sends UTF-8 only.
        if let bad = firstInvalidUTF8(body) { throw ArxivError.malformed("invalid UTF-8 at byte \(bad)") }
        let reader = AtomReader()
        let parser = XMLParser(data: Data(body))
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = reader
        let ok = parser.parse()
        if let problem = reader.problem { throw ArxivError.malformed(problem) }
        guard ok else {
            let error =
                parser.parserError.map { "\($0.localizedDescription) (line \(parser.lineNumber))" }
                ?? "parse error at line \(parser.lineNumber)"
            throw ArxivError.malformed(error)
        }
        guard reader.sawFeed else { throw ArxivError.malformed("no <feed> element") }
        // Foundation's parser on Linux recovers from some errors: a feed cut short must not
        // pass for a shorter answer.
        guard reader.closedFeed else { throw ArxivError.malformed("the feed ends before </feed>") }
        return AtomFeed(entries: reader.entries, errors: reader.errors, totalResults: reader.totalResults)
    }

    /// The offset of the first byte that is not part of valid UTF-8 (or is NUL), if any.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar.value == 0 { return offset }
                offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
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

/// The XMLParser delegate: collects entries by element name (prefixes dropped).
private final class AtomReader: NSObject, XMLParserDelegate {
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
    var problem: String?
    var sawFeed = false
    var closedFeed = false
    private var stack: [String] = []
    private var entry: Partial?
    private var text = ""

    private static func local(_ name: String) -> String {
        name.firstIndex(of: ":").map { String(name[name.index(after: $0)...]) } ?? name
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        let element = Self.local(name)
        if stack.isEmpty {
            guard element == "feed" else {
                problem = "the root element is <\(name)>, not <feed>"
                return parser.abortParsing()
            }
            sawFeed = true
        }
        stack.append(element)
        text = ""
        switch element {
        case "entry": entry = Partial()
        case "primary_category": entry?.primary = attributes["term"]
        case "category": if let term = attributes["term"] { entry?.categories.append(term) }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        // Bounded by the body size, which is checked before parsing.
        text += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        let element = stack.popLast() ?? ""
        if stack.isEmpty && element == "feed" { closedFeed = true }
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
            case ("entry", _): finish(parser)
            default: break
            }
        } else if element == "totalResults", let number = Int(text.collapsingWhitespace()) {
            totalResults = number
        }
        text = ""
    }

    private func finish(_ parser: XMLParser) {
        guard let partial = entry else { return }
        entry = nil
        if partial.id.contains("arxiv.org/api/errors") {
            errors.append(partial.summary.isEmpty ? partial.id : partial.summary)
            return
        }
        guard let slash = partial.id.range(of: "/abs/") else {
            problem = "an entry's <id> `\(partial.id.prefix(200))` is not an arXiv abstract address"
            return parser.abortParsing()
        }
        let written = String(partial.id[slash.upperBound...])
        guard let identifier = ArxivIdentifier.parse(written) else {
            problem = "an entry's <id> `\(written.prefix(200))` is not an arXiv identifier"
            return parser.abortParsing()
        }
        guard let day = AtomFeed.utcDay(partial.published) else {
            problem = "entry \(written) has no valid <published> time (`\(partial.published.prefix(100))`)"
            return parser.abortParsing()
        }
        guard let primary = partial.primary ?? partial.categories.first else {
            problem = "entry \(written) has no category"
            return parser.abortParsing()
        }
        entries.append(
            ArxivMetadata(
                id: identifier.id, version: identifier.version, title: partial.title, summary: partial.summary,
                authors: partial.authors, published: partial.published, updated: partial.updated, submitted: day,
                primaryCategory: primary, categories: partial.categories, doi: partial.doi,
                journalReference: partial.journal, comment: partial.comment))
    }

    func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
        problem = "the answer refers to an external entity `\(name)`"
        parser.abortParsing()
        return nil
    }
}
