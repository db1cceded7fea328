import Foundation
import TestSupport
import Testing

/// `check --fix` killed with SIGKILL at random moments over 1,000 files: every file is the old
/// or the new version byte for byte, and no temporary file is left where `check` would pick
/// it up.
@Suite struct KillDuringFixTests {
    static let count = 1_000

    /// A note with safe fixes (spaces in a field, a date not in the canonical style, an arXiv
    /// link in another form) and a finding no fix removes (an unknown subject), so every note
    /// is reported after fixing; CRLF and BOM on some, so those are checked too.
    static func note(_ index: Int) -> Data {
        var text =
            "Title: Paper  number \(index)\nLink: http://arxiv.org/pdf/2104.09864\nDate: 2021-04-\(10 + index % 18)\nSubjects: Invented (zz.QQ)\n"
        if index % 3 == 0 { text = text.replacingOccurrences(of: "\n", with: "\r\n") }
        return (index % 5 == 0 ? Data([0xEF, 0xBB, 0xBF]) : Data()) + Data(text.utf8)
    }

    static func name(_ index: Int) -> String { "notes/\(index / 100)/note-\(index).md" }

    static func populate(_ folder: TemporaryFolder) throws {
        for index in 0..<count { try folder.write(name(index), note(index)) }
    }

    @Test(.timeLimit(.minutes(10))) func killedFixLeavesOldOrNewFilesAndNoStrayNotes() throws {
        // The new versions, from a run that finishes.
        let reference = try TemporaryFolder()
        try Self.populate(reference)
        let started = Date()
        let full = try Notelint.run(["check", "--fix", "--no-cache", "notes"], in: reference.url)
        let duration = Date().timeIntervalSince(started)
        #expect(full.status == 1, "\(full.stderr)")
        let fixed = (0..<Self.count).map { reference.read(Self.name($0)) }
        for index in 0..<Self.count { #expect(fixed[index] != Self.note(index), "note \(index) has nothing to fix") }

        var generator = SystemRandomNumberGenerator()
        var interrupted = 0
        for round in 0..<6 {
            let folder = try TemporaryFolder()
            try Self.populate(folder)
            let process = Process()
            process.executableURL = Notelint.binary
            process.arguments = ["check", "--fix", "--no-cache", "notes"]
            process.currentDirectoryURL = folder.url
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Spread over the run, startup included.
            let delay = duration * (0.1 + 0.8 * Double(round) / 5) * Double.random(in: 0.9...1.1, using: &generator)
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            var old = 0
            var new = 0
            for index in 0..<Self.count {
                let bytes = folder.read(Self.name(index))
                if bytes == Self.note(index) {
                    old += 1
                } else if bytes == fixed[index] {
                    new += 1
                } else {
                    Issue.record("round \(round): note \(index) is neither the old nor the new version: \(bytes.count) bytes")
                }
            }
            if old > 0 && new > 0 { interrupted += 1 }

            // Whatever the kill left behind is hidden and not a note.
            let everything = FileManager.default.enumerator(atPath: folder.url.path)?.compactMap { $0 as? String } ?? []
            let notes = Set((0..<Self.count).map(Self.name))
            for path in everything where !notes.contains(path) {
                var isDirectory: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: folder.url.appendingPathComponent(path).path, isDirectory: &isDirectory)
                if isDirectory.boolValue { continue }
                let name = (path as NSString).lastPathComponent
                #expect(name.hasPrefix(".") && name.hasSuffix(".tmp"), "round \(round): left behind: \(path)")
            }
            // And a later run finishes the job and sees exactly the 1,000 notes.
            let again = try Notelint.run(["check", "--fix", "--no-cache", "--format", "json", "notes"], in: folder.url)
            #expect(again.stderr.isEmpty || !again.stderr.contains(".tmp"), "\(again.stderr)")
            for index in 0..<Self.count where folder.read(Self.name(index)) != fixed[index] {
                Issue.record("round \(round): note \(index) not fixed by the run after the kill")
            }
            let reported = Set(try Self.paths(in: again.stdout))
            #expect(reported == notes, "round \(round): \(reported.symmetricDifference(notes).sorted().prefix(3))")
        }
        // The kills landed while files were being written, not only before or after.
        #expect(interrupted > 0, "no kill fell in the middle of the run (the run took \(duration) s)")
    }

    static func paths(in json: String) throws -> [String] {
        let findings = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]] ?? []
        return findings.compactMap { $0["path"] as? String }
    }
}
