import Foundation
import NoteLint
import TestSupport
import Testing

/// The one order in which configurations stack, for every front door: defaults < the user's
/// file < the project's `.notelint.yml` < the command line (or the editor's same settings);
/// a file named explicitly replaces the user's and the project's.
@Suite struct ConfigurationResolverTests {
    /// A user configuration folder and a repository with a note, removed afterwards.
    final class Layout {
        let folder: TemporaryFolder
        var root: String { folder.path }
        var user: String { root + "/config" }
        var project: String { root + "/repo" }
        var note: String { project + "/notes/a.md" }

        init(user userText: String?, project projectText: String?) throws {
            folder = try TemporaryFolder(prefix: "notelint-resolver")
            try FileManager.default.createDirectory(atPath: user + "/notelint", withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: project + "/.git", withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: project + "/notes", withIntermediateDirectories: true)
            if let userText { try userText.write(toFile: user + "/notelint/config.yml", atomically: true, encoding: .utf8) }
            if let projectText { try projectText.write(toFile: project + "/.notelint.yml", atomically: true, encoding: .utf8) }
            try "Title: A\n".write(toFile: note, atomically: true, encoding: .utf8)
        }

        func severity(of rule: String, commandLine: CommandLineSettings = CommandLineSettings(), explicit: String? = nil) throws -> String {
            let resolver = try ConfigurationResolver(
                explicitPath: explicit, commandLine: commandLine, environment: ["XDG_CONFIG_HOME": user])
            let setting = try resolver.effective(forFile: note).configuration.setting(for: rule)
            return setting.enabled ? setting.severity.map { "\($0)" } ?? "default" : "off"
        }
    }

    @Test func eachLayerOverridesTheOneBelow() throws {
        let none = try Layout(user: nil, project: nil)
        #expect(try none.severity(of: "entry-blank") == "default")

        let user = try Layout(user: "version: 1\nrules:\n  entry-blank: info\n", project: nil)
        #expect(try user.severity(of: "entry-blank") == "info")

        let both = try Layout(
            user: "version: 1\nrules:\n  entry-blank: info\n  date-format: off\n",
            project: "version: 1\nrules:\n  entry-blank: error\n")
        #expect(try both.severity(of: "entry-blank") == "error")
        // What the project does not say, the user's file still decides.
        #expect(try both.severity(of: "date-format") == "off")

        let overridden = CommandLineSettings(overrides: ["rules.entry-blank=warning"])
        #expect(try both.severity(of: "entry-blank", commandLine: overridden) == "warning")
        #expect(try both.severity(of: "entry-blank", commandLine: CommandLineSettings(ignore: ["entry-blank"])) == "off")
        #expect(try both.severity(of: "entry-blank", commandLine: CommandLineSettings(select: ["date-invalid"])) == "off")
    }

    @Test func anExplicitFileReplacesTheUsersAndTheProjects() throws {
        let layout = try Layout(user: "version: 1\nrules:\n  date-format: off\n", project: "version: 1\nrules:\n  entry-blank: error\n")
        let explicit = layout.root + "/other.yml"
        try "version: 1\nrules:\n  entry-blank: info\n".write(toFile: explicit, atomically: true, encoding: .utf8)
        #expect(try layout.severity(of: "entry-blank", explicit: explicit) == "info")
        #expect(try layout.severity(of: "date-format", explicit: explicit) == "default")
        // The command line still goes on top.
        #expect(
            try layout.severity(
                of: "entry-blank", commandLine: CommandLineSettings(overrides: ["rules.entry-blank=off"]), explicit: explicit) == "off")
    }

    @Test func anInvalidOverrideOrFileIsAConfigurationError() throws {
        let layout = try Layout(user: nil, project: nil)
        #expect(throws: ConfigurationError.self) {
            try ConfigurationResolver(commandLine: CommandLineSettings(select: ["no-such-rule"]))
        }
        #expect(throws: ConfigurationError.self) {
            try ConfigurationResolver(explicitPath: layout.root + "/missing.yml")
        }
    }
}
