import Foundation

/// Where a rule's page is: under the configured docs URL, else the page shipped with the
/// build (`share/notelint/rules` beside an installed binary, or the `rules/` folder of the
/// source tree a development build sits in). Never an invented public address: when no page
/// is found, diagnostics carry no link.
public struct RulePages: Sendable {
    public let localFolder: String?

    public init(executable: String = CommandLine.arguments.first ?? "") {
        localFolder = RulePages.findFolder(near: executable)
    }

    public init(localFolder: String?) {
        self.localFolder = localFolder
    }

    public func href(for rule: String, docsURL: String?) -> String? {
        if let docsURL, !docsURL.isEmpty {
            if docsURL.contains("{rule}") { return docsURL.replacingOccurrences(of: "{rule}", with: rule) }
            return (docsURL.hasSuffix("/") ? docsURL : docsURL + "/") + rule + ".md"
        }
        guard let localFolder else { return nil }
        let page = (localFolder as NSString).appendingPathComponent(rule + ".md")
        return FileManager.default.fileExists(atPath: page) ? DocumentURI.fileURI(page) : nil
    }

    static func findFolder(near executable: String) -> String? {
        let resolved = URL(fileURLWithPath: executable).resolvingSymlinksInPath()
        var folder = resolved.deletingLastPathComponent()
        let installed = folder.deletingLastPathComponent().appendingPathComponent("share/notelint/rules")
        if FileManager.default.fileExists(atPath: installed.appendingPathComponent("README.md").path) { return installed.path }
        for _ in 0..<6 {
            let candidate = folder.appendingPathComponent("rules")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("README.md").path) { return candidate.path }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }
}
