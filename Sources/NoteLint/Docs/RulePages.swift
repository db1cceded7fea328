import Foundation

/// Where a rule's page is: under the configured docs URL, else the page shipped with the
/// build (`share/notelint/rules` beside an installed binary, or the `rules/` folder of the
/// source tree a development build sits in). Never an invented public address: when no page
/// is found, diagnostics carry no link.
/// The local pages are looked up once, for every rule, when the value is made: a note with
/// thousands of findings would otherwise ask the file system once per finding.
public struct RulePages: Sendable {
    public let localFolder: String?
    /// The `file://` address of each rule's page found in `localFolder`.
    private let localPages: [String: String]

    public init(executable: String = CommandLine.arguments.first ?? "") {
        self.init(localFolder: RulePages.findFolder(near: executable))
    }

    public init(localFolder: String?) {
        self.localFolder = localFolder
        var pages: [String: String] = [:]
        if let localFolder {
            for rule in RuleRegistry.ids {
                let page = (localFolder as NSString).appendingPathComponent(rule + ".md")
                if FileManager.default.fileExists(atPath: page) { pages[rule] = DocumentURI.fileURI(page) }
            }
        }
        localPages = pages
    }

    public func href(for rule: String, docsURL: String?) -> String? {
        if let docsURL, !docsURL.isEmpty {
            if docsURL.contains("{rule}") { return docsURL.replacingOccurrences(of: "{rule}", with: rule) }
            return (docsURL.hasSuffix("/") ? docsURL : docsURL + "/") + rule + ".md"
        }
        return localPages[rule]
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
