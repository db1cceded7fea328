import Foundation
import JSONRPC
import LanguageServer
import NoteLint
import Synchronization
import TestSupport
import Testing

/// A client wired to an in-process server: the test hands messages to `Server.handle` and
/// reads what the server writes from a pipe. Every wait has a timeout, and `finish()` checks
/// that the test looked at every message the server sent.
///
/// `@unchecked`: the inbox and the progress answer are guarded by `lock`, an `NSCondition`,
/// because tests wait on it for a message to arrive, which `Mutex` cannot do.
final class TestClient: @unchecked Sendable {
    let server: Server
    private let pipe = Pipe()
    private let lock = NSCondition()
    private var inbox: [JSON] = []
    private var nextID = 1
    private(set) var exitStatus: Int32? = nil
    /// The arXiv cache folder when the test named none, removed when the client goes away.
    private let emptyCache: TemporaryFolder?
    /// How the client answers `window/workDoneProgress/create` (the message stays in the
    /// inbox for the test to read): accepted, refused with an error, or left unanswered.
    enum ProgressAnswer { case accept, refuse, none }
    var progressAnswer: ProgressAnswer {
        get {
            lock.lock()
            defer { lock.unlock() }
            return _progressAnswer
        }
        set {
            lock.lock()
            _progressAnswer = newValue
            lock.unlock()
        }
    }
    private var _progressAnswer = ProgressAnswer.accept

    init(today: CalendarDay = CalendarDay(year: 2026, month: 11, day: 29), environment: [String: String] = [:]) {
        let connection = Connection(descriptor: pipe.fileHandleForWriting.fileDescriptor)
        let box = ExitBox()
        // The arXiv cache is the test's own (empty unless the test fills it), never the user's;
        // the folder goes with the client.
        var environment = environment
        if environment["XDG_CACHE_HOME"] == nil {
            let folder = try! TemporaryFolder(prefix: "notelint-test-empty-cache")
            emptyCache = folder
            environment["XDG_CACHE_HOME"] = folder.path
        } else {
            emptyCache = nil
        }
        server = Server(
            connection: connection, version: "test", pages: RulePages(localFolder: nil), today: { today },
            environment: environment, exit: { status in box.status.withLock { $0 = status } })
        exitBox = box
        let descriptor = pipe.fileHandleForReading.fileDescriptor
        Thread.detachNewThread { [weak self] in
            let reader = MessageReader(descriptor: descriptor)
            while case .message(let body) = reader.next() {
                guard let json = try? JSON.parse(body) else { continue }
                guard let self else { return }
                if json["method"]?.string == "window/workDoneProgress/create", let id = json["id"].flatMap(RequestID.init) {
                    switch self.progressAnswer {
                    case .accept: self.server.handle(.response(id: id, result: .null, error: nil))
                    case .refuse:
                        self.server.handle(
                            .response(
                                id: id, result: nil, error: .object([("code", .int(-32603)), ("message", .string("no progress here"))])))
                    case .none: break
                    }
                }
                self.lock.lock()
                self.inbox.append(json)
                self.lock.broadcast()
                self.lock.unlock()
            }
        }
    }

    private let exitBox: ExitBox
    var exited: Int32? { exitBox.status.withLock { $0 } }

    final class ExitBox: Sendable { let status = Mutex<Int32?>(nil) }

    // MARK: Sending

    @discardableResult
    func request(_ method: String, _ params: JSON = .null) -> RequestID {
        let id = RequestID.int(nextID)
        nextID += 1
        server.handle(.request(id: id, method: method, params: params))
        return id
    }

    /// Answers `request`, a request the server sent, with `result`.
    func answer(_ request: JSON, with result: JSON) {
        guard let id = request["id"].flatMap({ RequestID($0) }) else {
            Issue.record("\(request) is not a request")
            return
        }
        server.handle(.response(id: id, result: result, error: nil))
    }

    /// Answers `request`, a request the server sent, with an error.
    func fail(_ request: JSON, code: Int, _ message: String) {
        guard let id = request["id"].flatMap({ RequestID($0) }) else {
            Issue.record("\(request) is not a request")
            return
        }
        server.handle(.response(id: id, result: nil, error: .object([("code", .int(code)), ("message", .string(message))])))
    }

    func notify(_ method: String, _ params: JSON = .null) {
        server.handle(.notification(method: method, params: params))
    }

    /// Sends a request and waits for its response.
    func call(_ method: String, _ params: JSON = .null) throws -> JSON {
        let id = request(method, params)
        return try response(to: id)
    }

