import Dispatch
import Foundation
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

private final class BodyCollector: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    let limit: Int
    let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var body: [UInt8] = []
    private var response: HTTPURLResponse?
    private var failure: ArxivError?
    private var finished = false

    init(limit: Int) { self.limit = limit }

    func result() throws -> HTTPGet.Response {
        lock.lock()
        defer { lock.unlock() }
        if let failure { throw failure }
        guard let response else { throw ArxivError.transport("no HTTP response") }
        var headers: [String: String] = [:]
        for (key, value) in response.allHeaderFields {
            if let key = key as? String, let value = value as? String { headers[key] = value }
        }
        return HTTPGet.Response(status: response.statusCode, headers: headers, body: body)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        lock.lock()
        self.response = response as? HTTPURLResponse
        let declared = response.expectedContentLength
        lock.unlock()
        if declared > Int64(limit) {
            fail(.tooLarge(limit: limit))
            completionHandler(.cancel)
            return
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        lock.lock()
        let over = failure == nil && body.count + data.count > limit
        if !over && failure == nil { body.append(contentsOf: data) }
        lock.unlock()
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
        lock.lock()
        if failure == nil { failure = error }
        lock.unlock()
        finish()
    }

    private func finish() {
        lock.lock()
        let first = !finished
        finished = true
        lock.unlock()
        if first { done.signal() }
    }
}
