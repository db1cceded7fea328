import ArxivClient
import ArxivIndex
import Foundation
import NoteLint

extension ArxivCommand {
    /// `notelint arxiv sync`: the records changed since the last harvest, through arXiv's
    /// OAI-PMH interface, one page per transaction.
    struct Sync {
        static let spec = CommandSpec(
            name: "sync",
            abstract: "Bring the index up to date through arXiv's OAI-PMH interface.",
            discussion: """
                Asks ListRecords in the arXivRaw format for the records changed since the last \
                harvest (the first time, since the newest update the snapshot import saw), page \
                by page through resumption tokens, one transaction per page. An interrupted sync \
                continues after its last committed page when run again. Requests are spaced like \
                the API client's and share its lock file; a 503 waits for its Retry-After.
                """,
            options: [
                .value("from", valueName: "date", help: "Ask for the records changed since this day (YYYY-MM-DD)."),
                .value(
                    "endpoint", valueName: "url",
                    help: "The OAI-PMH base URL (default: $NOTELINT_ARXIV_OAI_URL, else \(ArxivClientSettings.defaultOAIURL))."),
                ArxivCommand.databaseOption,
            ],
            run: { parsed in try Sync(from: parsed.value("from"), endpoint: parsed.value("endpoint")).run(try openIndex(parsed)) }
        )

        let from: String?
        let endpoint: String?

        func run(_ index: ArxivIndex) throws {
            if let from, !Self.isDay(from) { throw RunFailure("--from \(from): expected a day, YYYY-MM-DD") }
            var settings = ArxivClientSettings.resolve(
                apiURL: nil, cacheDays: nil, version: Notelint.version, environment: ProcessEnvironment.notelintVariables)
            if let endpoint { settings.oaiURL = endpoint }
            let harvester = OAIHarvester(settings: settings)
            let progress = SyncProgressLine()
            do {
                let totals = try harvest(index, with: harvester, progress: progress)
                progress.clear()
                var summary =
                    "synced \(totals.records) record\(totals.records == 1 ? "" : "s") in \(totals.pages) page\(totals.pages == 1 ? "" : "s")"
                summary += " (\(totals.written) written, \(totals.deleted) deleted) into \(index.path)"
                if totals.nothingNew { summary += "; nothing changed since \(totals.startDay)" }
                if let harvest = try index.meta("last_harvest") { summary += "; last harvest: \(harvest)" }
                print(summary)
            } catch let error as ArxivIndexError {
                progress.clear()
                throw RunFailure(error.description)
            } catch let error as ArxivError {
                progress.clear()
                throw RunFailure("arXiv OAI-PMH (\(settings.oaiURL)): \(error)\(Self.resumeHint(index))")
            } catch let error as OAIHarvestError {
                progress.clear()
                throw RunFailure("arXiv OAI-PMH (\(settings.oaiURL)): \(error)\(Self.resumeHint(index))")
            }
        }

        private struct Totals {
            var pages = 0
            var records = 0
            var written = 0
            var deleted = 0
            var nothingNew = false
            var startDay = ""
        }

        /// Asks page after page until the list is complete. A running sync continues with its
        /// stored token; a stored token the repository no longer knows (they expire) restarts
        /// that sync from its day. A token of this run that is rejected stops it.
        private func harvest(_ index: ArxivIndex, with harvester: OAIHarvester, progress: SyncProgressLine) throws -> Totals {
            var totals = Totals()
            var request: OAIListRequest
            var storedToken = false
            if from == nil, let state = try index.syncState(), state.isRunning, let day = state.from {
                totals.startDay = day
                if let token = state.token {
                    request = .resume(token: token)
                    storedToken = true
                    printError("notelint: continuing the sync from \(day) after page \(state.pages) (\(state.records) records)")
                } else {
                    try index.beginSync(from: day)
                    request = .from(day: day)
                }
            } else {
                guard let day = try from ?? index.harvestStartDay() else {
                    throw RunFailure("the index has no papers and no harvest date: import arXiv's snapshot first, or give --from DATE")
                }
                totals.startDay = day
                try index.beginSync(from: day)
                request = .from(day: day)
            }
            while true {
                progress.show(pages: totals.pages, records: totals.records, of: nil, asking: true)
                let page: OAIListRecordsPage
                do {
                    page = try harvester.listRecords(request) { seconds in progress.waiting(seconds) }
                } catch OAIHarvestError.badResumptionToken where storedToken {
                    progress.clear()
                    printError("notelint: the stored resumption token has expired; restarting the sync from \(totals.startDay)")
                    storedToken = false
                    try index.beginSync(from: totals.startDay)
                    request = .from(day: totals.startDay)
                    continue
                }
                storedToken = false
                let report = try index.commitHarvestPage(page.records, nextToken: page.resumptionToken, responseDay: page.responseDay)
                totals.pages += 1
                totals.records += page.records.count
                totals.written += report.written
                totals.deleted += report.deleted
                if page.error?.code == "noRecordsMatch" { totals.nothingNew = true }
                progress.show(pages: totals.pages, records: totals.records, of: page.completeListSize, asking: false)
                guard let token = page.resumptionToken, !token.isEmpty else { return totals }
                request = .resume(token: token)
            }
        }

        private static func resumeHint(_ index: ArxivIndex) -> String {
            guard let state = try? index.syncState(), state.isRunning, state.pages > 0 else { return "" }
            return "; \(state.pages) page\(state.pages == 1 ? "" : "s") committed, run `notelint arxiv sync` again to continue"
        }

        static func isDay(_ text: String) -> Bool {
            let bytes = Array(text.utf8)
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
            let digits = bytes[0..<4] + bytes[5..<7] + bytes[8..<10]
            guard digits.allSatisfy({ (0x30...0x39).contains($0) }) else { return false }
            let month = Int(text.dropFirst(5).prefix(2))!
            let day = Int(text.suffix(2))!
            return (1...12).contains(month) && (1...31).contains(day)
        }
    }
}

/// The sync's progress on standard error, when it is a terminal: pages, records, and the
/// list's size when the repository's token carries it.
struct SyncProgressLine {
    let enabled = isatty(2) == 1

    func show(pages: Int, records: Int, of total: Int?, asking: Bool) {
        guard enabled else { return }
        let size = total.map { " of \($0)" } ?? ""
        let state = asking ? ", asking for page \(pages + 1)" : ""
        FileHandle.standardError.write(
            Data("\r\u{1B}[Ksyncing: \(pages) page\(pages == 1 ? "" : "s"), \(records) records\(size)\(state)".utf8))
    }

    func waiting(_ seconds: Double) {
        guard enabled else { return }
        FileHandle.standardError.write(
            Data(String(format: "\r\u{1B}[Ksyncing: the repository is busy (503), waiting %.0f s", seconds).utf8))
    }

    func clear() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
