import ArxivKit
import Dispatch
import Foundation
import NoteLint
import NoteSyntax
import Synchronization

/// One file (or standard input) to check, fix or diff.
struct CheckJob {
    let path: String
    let isStandardInput: Bool

    enum Mode {
        case lint
        case fix(Set<Applicability>)
        case diff(Set<Applicability>)
    }

    enum Outcome {
        case checked(RenderedFile, fixed: Int, diff: String?, fixedStandardInput: [UInt8]?)
        case failed(String)
    }

    /// Runs every job, files in parallel (one parse per task), results in job order. An
    /// invalid configuration stops the run: it is reported once with exit status 2.
    /// `inOrder` is given each outcome in job order as soon as it and every one before it are
    /// done, one call at a time, and returns what the run keeps of it (so a report written
    /// there need not be held until the end).
    static func runAll(
        _ jobs: [CheckJob], mode: Mode, configurations: ConfigurationSource, reporters: Reporters, threads: Int? = nil,
        cache: ResultCache? = nil, standardInput: [UInt8] = [], inOrder: (@Sendable (Outcome) -> Outcome)? = nil
    ) throws -> [Outcome] {
        var linters: [String: Linter] = [:]
        var jobLinters: [Linter] = []
        // What reports depend on besides the text, hashed once per linter (with the reporters).
        var fingerprints: [String: String] = [:]
        var jobFingerprints: [String] = []
        // The folder of the previous job and its key, when every note there shares its linter:
        // files come folder by folder, and most need no lookup of their own.
        var sharedFolder: (folder: String, key: String)? = nil
        for job in jobs {
            do {
                let path = job.isStandardInput && job.path == "-" ? "./-" : job.path
                if let shared = sharedFolder, PathParts.isFolder(shared.folder, of: path) {
                    jobLinters.append(linters[shared.key]!)
                    jobFingerprints.append(fingerprints[shared.key]!)
                    continue
                }
                let (configuration, key, sharedByFolder) = try configurations.effectiveForFolder(ofFile: path)
                sharedFolder = sharedByFolder ? (PathParts.folder(of: path), key) : nil
                if linters[key] == nil {
                    let arxiv = SettledMetadataSource(ArxivSetup(configuration: configuration).source)
                    let linter = try Linter(configuration: configuration, arxiv: arxiv)
                    linters[key] = linter
                    fingerprints[key] = StableHash.hex(Array((linter.fingerprint + "\n" + reporters.fingerprint).utf8))
                }
                jobLinters.append(linters[key]!)
                jobFingerprints.append(fingerprints[key]!)
            } catch let error as ConfigurationError {
                throw RunFailure(error)
            }
        }
        // The outcomes, and the first not yet given to `inOrder`.
        let outcomes = Mutex(([Outcome?](repeating: nil, count: jobs.count), 0))
        // `entry-duplicate` with `scope: workspace` compares the files given with each other:
        // their entries are read first, and no file's result can come from the cache.
        let workspace =
            jobLinters.contains(where: \.comparesAcrossNotes)
            ? workspaceEntries(jobs, linters: jobLinters, standardInput: standardInput) : nil
        let cache = workspace == nil ? cache : nil
        // Each worker takes the next file until none is left.
        let next = Atomic(0)
        let workers = min(threads ?? ProcessInfo.processInfo.activeProcessorCount, max(jobs.count, 1))
        let workerLinters = jobLinters
        let workerFingerprints = jobFingerprints
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < jobs.count else { return }
                let outcome = jobs[index].run(
                    linter: workerLinters[index], mode: mode, standardInput: standardInput, reporters: reporters,
                    cache: cache, fingerprint: workerFingerprints[index], workspace: workspace)
                outcomes.withLock { state in
                    state.0[index] = outcome
                    guard let inOrder else { return }
                    // Taken out and put back, not copied: an outcome holds the file's reports.
                    while state.1 < jobs.count, let ready = state.0[state.1].take() {
                        state.0[state.1] = inOrder(ready)
                        state.1 += 1
                    }
                }
            }
        }
        let done = outcomes.withLock { state in
            defer { state.0 = [] }
            return state.0
        }
        return done.map { $0! }
    }

    /// The entries of every job, in path order; files that cannot be read are left out
    /// here and reported when they are checked.
    static func workspaceEntries(_ jobs: [CheckJob], linters: [Linter], standardInput: [UInt8]) -> WorkspaceEntries {
        var keys: [(name: String, keys: NoteEntryKeys)] = []
        for (job, linter) in zip(jobs, linters) {
            let file: NoteFile
            if job.isStandardInput {
                guard case .success(let read) = NoteFile.standardInput(standardInput) else { continue }
                file = read
            } else {
                guard let read = try? NoteFile.read(path: job.path) else { continue }
                file = read
            }
            keys.append((job.path, linter.entryKeys(linter.parse(SourceText(bytes: file.bytes)))))
        }
        return WorkspaceEntries(keys.sorted { $0.name < $1.name })
    }

    /// `fingerprint` is the hash of what the linter and reporters depend on; the cache also
    /// compares the path as printed, which the reports hold.
    func run(
        linter: Linter, mode: Mode, standardInput: [UInt8], reporters: Reporters, cache: ResultCache? = nil,
        fingerprint: String = "", workspace: WorkspaceEntries? = nil
    ) -> Outcome {
        let workspace = workspace.map { (entries: $0, name: path) }
        var stamp: FileSignature.Stamp? = nil
        // The cache's records are keyed by absolute path, worked out once.
        var absolute = ""
        if case .lint = mode, let cache, !isStandardInput {
            absolute = AbsolutePath.of(path)
            stamp = FileSignature.stamp(absolute)
            if let stamp, let rendered = cache.lookup(absolute, stamp: stamp, fingerprint: fingerprint, printedPath: path) {
                return .checked(rendered, fixed: 0, diff: nil, fixedStandardInput: nil)
            }
        }
        let file: NoteFile
        if isStandardInput {
            switch NoteFile.standardInput(standardInput) {
            case .success(let read): file = read
            case .failure(let error): return .failed("\(error)")
            }
        } else {
            do { file = try NoteFile.read(path: path) } catch { return .failed("\(error)") }
        }
        switch mode {
        case .lint:
            var cacheEntry: (absolute: String, key: String)? = nil
            let signature = stamp?.description
            if let cache, !isStandardInput {
                let key = cache.key(for: file.fileBytes(with: file.bytes), fingerprint: fingerprint)
                if let rendered = cache.lookup(absolute, key: key, signature: signature, printedPath: path) {
                    return .checked(rendered, fixed: 0, diff: nil, fixedStandardInput: nil)
                }
                cacheEntry = (absolute, key)
            }
            let source = SourceText(bytes: file.bytes)
            let result = linter.lint(linter.parse(source), path: path, workspace: workspace)
            let report = FileReport(path: path, source: source, diagnostics: result.diagnostics)
            let rendered = RenderedFile(report, reporters: reporters, fillable: linter.fillableRecordCount(result))
            if let cache, let cacheEntry { cache.store(cacheEntry.absolute, key: cacheEntry.key, signature: signature, rendered: rendered) }
            return .checked(rendered, fixed: 0, diff: nil, fixedStandardInput: nil)
        case .fix(let allowed), .diff(let allowed):
            let outcome = FixApplier.fixAll(file.bytes, linter: linter, allowed: allowed, path: path)
            let source = SourceText(bytes: outcome.bytes)
            let remaining =
                workspace == nil
                ? outcome.remaining.diagnostics : linter.lint(linter.parse(source), path: path, workspace: workspace).diagnostics
            let fileReport = FileReport(path: path, source: source, diagnostics: remaining)
            let report = RenderedFile(fileReport, reporters: reporters)
            if !outcome.converged {
                printError("notelint: \(path): fixes did not settle after \(FixApplier.maximumPasses) passes; please report this as a bug")
            }
            if case .diff = mode {
                let text = UnifiedDiff.render(
                    old: String(decoding: file.bytes, as: UTF8.self), new: String(decoding: outcome.bytes, as: UTF8.self),
                    path: path)
                return .checked(report, fixed: outcome.appliedCount, diff: text, fixedStandardInput: nil)
            }
            if isStandardInput {
                return .checked(report, fixed: outcome.appliedCount, diff: nil, fixedStandardInput: file.fileBytes(with: outcome.bytes))
            }
            if outcome.bytes != file.bytes {
                do {
                    try AtomicWriter.write(file.fileBytes(with: outcome.bytes), to: path, replacing: file.fileBytes(with: file.bytes))
                } catch { return .failed("\(error)") }
            }
            return .checked(report, fixed: outcome.appliedCount, diff: nil, fixedStandardInput: nil)
        }
    }
}