    func initialize(_ capabilities: JSON = .object([]), options: JSON? = nil) throws -> JSON {
        var params: [(String, JSON)] = [("processId", .null), ("rootUri", .null), ("capabilities", capabilities)]
        if let options { params.append(("initializationOptions", options)) }
        let result = try call("initialize", .object(params))
        notify("initialized", .object([]))
        return result
    }

    func open(_ uri: String, _ text: String, version: Int = 1) {
        notify(
            "textDocument/didOpen",
            .object([
                (
                    "textDocument",
                    .object([
                        ("uri", .string(uri)), ("languageId", .string("markdown")), ("version", .int(version)), ("text", .string(text)),
                    ])
                )
            ]))
    }

    func change(_ uri: String, version: Int, _ changes: [JSON]) {
        notify(
            "textDocument/didChange",
            .object([
                ("textDocument", .object([("uri", .string(uri)), ("version", .int(version))])),
                ("contentChanges", .array(changes)),
            ]))
    }

    // MARK: Receiving

    struct Timeout: Error, CustomStringConvertible {
        let waitingFor: String
        var description: String { "timed out waiting for \(waitingFor)" }
    }

    /// Removes and returns the first message matching `predicate`, waiting up to `seconds`.
    func take(_ what: String, within seconds: Double = 5, where predicate: (JSON) -> Bool) throws -> JSON {
        let deadline = Date().addingTimeInterval(seconds)
        lock.lock()
        defer { lock.unlock() }
        while true {
            if let index = inbox.firstIndex(where: predicate) { return inbox.remove(at: index) }
            guard lock.wait(until: deadline) else { throw Timeout(waitingFor: what) }
        }
    }

    func response(to id: RequestID, within seconds: Double = 5) throws -> JSON {
        let message = try take("response \(id)", within: seconds) { $0["id"] == id.json && $0["method"] == nil }
        if let error = message["error"] { return .object([("error", error)]) }
        return message["result"] ?? .null
    }

    func errorCode(of id: RequestID) throws -> Int? {
        try response(to: id)["error"]?["code"]?.int
    }

    /// The next diagnostics published for `uri` (at `version` when given).
    func diagnostics(_ uri: String, version: Int? = nil) throws -> [JSON] {
        let message = try take("diagnostics for \(uri)") {
            $0["method"]?.string == "textDocument/publishDiagnostics" && $0["params"]?["uri"]?.string == uri
                && (version == nil || $0["params"]?["version"]?.int == version)
        }
        return message["params"]?["diagnostics"]?.array ?? []
    }

    /// Messages the test never looked at.
    var unread: [JSON] {
        server.drain()
        Thread.sleep(forTimeInterval: 0.05)
        lock.lock()
        defer { lock.unlock() }
        return inbox
    }

    /// Asserts that every message the server sent was consumed by the test.
    func finish(sourceLocation: SourceLocation = #_sourceLocation) {
        let left = unread
        #expect(left.isEmpty, "unconsumed messages: \(left.map { $0.serialized() })", sourceLocation: sourceLocation)
    }
}

/// A note with `|` markers: the text without them, and each marker's LSP position counted
/// in UTF-16 units (or bytes with `utf8`).
struct Marked {
    let text: String
    let positions: [JSON]

    init(_ marked: String, utf8: Bool = false) {
        var text = ""
        var positions: [JSON] = []
        var line = 0
        var column = 0
        for character in marked {
            if character == "|" {
                positions.append(.object([("line", .int(line)), ("character", .int(column))]))
                continue
            }
            text.append(character)
            if character == "\n" {
                line += 1
                column = 0
            } else {
                column += utf8 ? String(character).utf8.count : String(character).utf16.count
            }
        }
        self.text = text
        self.positions = positions
    }
}

func range(_ start: JSON, _ end: JSON) -> JSON { .object([("start", start), ("end", end)]) }

func position(_ line: Int, _ character: Int) -> JSON { .object([("line", .int(line)), ("character", .int(character))]) }

extension TestClient {
    /// The code actions offered at the start of `line`, with no diagnostics in the context.
    func codeActions(_ uri: String, line: Int) throws -> [JSON] {
        try call(
            "textDocument/codeAction",
            .object([
                ("textDocument", .object([("uri", .string(uri))])), ("range", range(position(line, 0), position(line, 0))),
                ("context", .object([("diagnostics", .array([]))])),
            ])
        ).array ?? []
    }
}
