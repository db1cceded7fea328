import Foundation
import NoteLint

/// `--changed` and `--changed-since REF`: keeps the notes git reports as changed (against HEAD,
/// or against REF), untracked ones included, so large repositories lint only what moved.
enum ChangedFiles {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func filter(_ files: [FileDiscovery.Found], since ref: String?) throws -> [FileDiscovery.Found] {
        let root = try git(["rev-parse", "--show-toplevel"]).trimmingCharacters(in: .whitespacesAndNewlines)
        var changed = Set<String>()
        for line in try git(["diff", "--name-only", "-z", ref ?? "HEAD", "--"]).split(separator: "\0")
            + git(["ls-files", "-z", "--others", "--exclude-standard", "--full-name", ":/"]).split(separator: "\0")
        {
            changed.insert(URL(fileURLWithPath: root).appendingPathComponent(String(line)).standardizedFileURL.path)
        }
        return files.filter {
            changed.contains(URL(fileURLWithPath: $0.path).standardizedFileURL.resolvingSymlinksInPath().path)
                || changed.contains(URL(fileURLWithPath: $0.path).standardizedFileURL.path)
        }
    }

    private static func git(_ arguments: [String]) throws -> String {
        let output: Subprocess.Output
        do {
            output = try Subprocess.run(["git"] + arguments, deadline: Subprocess.gitDeadline)
        } catch Subprocess.Failure.launch(_, let error) {
            throw Failure(description: "--changed needs git: \(error)")
        } catch {
            throw Failure(description: String(describing: error))
        }
        guard output.succeeded else {
            throw Failure(
                description:
                    "git \(arguments.joined(separator: " ")): \(String(decoding: output.standardError, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))"
            )
        }
        return String(decoding: output.standardOutput, as: UTF8.self)
    }
}
