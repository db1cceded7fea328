import ArxivClient
import Foundation
import NoteLint
import NoteSyntax

/// Lints documents with the configuration the CLI would use for the same file. Thread-safe:
/// documents are linted on many threads. An invalid configuration is reported once and the
/// last good one for that folder stays in force.
final class LintService: @unchecked Sendable {
    private let lock = NSLock()
    private var locator: ConfigurationLocator
    private let environment: [String: String]
    private var settings = Settings()
    private var linters: [String: Linter] = [:]
    private var lastGood: [String: Linter] = [:]
    private var reported: Set<String> = []
    private let today: () -> CalendarDay
    /// The version a User-Agent names.
    var serverVersion = "0"
    /// Told of each configuration error once per reload.
    var onConfigurationError: (@Sendable (String) -> Void)?
    /// Bumped when the configuration may have changed; part of pull diagnostics' result ids.
    private(set) var generation = 0

    init(today: @escaping () -> CalendarDay = { .today }, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.today = today
        self.environment = environment
        self.locator = ConfigurationLocator(environment: environment)
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
        locator = ConfigurationLocator(environment: environment)
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
        let folderKey = explicit.map { "explicit:" + $0 } ?? folder
        let built: Linter
        var key = folderKey
        do {
            let located = try explicit.map { try ConfigurationLocator.load(path: $0) } ?? locator.configuration(forFolder: folder)
            // Overrides make the configuration depend on the file, not only its folder.
            let (configuration, effectiveKey) = located.effective(forFile: document.path ?? folder)
            key = folderKey + "|" + effectiveKey
            lock.lock()
            if let cached = linters[key] {
                lock.unlock()
                return cached
            }
            lock.unlock()
            built = try Linter(configuration: configuration, today: today(), arxiv: MetadataCache(settings: arxivSettings(configuration)))
            lock.lock()
            lastGood[key] = built
            lastGood[folderKey] = built
            linters[key] = built
            lock.unlock()
        } catch {
            let message = "notelint: \(error); using the last valid configuration"
            lock.lock()
            let fallback = lastGood[key] ?? lastGood[folderKey] ?? (try? Linter(today: today()))!
            linters[key] = fallback
            let first = reported.insert(message).inserted
            lock.unlock()
            Log.error(message)
            if first { onConfigurationError?(message) }
            built = fallback
        }
        return built
    }

    /// The configuration of the file at `path` (absolute), as `notelint check` finds it.
    func configuration(forFile path: String) throws -> Configuration {
        lock.lock()
        let locator = self.locator
        let explicit = settings.configPath
        lock.unlock()
        if let explicit { return try ConfigurationLocator.load(path: explicit) }
        return try locator.configuration(forFolder: (path as NSString).deletingLastPathComponent)
    }

    /// How to reach arXiv for a document: its configuration's `arxiv:` section and the
    /// server's environment.
    func arxivSettings(for document: Document) -> ArxivClientSettings {
        lock.lock()
        let locator = self.locator
        let explicit = settings.configPath
        lock.unlock()
        let folder = document.path.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path } ?? FileManager.default.currentDirectoryPath
        let configuration = try? explicit.map { try ConfigurationLocator.load(path: $0) } ?? locator.configuration(forFolder: folder)
        return arxivSettings(configuration)
    }

    private func arxivSettings(_ configuration: Configuration?) -> ArxivClientSettings {
        ArxivClientSettings.resolve(apiURL: configuration?.arxivAPIURL, cacheDays: configuration?.arxivCacheDays,
                                    version: serverVersion, environment: environment)
    }

    /// With `workspace`, and `entry-duplicate` at `scope: workspace`, the document's entries
    /// are compared with the other notes' too (and recorded for their lints).
    func lint(_ document: Document, workspace: WorkspaceNotes? = nil) -> (linter: Linter, result: LintResult) {
        let linter = linter(for: document)
        // Not kept with the document: most versions are linted and never asked about, and an
        // open note's parse can weigh ten times its text.
        let note = linter.parse(document.source)
        guard let workspace, linter.comparesAcrossNotes, let path = document.path, let name = workspace.name(of: path) else {
            return (linter, linter.lint(note))
        }
        workspace.update(path, keys: linter.entryKeys(note))
        return (linter, linter.lint(note, workspace: (workspace.entries(), name)))
    }
}
