import CFuzzerDriver
import Foundation
import JSONRPC
import LanguageServer
import NoteLint

// Arbitrary bytes as the stream of frames a client sends (after a valid `initialize`), read
// by the server's own message loop to the end; then a valid request on a fresh stream must
// still be answered by the same server.
// Warnings about each malformed input would bury libFuzzer's own output.
Log.level = .error
let collector = ProbeCollector()
var probeNumber = 0

func frame(_ body: String) -> [UInt8] {
    Array("Content-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8)
}

let preamble = frame(#"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}"#)
    + frame(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#)

/// Runs the server's message loop over `bytes` until they end.
func feed(_ bytes: [UInt8], to server: Server) {
    var descriptors: [Int32] = [0, 0]
    guard pipe(&descriptors) == 0 else { fatalError("pipe: \(String(cString: strerror(errno)))") }
    let writeEnd = descriptors[1]
    let writer = Thread {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = write(writeEnd, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { break }
                offset += count
            }
        }
        close(writeEnd)
    }
    writer.start()
    _ = MessageLoop.run(reader: MessageReader(descriptor: descriptors[0]), connection: collector.connection, server: server)
    close(descriptors[0])
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
let status = LLVMFuzzerRunDriver(&argc, &argv) { data, size in
    let input = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    let server = Server(connection: collector.connection, version: "fuzz", pages: RulePages(localFolder: nil),
                        today: { CalendarDay(year: 2026, month: 11, day: 29) }, environment: [:]) { _ in }
    feed(preamble + input, to: server)
    probeNumber += 1
    let id = "probe-\(probeNumber)"
    feed(frame(#"{"jsonrpc":"2.0","id":"\#(id)","method":"shutdown"}"#), to: server)
    guard collector.waitForResponse(to: id, seconds: 10) else {
        fatalError("the server did not answer a valid request after this input")
    }
    return 0
}
exit(status)
