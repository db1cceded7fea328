/// Writes a run's reports while its files are checked, in file order (`CheckJob.runAll`'s
/// `inOrder`): a streaming reporter's piece goes to its output at once and is not kept, so a
/// run holds the files that finished ahead of an earlier one, not the whole report.
///
/// Used by one thread at a time: `runAll` calls `take` under its lock, and `finish` comes
/// after the run.
final class ReportStream: @unchecked Sendable {
    private let reporters: [any Reporter]
    private let outputs: [Output]
    private var begun: [Bool]
    private var wroteAny: [Bool]

    init(reporters: [any Reporter], outputs: [Output]) {
        self.reporters = reporters
        self.outputs = outputs
        begun = Array(repeating: false, count: reporters.count)
        wroteAny = Array(repeating: false, count: reporters.count)
    }

    /// Writes the outcome's pieces of the streaming reporters; returns it without them.
    func take(_ outcome: CheckJob.Outcome) -> CheckJob.Outcome {
        guard case .checked(var report, let fixed, let diff, let fixedStandardInput) = outcome else { return outcome }
        for index in reporters.indices where reporters[index].streams && !report.texts[index].isEmpty {
            // Begun at the first piece: a run that stops before any (a configuration error)
            // reports its failure as a whole report of its own.
            if !begun[index] {
                reporters[index].begin(to: outputs[index])
                begun[index] = true
            }
            reporters[index].write(piece: report.texts[index], first: !wroteAny[index], to: outputs[index])
            wroteAny[index] = true
        }
        report.dropTexts(where: reporters.map(\.streams))
        return .checked(report, fixed: fixed, diff: diff, fixedStandardInput: fixedStandardInput)
    }

    /// Ends each report: a streaming one after its pieces, the others whole.
    func finish(_ files: [RenderedFile], failures: [String]) {
        for index in reporters.indices {
            let reporter = reporters[index]
            guard reporter.streams else {
                reporter.finish(files, pieces: files.map { $0.texts[index] }, failures: failures, to: outputs[index])
                continue
            }
            if !begun[index] { reporter.begin(to: outputs[index]) }
            reporter.end(files, wroteAny: wroteAny[index], failures: failures, to: outputs[index])
        }
    }
}
