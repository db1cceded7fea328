import JSONRPC
import NoteLint

/// What the editor configures, through `initializationOptions` or
/// `workspace/didChangeConfiguration` (either flat, or under a `notelint` key).
struct Settings: Sendable, Equatable {
    /// A configuration file to use instead of the nearest `.notelint.yml`.
    var configPath: String?
    /// The command line's `--select`, `--ignore` and `--config-override`, the only other way an
    /// editor changes the configuration: the editor and `notelint check` never disagree.
    var commandLine = CommandLineSettings()
    /// Where rule pages live: `{rule}` is replaced by the rule id, or `/<rule>.md` appended.
    var docsURL: String?
    /// Features another Markdown server may already give: each can be switched off so the
    /// editor does not show them twice.
    var completion = true
    var symbols = true
    var hover = true

    init(configPath: String? = nil, docsURL: String? = nil) {
        self.configPath = configPath
        self.docsURL = docsURL
    }

    static let keys = [
        "configPath", "config", "select", "ignore", "configOverride", "docsUrl", "docs_url", "completion", "symbols", "hover",
    ]

    /// Our settings' object: under `notelint`, or the object itself.
    private static func members(_ json: JSON?) -> ProtocolObject? {
        guard let json, let object = try? ProtocolObject(json, at: "settings") else { return nil }
        return object.branch("notelint") ?? object
    }

    /// Whether `json` names any setting of ours (flat or under `notelint`), as opposed to a
    /// client's bare "something changed".
    static func present(in json: JSON?) -> Bool {
        guard let settings = members(json) else { return false }
        return keys.contains { settings.any($0) != nil }
    }

    /// Settings of the wrong type are left at their defaults: an editor's settings file is
    /// edited by hand, and one mistyped value should not refuse the rest.
    init(_ json: JSON?) {
        guard let settings = Self.members(json) else { return }
        func text(_ key: String) -> String? { try? settings.optional(key, as: String.self) }
        func flag(_ key: String) -> Bool? { try? settings.optional(key, as: Bool.self) }
        /// A list, or one comma-separated string, as the command line takes them.
        func list(_ key: String) -> [String] {
            CommandLineSettings.ruleIDs((try? settings.optional(key, as: [String].self)) ?? text(key).map { [$0] } ?? [])
        }
        configPath = text("configPath") ?? text("config")
        let select = list("select")
        commandLine = CommandLineSettings(
            select: select.isEmpty ? nil : select, ignore: list("ignore"),
            overrides: (try? settings.optional("configOverride", as: [String].self)) ?? [])
        docsURL = text("docsUrl") ?? text("docs_url")
        completion = flag("completion") ?? true
        symbols = flag("symbols") ?? true
        hover = flag("hover") ?? true
    }
}
