import Dispatch
import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// One HTTP GET with limits notelint enforces itself: a deadline on the whole exchange (on
/// Linux `URLSession` does not enforce `timeoutIntervalForResource`) and a body limit counted
/// as the bytes arrive, so a slow or endless answer costs neither time nor memory.
struct HTTPGet {
    struct Response {
        let status: Int
        let headers: [String: String]
        let body: [UInt8]

        /// `Retry-After` in seconds, when given as a number.
        var retryAfter: Double? {
            headers.first { $0.key.lowercased() == "retry-after" }.flatMap { Double($0.value.trimmingCharacters(in: .whitespaces)) }
        }
    }

    let userAgent: String
    let deadline: Double
    let maximumBodySize: Int

    func fetch(_ url: URL) throws -> Response {
        var request = URLRequest(url: url)
        request.setValue(userAgent, forHTTPHeaderField: "User-Agent")
        request.setValue("application/atom+xml", forHTTPHeaderField: "Accept")
        request.timeoutInterval = deadline
        let collector = BodyCollector(limit: maximumBodySize)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = deadline
        configuration.timeoutIntervalForResource = deadline
        configuration.httpMaximumConnectionsPerHost = 1
        let session = URLSession(configuration: configuration, delegate: collector, delegateQueue: nil)
        defer { session.invalidateAndCancel() }
        let task = session.dataTask(with: request)
        task.resume()
        guard collector.done.wait(timeout: .now() + deadline) == .success else {
            task.cancel()
            throw ArxivError.timedOut(seconds: deadline)
        }
        return try collector.result()
    }
}

private final class BodyCollector: NSObject, URLSessionDataDelegate, Sendable {
    private struct State {
        var body: [UInt8] = []
        var status: Int?
        var headers: [String: String] = [:]
        var failure: ArxivError?
        var finished = false
    }

    let limit: Int
    let done = DispatchSemaphore(value: 0)
    private let state = Mutex(State())

    init(limit: Int) { self.limit = limit }

    func result() throws -> HTTPGet.Response {
        let (status, headers, body, failure) = state.withLock { ($0.status, $0.headers, $0.body, $0.failure) }
        if let failure { throw failure }
        guard let status else { throw ArxivError.transport("no HTTP response") }
        return HTTPGet.Response(status: status, headers: headers, body: body)
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        var headers: [String: String] = [:]
        let http = response as? HTTPURLResponse
        for (key, value) in http?.allHeaderFields ?? [:] {
            if let key = key as? String, let value = value as? String { headers[key] = value }
        }
        let status = http?.statusCode
        state.withLock { state in
            state.status = status
            state.headers = headers
        }
        let declared = response.expectedContentLength
        if declared > Int64(limit) {
            fail(.tooLarge(limit: limit))
            completionHandler(.cancel)
            return
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let over = state.withLock { state in
            let over = state.failure == nil && state.body.count + data.count > limit
            if !over && state.failure == nil { state.body.append(contentsOf: data) }
            return over
        }
        if over {
            fail(.tooLarge(limit: limit))
            dataTask.cancel()
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        if let error { fail(.transport(error.localizedDescription)) }
        finish()
    }

    private func fail(_ error: ArxivError) {
        state.withLock { state in
            if state.failure == nil { state.failure = error }
        }
        finish()
    }

    private func finish() {
        let first = state.withLock { state in
            defer { state.finished = true }
            return !state.finished
        }
        if first { done.signal() }
    }
}
