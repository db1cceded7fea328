import Foundation
import NoteLint
import NoteSyntax

/// Lints documents with the configuration the CLI would use for the same file. Thread-safe:
/// documents are linted on many threads. An invalid configuration is reported once and the
/// last good one for that folder stays in force.
final class LintService: @unchecked Sendable {
    private let lock = NSLock()
    private var locator = ConfigurationLocator()
    private var settings = Settings()
    private var linters: [String: Linter] = [:]
    private var lastGood: [String: Linter] = [:]
    private var reported: Set<String> = []
    private let today: () -> CalendarDay
    /// Told of each configuration error once per reload.
    var onConfigurationError: (@Sendable (String) -> Void)?
    /// Bumped when the configuration may have changed; part of pull diagnostics' result ids.
    private(set) var generation = 0

    init(today: @escaping () -> CalendarDay = { .today }) {
        self.today = today
    }

    func update(_ settings: Settings) {
        lock.lock()
        self.settings = settings
        lock.unlock()
        reload()
    }

    var currentSettings: Settings {
        lock.lock()
        defer { lock.unlock() }
        return settings
    }

    /// Forgets cached configurations (a `.notelint.yml` changed).
    func reload() {
        lock.lock()
        locator = ConfigurationLocator()
        linters = [:]
        reported = []
        generation += 1
        lock.unlock()
    }

    func linter(for document: Document) -> Linter {
        lock.lock()
        let locator = self.locator
        let explicit = settings.configPath
        lock.unlock()
        let folder = document.path.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path }
            ?? FileManager.default.currentDirectoryPath
        let key = explicit.map { "explicit:" + $0 } ?? folder
        lock.lock()
        if let cached = linters[key] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let built: Linter
        do {
            let configuration = try explicit.map { try ConfigurationLocator.load(path: $0) } ?? locator.configuration(forFolder: folder)
            built = try Linter(configuration: configuration, today: today())
            lock.lock()
            lastGood[key] = built
            linters[key] = built
            lock.unlock()
        } catch {
            let message = "notelint: \(error); using the last valid configuration"
            lock.lock()
            let fallback = lastGood[key] ?? (try? Linter(today: today()))!
            linters[key] = fallback
            let first = reported.insert(message).inserted
            lock.unlock()
            Log.error(message)
            if first { onConfigurationError?(message) }
            built = fallback
        }
        return built
    }

    func lint(_ document: Document) -> (linter: Linter, result: LintResult) {
        let linter = linter(for: document)
        return (linter, linter.lint(document.source))
    }
}
