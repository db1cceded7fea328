import JSONRPC

/// `$/progress` for one token. The token is created with `window/workDoneProgress/create`
/// and used only once the client has accepted it; a client that answers with an error (or
/// not within 5 seconds) is sent no progress.
struct WorkDoneProgress {
    let token: String
    let connection: Connection

    static func create(_ token: String, connection: Connection, responses: ClientResponses) -> WorkDoneProgress? {
        guard responses.ask("window/workDoneProgress/create", .object([("token", .string(token))]), over: connection) else {
            Log.info("the client did not accept the progress token \(token): no progress is shown")
            return nil
        }
        return WorkDoneProgress(token: token, connection: connection)
    }

    func begin(_ title: String, message: String, percentage: Int? = nil) {
        var value: [(String, JSON)] = [
            ("kind", .string("begin")), ("title", .string(title)), ("cancellable", .bool(false)),
            ("message", .string(message)),
        ]
        if let percentage { value.append(("percentage", .int(percentage))) }
        send(value)
    }

    /// Reports about twenty times over a run of `total` notes.
    func report(done: Int, of total: Int) {
        let step = max(1, total / 20)
        guard done > 0, done % step == 0 else { return }
        send([
            ("kind", .string("report")), ("message", .string("\(done)/\(total) notes")), ("percentage", .int(done * 100 / max(total, 1))),
        ])
    }

    func end(_ message: String? = nil) {
        send([("kind", .string("end"))] + (message.map { [("message", JSON.string($0))] } ?? []))
    }

    private func send(_ value: [(String, JSON)]) {
        connection.notify("$/progress", .object([("token", .string(token)), ("value", .object(value))]))
    }
}
