import ArxivKit

/// One answer of arXiv's OAI-PMH interface to `ListRecords` in the arXivRaw format: its
/// records, the resumption token that asks for the next page, and any OAI-PMH error.
public struct OAIListRecordsPage: Sendable, Equatable {
    /// `<error code="badResumptionToken">message</error>`.
    public struct ProtocolError: Sendable, Equatable {
        public var code: String
        public var message: String
    }

    /// As written: `2024-05-17T02:00:00Z`.
    public var responseDate: String?
    public var records: [ArxivRawRecord] = []
    /// Nil or empty on the last page.
    public var resumptionToken: String?
    /// The attributes of `<resumptionToken>`, when the repository gives them.
    public var completeListSize: Int?
    public var cursor: Int?
    public var error: ProtocolError?

    /// The largest body read. arXiv's pages hold about a thousand arXivRaw records, a few
    /// megabytes with their abstracts.
    public static let maximumSize = 64 * 1_048_576

    /// The UTC day of `responseDate` (`2024-05-17`), nil for another shape.
    public var responseDay: String? {
        guard let date = responseDate, let day = AtomFeed.utcDay(date) else { return nil }
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(day.year)-\(pad(day.month))-\(pad(day.day))"
    }

    /// Reads a body as untrusted, like `AtomFeed.parse`: over `maximumSize`, with a DOCTYPE
    /// or an entity declaration, or not well-formed XML in UTF-8, it is refused with a reason.
    public static func parse(_ body: [UInt8], maximumSize: Int = OAIListRecordsPage.maximumSize) throws -> OAIListRecordsPage {
        guard body.count <= maximumSize else { throw ArxivError.tooLarge(limit: maximumSize) }
        if AtomFeed.containsMarkup(body, "<!doctype") || AtomFeed.containsMarkup(body, "<!entity") { throw ArxivError.doctype }
        var reader = OAIListRecordsReader()
        do {
            var xml = try XMLReader(body)
            while let event = try xml.next() { try reader.handle(event) }
        } catch let failure as XMLReader.Failure {
            throw OAIHarvestError.malformed(failure.description)
        }
        guard reader.sawRoot else { throw OAIHarvestError.malformed("no <OAI-PMH> root element") }
        return reader.page
    }
}

/// The events of one `ListRecords` answer into an `OAIListRecordsPage`. Names are compared
/// without their prefix; elements the index does not keep are skipped.
private struct OAIListRecordsReader {
    var page = OAIListRecordsPage()
    var sawRoot = false
    private var open: [String] = []
    private var text = ""
    private var record: ArxivRawRecord?
    private var headerIdentifier = ""
    private var version: ArxivRawRecord.Version?

    mutating func handle(_ event: XMLReader.Event) throws {
        switch event {
        case .start(let name, let attributes):
            let local = Self.local(name)
            if open.isEmpty {
                guard local == "OAI-PMH" else { throw OAIHarvestError.malformed("the root element is <\(name)>, not <OAI-PMH>") }
                sawRoot = true
            }
            open.append(local)
            text = ""
            func attribute(_ wanted: String) -> String? { attributes.first { Self.local($0.name) == wanted }?.value }
            switch local {
            case "record":
                record = ArxivRawRecord(id: "", datestamp: "")
                headerIdentifier = ""
            case "header": record?.isDeleted = attribute("status") == "deleted"
            case "version" where open.dropLast().last == "arXivRaw":
                version = ArxivRawRecord.Version(name: attribute("version") ?? "", date: "")
            case "resumptionToken":
                page.completeListSize = attribute("completeListSize").flatMap { Int($0) }
                page.cursor = attribute("cursor").flatMap { Int($0) }
            case "error": page.error = OAIListRecordsPage.ProtocolError(code: attribute("code") ?? "", message: "")
            default: break
            }
        case .text(let characters):
            text += characters
        case .end:
            let local = open.removeLast()
            let parent = open.last ?? ""
            let value = text
            text = ""
            try end(local, parent: parent, value: value)
        }
    }

    private mutating func end(_ local: String, parent: String, value: String) throws {
        switch (parent, local) {
        case ("OAI-PMH", "responseDate"): page.responseDate = value.trimmed
        case ("OAI-PMH", "error"): page.error?.message = value.trimmed
        case ("ListRecords", "resumptionToken"): page.resumptionToken = value.trimmed
        case ("header", "identifier"): headerIdentifier = value.trimmed
        case ("header", "datestamp"): record?.datestamp = value.trimmed
        case ("arXivRaw", "id"): record?.id = value.trimmed
        case ("arXivRaw", "title"): record?.title = value
        case ("arXivRaw", "authors"): record?.authors = value
        case ("arXivRaw", "categories"): record?.categories = value
        case ("arXivRaw", "comments"): record?.comments = value
        case ("arXivRaw", "doi"): record?.doi = value
        case ("arXivRaw", "journal-ref"): record?.journalReference = value
        case ("arXivRaw", "abstract"): record?.abstract = value
        case ("version", "date"): version?.date = value.trimmed
        case ("version", "size"): version?.size = value.trimmed
        case ("arXivRaw", "version"):
            if let version { record?.versions.append(version) }
            version = nil
        case ("ListRecords", "record"):
            guard var finished = record else { return }
            record = nil
            if finished.id.isEmpty { finished.id = Self.arxivIdentifier(headerIdentifier) }
            guard !finished.id.isEmpty else { throw OAIHarvestError.malformed("a record without an identifier") }
            page.records.append(finished)
        default: break
        }
    }

    /// `oai:arXiv.org:hep-th/9901001` -> `hep-th/9901001`.
    private static func arxivIdentifier(_ oai: String) -> String {
        let prefix = "oai:arXiv.org:"
        return oai.lowercased().hasPrefix(prefix.lowercased()) ? String(oai.dropFirst(prefix.count)) : oai
    }

    private static func local(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }
}

extension String {
    fileprivate var trimmed: String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\n" || first == "\t" || first == "\r" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\n" || last == "\t" || last == "\r" { slice.removeLast() }
        return String(slice)
    }
}
