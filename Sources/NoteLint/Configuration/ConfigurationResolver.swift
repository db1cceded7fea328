import Foundation
import Synchronization

/// The configuration of each note, decided the one way every front door decides it (`notelint
/// check` and `fill`, the pre-commit hook, the language server), so that the editor, a commit
/// and CI never disagree on a note. From the bottom layer up:
///
/// 1. the defaults of every rule;
/// 2. the user's file (`$XDG_CONFIG_HOME/notelint/config.yml`, else `~/.config/notelint/config.yml`);
/// 3. the nearest `.notelint.yml` from the note's folder up to its repository's root; a file
///    named explicitly (`--config`, the editor's `configPath`) takes the place of 2 and 3;
/// 4. the command line's `--select`, `--ignore` and `--config-override` (the editor passes
///    the same settings);
///
/// then the `overrides` of the file in force that match the note's path.
public final class ConfigurationResolver: Sendable {
    public let commandLine: CommandLineSettings
    private let explicit: Configuration?
    private let locator: ConfigurationLocator
    /// Folders as the paths spell them, so most files skip path standardization.
    private let byFolderAsWritten = Mutex<[String: Configuration]>([:])
    /// The last search folder `excludes` was asked about, and its configuration: a search asks
    /// for each of its files, all from one folder.
    private let lastSearchRoot = Mutex<(folder: String, configuration: Configuration)?>(nil)
    /// A search folder, and a folder in it whose notes no `exclude` or `include` pattern
    /// applies to, as `excludes` last found them.
    private let lastUnfilteredFolder = Mutex<(searchRoot: String, folder: String)?>(nil)

    /// Fails with a `ConfigurationError` when the explicit file or an override is invalid.
    public init(
        explicitPath: String? = nil, commandLine: CommandLineSettings = CommandLineSettings(),
        environment: [String: String] = ProcessEnvironment.notelintVariables
    ) throws {
        try commandLine.validate()
        self.commandLine = commandLine
        locator = ConfigurationLocator(environment: environment)
        explicit = try explicitPath.map { try commandLine.apply(to: ConfigurationLocator.load(path: $0)) }
    }

    /// The configuration in force in the folder of `path` (relative to the working directory,
    /// or absolute), before its `overrides` for `path`: what folder searches select with.
    public func configuration(forFile path: String) throws -> Configuration {
        if let explicit { return explicit }
        let folder = PathParts.folder(of: path)
        if let cached = byFolderAsWritten.withLock({ $0[folder] }) { return cached }
        let absolute = AbsolutePath.of(folder.isEmpty ? "." : folder)
        let configuration = try commandLine.apply(to: locator.configuration(forFolder: absolute))
        byFolderAsWritten.withLock { $0[folder] = configuration }
        return configuration
    }

    /// The rules for the note at `path`, with the `overrides` that match it applied, and a
    /// key that is the same for two notes exactly when their rules are.
    public func effective(forFile path: String) throws -> (configuration: Configuration, key: String) {
        let effective = try effectiveForFolder(ofFile: path)
        return (effective.configuration, effective.key)
    }

    /// `effective(forFile:)`, and whether every note in the file's folder gets the same answer
    /// (no `overrides` to match against the path): a run then asks once per folder.
    public func effectiveForFolder(ofFile path: String) throws -> (configuration: Configuration, key: String, sharedByFolder: Bool) {
        let configuration = try configuration(forFile: path)
        // Without overrides the path does not matter: most runs need no absolute path here.
        if configuration.overrides.isEmpty { return (configuration, configuration.path ?? "", true) }
        let (effective, key) = configuration.effective(forFile: AbsolutePath.of(path))
        return (effective, key, false)
    }

    /// Whether a file a folder search found is left out by the configuration in force there.
    public func excludes(_ found: FileDiscovery.Found) throws -> Bool {
        guard let searchRoot = found.searchRoot else { return false }
        // Without patterns in force in the search's folder and the file's, nothing is left out:
        // the notes of a folder that was found so are let through without a lookup.
        let unfiltered = lastUnfilteredFolder.withLock { last in
            last.map { $0.searchRoot == searchRoot && PathParts.isFolder($0.folder, of: found.path) } ?? false
        }
        if unfiltered { return false }
        let folderConfiguration: Configuration
        if let last = lastSearchRoot.withLock({ $0 }), last.folder == searchRoot {
            folderConfiguration = last.configuration
        } else {
            folderConfiguration = try configuration(forFile: NoteSelection.probe(in: searchRoot))
            lastSearchRoot.withLock { $0 = (searchRoot, folderConfiguration) }
        }
        let fileConfiguration = try configuration(forFile: found.path)
        if folderConfiguration.exclude.isEmpty && fileConfiguration.exclude.isEmpty && fileConfiguration.include.isEmpty {
            lastUnfilteredFolder.withLock { $0 = (searchRoot, PathParts.folder(of: found.path)) }
            return false
        }
        return NoteSelection.excludes(found, folderConfiguration: folderConfiguration, fileConfiguration: fileConfiguration)
    }
}
