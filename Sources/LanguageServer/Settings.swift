import JSONRPC

/// What the editor configures, through `initializationOptions` or
/// `workspace/didChangeConfiguration` (either flat, or under a `notelint` key).
struct Settings: Sendable, Equatable {
    /// A configuration file to use instead of the nearest `.notelint.yml`.
    var configPath: String?
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

    static let keys = ["configPath", "config", "docsUrl", "docs_url", "completion", "symbols", "hover"]

    /// Whether `json` names any setting of ours (flat or under `notelint`), as opposed to a
    /// client's bare "something changed".
    static func present(in json: JSON?) -> Bool {
        let settings = json?["notelint"] ?? json
        return keys.contains { settings?[$0] != nil }
    }

    init(_ json: JSON?) {
        let settings = json?["notelint"] ?? json
        configPath = settings?["configPath"]?.string ?? settings?["config"]?.string
        docsURL = settings?["docsUrl"]?.string ?? settings?["docs_url"]?.string
        completion = settings?["completion"]?.bool ?? true
        symbols = settings?["symbols"]?.bool ?? true
        hover = settings?["hover"]?.bool ?? true
    }
}
