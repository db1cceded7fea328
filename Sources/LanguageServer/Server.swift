import Dispatch
import Foundation
import JSONRPC
import NoteLint
import NoteSyntax

/// The language server. Messages arrive from the reader thread through `handle(_:)`; the
/// server's state (lifecycle, open documents, negotiated options) is owned by one serial
/// queue. Linting and slow requests run on other queues with a snapshot of the document, so
/// one document never waits for another and a slow request never delays typing.
///
/// `@unchecked`: the mutable state below is only touched on `queue` (the handlers run there;
/// work sent elsewhere takes copies), a confinement the compiler cannot see. Making the server
/// an actor would put every message behind an `await` and lose the arrival order the
/// protocol's text synchronization depends on.
public final class Server: @unchecked Sendable {
    enum Lifecycle {
        case uninitialized
        case running
        case shutDown
    }

    let connection: Connection
    let version: String
    let queue = DispatchQueue(label: "notelint.server")
    let work = DispatchQueue(label: "notelint.work", attributes: .concurrent)
    let pending = PendingRequests()
    let lints: LintService
    let pages: RulePages
    let publisher = DiagnosticsPublisher()
    let workspace: WorkspaceNotes
    let symbolIndex = WorkspaceSymbolIndex()
    let responses = ClientResponses()
    let arxiv = ArxivEditor()

    // Owned by `queue`.
    var lifecycle = Lifecycle.uninitialized
    var codec = PositionCodec(unit: .utf16)
    var documents: [String: Document] = [:]
    var settings = Settings()
    var clientFeatures = ClientFeatures()
    var tooLarge: Set<String> = []
    var parentWatch: ProcessWatch?

    /// Documents above this size are not kept or linted (a note is a few hundred kilobytes).
    public static let maximumDocumentSize = 16 * 1024 * 1024

    /// A test-only delay, `METHOD:MILLISECONDS` in NOTELINT_LSP_TEST_DELAY, that keeps one
    /// kind of request pending so tests can cancel it and type meanwhile.
    let testDelay: (method: String, milliseconds: Int)?

    /// Called with the exit status when the client sends `exit`.
    let exit: @Sendable (Int32) -> Void

    public init(
        connection: Connection, version: String, pages: RulePages? = nil, today: @escaping @Sendable () -> CalendarDay = { .today },
        environment: [String: String] = ProcessInfo.processInfo.environment, exit: @escaping @Sendable (Int32) -> Void
    ) {
        self.connection = connection
        self.version = version
        self.pages = pages ?? RulePages()
        self.lints = LintService(today: today, environment: environment, serverVersion: version) { [connection] message in
            connection.notify(
                "window/showMessage", .object([("type", .int(LSP.MessageType.error.rawValue)), ("message", .string(message))]))
        }
        self.exit = exit
        self.workspace = WorkspaceNotes(limit: environment["NOTELINT_WORKSPACE_LIMIT"].flatMap { Int($0) } ?? WorkspaceNotes.maximumNotes)
        if let spec = environment["NOTELINT_LSP_TEST_DELAY"], let colon = spec.lastIndex(of: ":"),
            let milliseconds = Int(spec[spec.index(after: colon)...])
        {
            testDelay = (String(spec[..<colon]), milliseconds)
        } else {
            testDelay = nil
        }
        Note.prepareForConcurrentParsing()
    }

    /// Entry point for every message, on the reader thread. `$/cancelRequest` is handled
    /// here at once; everything else is queued in arrival order.
    public func handle(_ message: Message) {
        switch message {
        case .notification("$/cancelRequest", let params):
            if let cancel = try? LSP.CancelParams(decoding: params, at: "params") { pending.cancel(cancel.id) }
        case .notification(let method, let params):
            queue.async { self.notification(method, params) }
        case .request(let id, let method, let params):
            let request = pending.begin(id, method: method, connection: connection)
            queue.async { self.request(request, params) }
        case .response(let id, let result, let error):
            responses.deliver(id, result: result, failed: error != nil)
        }
    }

    /// Waits until every message handed to `handle` so far has been processed (tests).
    public func drain() { queue.sync {} }

    private func request(_ request: PendingRequest, _ params: JSON) {
        switch lifecycle {
        case .uninitialized where request.method != "initialize":
            return request.fail(ErrorCode.serverNotInitialized, "the server is not initialized: send `initialize` first")
        case .shutDown:
            return request.fail(ErrorCode.invalidRequest, "the server is shut down: only `exit` is accepted")
        default:
            break
        }
        Log.debug("request \(request.id) \(request.method)")
        guard let handler = Server.requests[request.method] else {
            return request.fail(ErrorCode.methodNotFound, "unknown method `\(request.method)`")
        }
        handler(self, request, params)
    }

    private func notification(_ method: String, _ params: JSON) {
        if method == "exit" {
            exit(lifecycle == .shutDown ? 0 : 1)
            return
        }
        guard lifecycle == .running else { return }
        Log.debug("notification \(method)")
        Server.notifications[method]?(self, params)
    }

    /// Runs `body` off the server queue, after the test delay when it applies to `request`.
    func perform(_ request: PendingRequest, _ body: @escaping @Sendable () -> Void) {
        let delay = testDelay.flatMap { $0.method == request.method ? $0.milliseconds : nil }
        work.async {
            if let delay {
                let deadline = Date().addingTimeInterval(Double(delay) / 1000)
                while Date() < deadline && !request.isCancelled { usleep(5_000) }
            }
            guard !request.isCancelled else { return }
            body()
        }
    }

    func showMessage(_ type: LSP.MessageType, _ message: String) {
        connection.notify("window/showMessage", .object([("type", .int(type.rawValue)), ("message", .string(message))]))
    }
}
