import ArxivClient
import ArxivIndex
import ArxivKit
import Foundation
import NoteLint
import NoteSyntax
import Synchronization

/// Lints documents with the configuration the CLI would use for the same file: the engine's
/// `ConfigurationResolver`, given the editor's `configPath` and command-line settings.
/// Documents are linted on many threads. An invalid configuration is reported once and the
/// last good one for that folder stays in force.
final class LintService: Sendable {
    private struct State {
        /// Nil, with the reason, while the editor's settings name an invalid configuration.
        var resolver: Result<ConfigurationResolver, ConfigurationError>
        var settings = Settings()
        var linters: [String: Linter] = [:]
        var lastGood: [String: Linter] = [:]
        var reported: Set<String> = []
        /// Bumped when the configuration may have changed; part of pull diagnostics' result ids.
        var generation = 0
    }

    private let state: Mutex<State>
    private let environment: [String: String]
    private let today: @Sendable () -> CalendarDay
    /// The version a User-Agent names.
    private let serverVersion: String
    /// Told of each configuration error once per reload.
    private let onConfigurationError: @Sendable (String) -> Void

    init(
        today: @escaping @Sendable () -> CalendarDay = { .today }, environment: [String: String] = ProcessInfo.processInfo.environment,
        serverVersion: String = "0", onConfigurationError: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.today = today
        self.environment = environment
        self.serverVersion = serverVersion
        self.onConfigurationError = onConfigurationError
        state = Mutex(State(resolver: Self.resolver(Settings(), environment: environment)))
    }

    private static func resolver(_ settings: Settings, environment: [String: String]) -> Result<ConfigurationResolver, ConfigurationError> {
        Result { () throws(ConfigurationError) in
            do {
                return try ConfigurationResolver(
                    explicitPath: settings.configPath, commandLine: settings.commandLine, environment: environment)
            } catch let error as ConfigurationError {
                throw error
            } catch {
                throw ConfigurationError(message: "\(error)", source: nil, offset: nil)
            }
        }
    }

    func update(_ settings: Settings) {
        state.withLock { $0.settings = settings }
        reload()
    }

    var currentSettings: Settings { state.withLock { $0.settings } }

    var generation: Int { state.withLock { $0.generation } }

    /// Forgets cached configurations (a `.notelint.yml` changed, or the editor's settings).
    func reload() {
        let settings = currentSettings
        let resolver = Self.resolver(settings, environment: environment)
        state.withLock { state in
            state.resolver = resolver
            state.linters = [:]
            state.reported = []
            state.generation += 1
        }
    }

    private var resolver: ConfigurationResolver {
        get throws { try state.withLock { $0.resolver }.get() }
    }

    func linter(for document: Document) -> Linter {
        let explicit = currentSettings.configPath
        let folder =
            document.path.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path }
            ?? FileManager.default.currentDirectoryPath
        let folderKey = explicit.map { "explicit:" + $0 } ?? folder
        let built: Linter
        var key = folderKey
        do {
            // Overrides make the configuration depend on the file, not only its folder.
            let (configuration, effectiveKey) = try resolver.effective(forFile: document.path ?? folder + "/untitled.md")
            key = folderKey + "|" + effectiveKey
            let cacheKey = key
            if let cached = state.withLock({ $0.linters[cacheKey] }) { return cached }
            var linter = try Linter(
                configuration: configuration, today: today(), arxiv: arxivSource(arxivSettings(configuration)))
            // One note is linted at a time, while the user waits: it gets every core.
            linter.threadsPerNote = ProcessInfo.processInfo.activeProcessorCount
            built = linter
            state.withLock { state in
                state.lastGood[cacheKey] = built
                state.lastGood[folderKey] = built
                state.linters[cacheKey] = built
            }
        } catch {
            let message = "notelint: \(error); using the last valid configuration"
            let defaults = (try? Linter(today: today()))!
            let cacheKey = key
            let (fallback, first) = state.withLock { state in
                let fallback = state.lastGood[cacheKey] ?? state.lastGood[folderKey] ?? defaults
                state.linters[cacheKey] = fallback
                return (fallback, state.reported.insert(message).inserted)
            }
            Log.error(message)
            if first { onConfigurationError(message) }
            built = fallback
        }
        return built
    }

    /// The configuration of the file at `path` (absolute), as `notelint check` finds it.
    func configuration(forFile path: String) throws -> Configuration {
        try resolver.configuration(forFile: path)
    }

    /// How to reach arXiv for a document: its configuration's `arxiv:` section and the
    /// server's environment.
    func arxivSettings(for document: Document) -> ArxivClientSettings {
        let folder =
            document.path.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path } ?? FileManager.default.currentDirectoryPath
        return arxivSettings(try? resolver.configuration(forFile: document.path ?? folder + "/untitled.md"))
    }

    /// The local index (`notelint arxiv import`), when there is one.
    var arxivIndex: IndexMetadataSource? {
        IndexMetadataSource.shared(path: IndexLocation.path(option: nil, environment: environment)) { Log.warning($0) }
    }

    /// What the lint reads: the index first, then the API's answers kept in the cache.
    private func arxivSource(_ settings: ArxivClientSettings) -> any ArxivMetadataSource {
        let cache = MetadataCache(settings: settings)
        return arxivIndex.map { LayeredMetadataSource($0, then: cache) } ?? cache
    }

    private func arxivSettings(_ configuration: Configuration?) -> ArxivClientSettings {
        ArxivClientSettings.resolve(
            apiURL: configuration?.arxivAPIURL, cacheDays: configuration?.arxivCacheDays,
            version: serverVersion, environment: environment)
    }

    /// With `workspace`, and `entry-duplicate` at `scope: workspace`, the document's entries
    /// are compared with the other notes' too (and recorded for their lints).
    func lint(_ document: Document, workspace: WorkspaceNotes? = nil) -> (linter: Linter, result: LintResult) {
        let linter = linter(for: document)
        // Kept with the document: the next version's parse and lint start from them.
        guard let workspace, linter.comparesAcrossNotes, let path = document.path, let name = workspace.name(of: path) else {
            return (linter, document.parsed.lint(of: document.source, linter: linter, path: document.path, workspace: nil))
        }
        workspace.update(path, keys: linter.entryKeys(document.note(linter)))
        return (linter, document.parsed.lint(of: document.source, linter: linter, path: path, workspace: (workspace.entries(), name)))
    }
}
