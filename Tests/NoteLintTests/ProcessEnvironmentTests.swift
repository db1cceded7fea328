import Foundation
import NoteLint
import TestSupport
import Testing

/// `ProcessEnvironment` looks variables up by name: every name the sources read must be listed.
@Suite struct ProcessEnvironmentTests {
    @Test func everyVariableTheSourcesReadIsListed() throws {
        let sources = PackagePaths.url("Sources")
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var read = Set<String>()
        for case let file as URL in files where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for part in text.components(separatedBy: "environment[\"").dropFirst() {
                read.insert(String(part.prefix { $0 != "\"" }))
            }
        }
        #expect(!read.isEmpty)
        #expect(
            read.subtracting(ProcessEnvironment.names).isEmpty,
            "not in ProcessEnvironment.names: \\(read.subtracting(ProcessEnvironment.names))")
    }

    @Test func setVariablesAreFoundAndOthersLeftOut() {
        let all = ProcessInfo.processInfo.environment
        let found = ProcessEnvironment.notelintVariables
        for name in ProcessEnvironment.names { #expect(found[name] == all[name], "\(name)") }
        #expect(found["PATH"] == nil && all["PATH"] != nil)
    }
}
