import Foundation
import TestSupport
import Testing

/// One version, stated in VERSION: the binary, the VS Code manifest and the changelog agree
/// with it (scripts/set-version.sh writes the copies).
@Suite struct VersionTests {
    private var version: String { (PackagePaths.read("VERSION") ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }

    @Test func everyCopyAgreesWithVersionFile() throws {
        #expect(version.split(separator: ".").count == 3, "VERSION holds `\(version)`")
        let manifest = try #require(PackagePaths.read("editors/vscode/package.json"))
        let parsed = try JSONSerialization.jsonObject(with: Data(manifest.utf8)) as? [String: Any]
        #expect(parsed?["version"] as? String == version, "run scripts/set-version.sh")
        let changelog = try #require(PackagePaths.read("CHANGELOG.md"))
        #expect(changelog.contains("\n## [\(version)]"), "CHANGELOG.md has no section for \(version)")
        let printed = try Notelint.run(["--version"])
        #expect(printed.stdout == version + "\n", "run scripts/set-version.sh")
    }
}
