import Foundation
import JSONRPC

/// Reads frames until the input ends and hands each message to the server. Whatever arrives
/// (a broken header, a body that is not JSON, a batch, an oversized message), the loop
/// answers what can be answered and goes on.
public enum MessageLoop {
    /// Returns the exit status when standard input ends: 0 after `shutdown`, 1 otherwise.
    public static func run(reader: MessageReader, connection: Connection, server: Server) -> Int32 {
        while true {
            switch reader.next() {
            case .end:
                return server.exitStatusAtEndOfInput()
            case .tooLarge(let declared):
                Log.warning("skipped a message of \(declared) bytes (maximum \(reader.maximumSize))")
                connection.respond(
                    nil, error: ErrorCode.invalidRequest,
                    "message of \(declared) bytes skipped: the maximum is \(reader.maximumSize) bytes")
            case .malformedHeader(let problem):
                Log.warning("malformed header: \(problem)")
                connection.respond(nil, error: ErrorCode.parseError, "malformed header: \(problem)")
            case .message(let body):
                handle(body, reader: reader, connection: connection, server: server)
                if body.count > 1 << 20 {
                    // Once the server has handled it, the message's memory can go back.
                    server.drain()
                    ProcessMemory.release()
                }
            }
        }
    }

    static func handle(_ body: Data, reader: MessageReader, connection: Connection, server: Server) {
        let json: JSON
        do {
            json = try JSON.parse(body)
        } catch {
            connection.respond(nil, error: ErrorCode.parseError, "\(error)")
            // A Content-Length that overstated the body swallowed the start of the next
            // message: read on from its header.
            // (An empty body, `Content-Length: 0`, has nothing to search.)
            if body.count > 1, let next = body.range(of: Data("Content-Length".utf8), options: [], in: 1..<body.count) {
                reader.unread(body[next.lowerBound...])
            }
            return
        }
        do {
            server.handle(try Message(json))
        } catch let invalid as Message.Invalid {
            connection.respond(invalid.id, error: ErrorCode.invalidRequest, invalid.message)
        } catch {
            connection.respond(nil, error: ErrorCode.invalidRequest, "\(error)")
        }
    }
}

extension Server {
    /// The exit status when the client closes standard input without `exit`.
    public func exitStatusAtEndOfInput() -> Int32 {
        queue.sync { lifecycle == .shutDown ? 0 : 1 }
    }
}
