import FakeArxivServer
import Foundation
import Synchronization
import TestSupport
import Testing

/// `notelint fill` and `check --online` against the fake arXiv server, on copies of the
/// example note.
@Suite struct FillTests {
    let folder: TemporaryFolder
    let url: String

    init() throws {
        folder = try TemporaryFolder()
        url = FakeArxiv.shared.url()
    }

    var environment: [String: String] {
        ArxivFixtures.environment(url: url, cacheHome: folder.url.appendingPathComponent("cache").path)
    }

    func fill(_ arguments: [String]) throws -> Run {
        try Notelint.run(["fill"] + arguments, in: folder.url, environment: environment)
    }

    @Test func emptiedEntriesAreRestoredFromTheFeed() throws {
        try folder.write("note.md", ArxivFixtures.emptiedNote)
        let diff = try fill(["--diff", "note.md"])
        #expect(diff.status == 1)
        #expect(try Golden.matches(diff.stdout, file: "fixtures/expected/fill/emptied.diff"), "\(diff.stdout)")
        #expect(diff.stderr == "would fill 7 entries in 1 file; 0 unchanged, 0 not found, 0 failed; 1 request to arXiv\n")
        #expect(String(decoding: folder.read("note.md"), as: UTF8.self) == ArxivFixtures.emptiedNote, "--diff writes nothing")

        let run = try fill(["note.md"])
        #expect(run.status == 0)
        #expect(run.stderr == "filled 7 entries in 1 file; 0 unchanged, 0 not found, 0 failed; 0 requests to arXiv\n")
        #expect(try Golden.matches(folder.read("note.md"), file: "fixtures/expected/fill/emptied.md.filled"))
        // One batched request for the seven identifiers, every one of them in it.
        let seen = try FakeArxiv.shared.requests(to: url)
        #expect(
            seen.map(\.query) == ["id_list=2104.09864,2106.04570v1,1502.03808,2102.09238,2107.03436,1604.01356,2107.01969&max_results=7"])
        #expect(seen.first?.userAgent.hasPrefix("notelint/") == true)
    }

    @Test func userValuesStayAndOverwriteTakesTheV1Date() throws {
        try folder.write("note.md", ArxivFixtures.exampleNote)
        let run = try fill(["note.md"])
        #expect(run.status == 0)
        #expect(run.stderr == "filled 0 entries in 0 files; 7 unchanged, 0 not found, 0 failed; 1 request to arXiv\n")
        #expect(String(decoding: folder.read("note.md"), as: UTF8.self) == ArxivFixtures.exampleNote)

        let before = try Notelint.run(
            ["check", "--no-cache", "--color", "never", "--no-show-source", "note.md"], in: folder.url, environment: environment)
        #expect(
            before.stdout.contains(
                "note.md:104:7: warning: arXiv's v1 of 1604.01356 is dated 5 Apr 2016: this Date is another day (a revision's?) [date-arxiv-mismatch]"
            ))

        let overwrite = try fill(["--overwrite", "--dry-run", "note.md"])
        #expect(overwrite.status == 1)
        #expect(try Golden.matches(overwrite.stdout, file: "fixtures/expected/fill/overwrite.diff"), "\(overwrite.stdout)")
        #expect(try fill(["--overwrite", "note.md"]).status == 0)
        #expect(
            String(decoding: folder.read("note.md"), as: UTF8.self)
                == ArxivFixtures.exampleNote.replacingOccurrences(of: "Date: 31 Oct 2016", with: "Date: 5 Apr 2016"))

        // Offline (no server address at all): no date-arxiv-mismatch and no arXiv finding.
        var offline = environment
        offline["NOTELINT_ARXIV_API_URL"] = "http://127.0.0.1:1/unreachable"
        let after = try Notelint.run(
            ["check", "--no-cache", "--color", "never", "--no-show-source", "note.md"], in: folder.url, environment: offline)
        #expect(!after.stdout.contains("[arxiv-") && !after.stdout.contains("date-arxiv-mismatch"), "\(after.stdout)")
        #expect(after.stdout.hasSuffix("0 errors, 4 warnings, 6 infos in 1 file\n"), "\(after.stdout)")
        #expect(try FakeArxiv.shared.requests(to: url).count == 1)
    }

    @Test func failuresEndInAMessageAndNoEdit() throws {
        try folder.write("note.md", ArxivFixtures.emptiedNote)
        for (scenario, message) in [
            ("busy", "HTTP 503 after 3 tries"), ("doctype", "DOCTYPE"), ("malformed", "not a valid Atom feed"),
            ("reject", "the API rejected the request: incorrect id format for 2104.09864"),
        ] {
            var env = environment
            env["NOTELINT_ARXIV_API_URL"] = FakeArxiv.shared.url(scenario)
            let run = try Notelint.run(["fill", "note.md"], in: folder.url, environment: env)
            #expect(run.status == 2)
            #expect(run.stderr.contains("notelint: note.md:12: arXiv 2104.09864: "), "\(run.stderr)")
            #expect(run.stderr.contains(message), "\(scenario): \(run.stderr)")
            #expect(run.stderr.contains("0 entries in 0 files; 0 unchanged, 0 not found, 7 failed"), "\(run.stderr)")
            #expect(String(decoding: folder.read("note.md"), as: UTF8.self) == ArxivFixtures.emptiedNote)
        }
        var slow = environment
        slow["NOTELINT_ARXIV_API_URL"] = FakeArxiv.shared.url("trickle")
        slow["NOTELINT_ARXIV_DEADLINE"] = "1"
        let run = try Notelint.run(["fill", "note.md"], in: folder.url, environment: slow)
        #expect(run.status == 2)
        #expect(run.stderr.contains("no complete answer within 1 s (deadline)"), "\(run.stderr)")
    }

    @Test func findLinksExactTitleMatchesOnly() throws {
        try folder.write(
            "note.md",
            "Title: meta learning for knowledge distillation\nLink: \nDate: \nSubjects: \n\n---\n\nTitle: Meta Learning\nLink: \nDate: \n")
        let run = try fill(["--find", "note.md"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            String(decoding: folder.read("note.md"), as: UTF8.self) == """
                Title: meta learning for knowledge distillation
                Link: https://arxiv.org/abs/2106.04570
                Date: 8 Jun 2021
                Subjects: Machine Learning (cs.LG); Artificial Intelligence (cs.AI); Computation and Language (cs.CL); Computer Vision and Pattern Recognition (cs.CV)

                ---

                Title: Meta Learning
                Link: \nDate: \n
                """)
        #expect(run.stderr == "filled 1 entry in 1 file; 0 unchanged, 1 not found, 0 failed; 2 requests to arXiv\n")
    }

    @Test func titlesThatDifferOnlyInCaseAndSpacingAreOneSearch() throws {
        let entries = [
            "meta learning for knowledge distillation", "Meta  Learning for Knowledge DISTILLATION", "Meta Learning", "meta learning",
        ]
        try folder.write("note.md", entries.map { "Title: \($0)\nLink: \n" }.joined(separator: "\n---\n\n"))
        let run = try fill(["--find", "note.md"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "filled 2 entries in 1 file; 0 unchanged, 2 not found, 0 failed; 2 requests to arXiv\n")
        #expect(
            String(decoding: folder.read("note.md"), as: UTF8.self).components(separatedBy: "https://arxiv.org/abs/2106.04570").count == 3)
    }

    /// At a terminal a progress line is drawn and wiped before the summary; in a pipe (every
    /// other test here) standard error holds the summary alone.
    @Test func aTerminalSeesTheProgressLine() throws {
        try folder.write("note.md", ArxivFixtures.emptiedNote)
        let run = try Notelint.runAtTerminal(["fill", "note.md"], in: folder.url, environment: environment)
        #expect(run.status == 0, "\(run.stderr)")
        // The terminal turns each "\n" into "\r\n".
        #expect(
            run.stderr == "\rarXiv [------------------------------] 0/7\rarXiv [##############################] 7/7\r\u{1B}[2K"
                + "filled 7 entries in 1 file; 0 unchanged, 0 not found, 0 failed; 1 request to arXiv\r\n", "\(run.stderr.debugDescription)"
        )
    }

    @Test func findAddsTheLinkLineAnEntryLacks() throws {
        try folder.write(
            "note.md",
            "Title: Meta learning for knowledge distillation\nDate: 2021\n\nSome prose.\n\n> Title: META LEARNING FOR KNOWLEDGE DISTILLATION\n> Date: 2021\n"
        )
        let run = try fill(["--find", "note.md"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            String(decoding: folder.read("note.md"), as: UTF8.self) == """
                Title: Meta learning for knowledge distillation
                Link: https://arxiv.org/abs/2106.04570
                Date: 2021
                Subjects: Machine Learning (cs.LG); Artificial Intelligence (cs.AI); Computation and Language (cs.CL); Computer Vision and Pattern Recognition (cs.CV)

                Some prose.

                > Title: META LEARNING FOR KNOWLEDGE DISTILLATION
                > Link: https://arxiv.org/abs/2106.04570
                > Date: 2021
                > Subjects: Machine Learning (cs.LG); Artificial Intelligence (cs.AI); Computation and Language (cs.CL); Computer Vision and Pattern Recognition (cs.CV)

                """)
    }

    @Test func checkHintsAtFillWhenARecordCouldBeCompleted() throws {
        try folder.write("note.md", "Title: RoFormer\nLink: arXiv:2104.09864\nDate:\n\nTitle: B\nLink: https://example.org\nDate:\n")
        let run = try Notelint.run(["check", "--no-cache", "--color", "never", "note.md"], in: folder.url, environment: environment)
        #expect(run.stdout.hasSuffix("hint: 1 record links an arXiv paper and could be completed from its metadata: `notelint fill`\n"))
        try folder.write(
            "note.md", "Title: RoFormer\nLink: arXiv:2104.09864\nDate: 20 Apr 2021\n\nTitle: B\nLink: https://example.org\nDate:\n")
        let complete = try Notelint.run(["check", "--no-cache", "--color", "never", "note.md"], in: folder.url, environment: environment)
        #expect(complete.stdout.contains("entry-empty-field"))
        #expect(!complete.stdout.contains("hint:"))
    }

    @Test func checkOnlineFetchesWhatTheCacheLacks() throws {
        try folder.write("note.md", "Title: A\nLink: https://arxiv.org/abs/2301.99999\n\nTitle: RoFormer\nLink: arXiv:2104.09864\n")
        let offline = try Notelint.run(
            ["check", "--no-cache", "--color", "never", "--no-show-source", "note.md"], in: folder.url, environment: environment)
        #expect(!offline.stdout.contains("[arxiv-"), "\(offline.stdout)")
        #expect(try FakeArxiv.shared.requests(to: url).isEmpty)
        let online = try Notelint.run(
            ["check", "--online", "--no-cache", "--color", "never", "--no-show-source", "note.md"], in: folder.url, environment: environment
        )
        #expect(online.stdout.contains("note.md:2:7: error: arXiv has no paper 2301.99999 [arxiv-not-found]"), "\(online.stdout)")
        // fill names the same line for the same paper.
        let fill = try Notelint.run(["fill", "--dry-run", "note.md"], in: folder.url, environment: environment)
        #expect(fill.stderr.contains("note.md:2: arXiv has no paper 2301.99999"), "\(fill.stderr)")
        #expect(
            online.stdout.contains(
                "note.md:4:8: warning: arXiv's title for 2104.09864 is `RoFormer: Enhanced Transformer with Rotary Position Embedding` [arxiv-title-mismatch]"
            ), "\(online.stdout)")
        #expect(try FakeArxiv.shared.requests(to: url).count == 1)
        let info = try Notelint.run(["cache", "info"], in: folder.url, environment: environment)
        #expect(info.stdout.contains("papers: 1\nnot found: 1\n"), "\(info.stdout)")
        let clear = try Notelint.run(["cache", "clear"], in: folder.url, environment: environment)
        #expect(clear.stdout.hasPrefix("removed 2 cached answers from "))
    }

    @Test func checkOnlineFetchesForStandardInputToo() throws {
        let note = Data("Title: A\nLink: https://arxiv.org/abs/2301.99999\n\nTitle: RoFormer\nLink: arXiv:2104.09864\n".utf8)
        let online = try Notelint.run(
            ["check", "--online", "--no-cache", "--color", "never", "--no-show-source", "--stdin-filename", "piped.md", "-"],
            in: folder.url, stdin: note, environment: environment)
        #expect(online.stdout.contains("piped.md:2:7: error: arXiv has no paper 2301.99999 [arxiv-not-found]"), "\(online.stdout)")
        #expect(
            online.stdout.contains(
                "piped.md:4:8: warning: arXiv's title for 2104.09864 is `RoFormer: Enhanced Transformer with Rotary Position Embedding` [arxiv-title-mismatch]"
            ), "\(online.stdout)")
        #expect(try FakeArxiv.shared.requests(to: url).map(\.query) == ["id_list=2301.99999,2104.09864&max_results=2"])
    }

    /// Two processes at once (as the editor's server and a CLI run would be): their requests
    /// are spaced by the shared lock file, and the cache keeps both processes' answers.
    @Test func twoProcessesShareTheSpacingAndTheCache() throws {
        try folder.write("a.md", "Title: \nLink: https://arxiv.org/abs/2104.09864\nDate: 2021\nSubjects: cs.CL\n")
        try folder.write("b.md", "Title: \nLink: https://arxiv.org/abs/1604.01356\nDate: 2016\nSubjects: astro-ph.EP\n")
        var env = environment
        env["NOTELINT_ARXIV_INTERVAL"] = "1"
        let spaced = env
        let folderURL = folder.url
        let both = Mutex<[Run?]>([nil, nil])
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            let run = try? Notelint.run(["fill", index == 0 ? "a.md" : "b.md"], in: folderURL, environment: spaced)
            both.withLock { $0[index] = run }
        }
        let runs = both.withLock { $0 }
        #expect(runs.allSatisfy { $0?.status == 0 }, "\(runs.map { $0?.stderr ?? "no run" })")
        #expect(
            String(decoding: folder.read("a.md"), as: UTF8.self)
                == "Title: RoFormer: Enhanced Transformer with Rotary Position Embedding\nLink: https://arxiv.org/abs/2104.09864\nDate: 2021\nSubjects: cs.CL\n"
        )
        #expect(
            String(decoding: folder.read("b.md"), as: UTF8.self)
                == "Title: A Roadmap to Interstellar Flight\nLink: https://arxiv.org/abs/1604.01356\nDate: 2016\nSubjects: astro-ph.EP\n")
        let times = try FakeArxiv.shared.requests(to: url).map(\.time).sorted()
        #expect(times.count == 2)
        if times.count == 2 { #expect(times[1] - times[0] >= 0.95, "requests \(times[1] - times[0]) s apart") }
        let info = try Notelint.run(["cache", "info"], in: folder.url, environment: environment)
        #expect(info.stdout.contains("papers: 2\n"), "\(info.stdout)")
    }

    /// The result cache sees new arXiv answers: its key holds the metadata cache's fingerprint.
    @Test func theResultCacheSeesNewAnswers() throws {
        try folder.write("note.md", "Title: A\nLink: https://arxiv.org/abs/2301.99999\nDate: Jan 2023\n")
        let check = [
            "check", "--color", "never", "--no-show-source", "--cache-dir", folder.url.appendingPathComponent("results").path, "note.md",
        ]
        let before = try Notelint.run(check, in: folder.url, environment: environment)
        #expect(!before.stdout.contains("[arxiv-not-found]"), "\(before.stdout)")
        _ = try Notelint.run(["check", "--online", "--no-cache", "note.md"], in: folder.url, environment: environment)
        let after = try Notelint.run(check, in: folder.url, environment: environment)
        #expect(after.stdout.contains("note.md:2:7: error: arXiv has no paper 2301.99999 [arxiv-not-found]"), "\(after.stdout)")
    }
}
