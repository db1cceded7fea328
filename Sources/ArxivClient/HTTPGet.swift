internal import CCurlLoader
import Foundation

/// One HTTP GET through the system's libcurl, loaded at first use (`CurlLibrary`), with limits
/// notelint enforces itself: a deadline on the whole exchange and a body limit counted as the
/// bytes arrive, so a slow or endless answer costs neither time nor memory. Redirects are
/// followed (five at most, HTTP and HTTPS only); compressed answers are decoded, and the limit
/// counts the decoded bytes.
struct HTTPGet {
    struct Response {
        let status: Int
        /// The final response's headers; a name given twice has its values joined by ", ".
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
    /// Certificate authorities to trust (PEM) instead of the system's.
    var caFile: String? = nil
    var accept = "application/atom+xml"

    func fetch(_ url: URL) throws -> Response {
        try CurlLibrary.load()
        guard let handle = nl_curl_easy_init() else { throw ArxivError.transport("libcurl could not create a transfer (curl_easy_init)") }
        defer { nl_curl_easy_cleanup(handle) }
        var requestHeaders: OpaquePointer? = nil
        for header in ["Accept: \(accept)"] { requestHeaders = nl_curl_slist_append(requestHeaders, header) }
        defer { nl_curl_slist_free_all(requestHeaders) }
        let errorText = UnsafeMutablePointer<CChar>.allocate(capacity: Int(NL_CURL_ERROR_SIZE))
        errorText.initialize(repeating: 0, count: Int(NL_CURL_ERROR_SIZE))
        defer { errorText.deallocate() }

        let exchange = Exchange(limit: maximumBodySize)
        let context = Unmanaged.passUnretained(exchange).toOpaque()
        // Milliseconds, at least one: 0 would mean no deadline to libcurl.
        let milliseconds = max(1, Int((deadline * 1000).rounded(.up)))
        try withExtendedLifetime(exchange) {
            try set(handle, NL_CURLOPT_URL, url.absoluteString)
            try set(handle, NL_CURLOPT_USERAGENT, userAgent)
            if let caFile { try set(handle, NL_CURLOPT_CAINFO, caFile) }
            try check(nl_curl_easy_setopt_pointer(handle, NL_CURLOPT_HTTPHEADER, UnsafeRawPointer(requestHeaders)), "HTTPHEADER")
            // "" asks for every encoding this libcurl decodes.
            try set(handle, NL_CURLOPT_ACCEPT_ENCODING, "")
            try check(nl_curl_easy_setopt_pointer(handle, NL_CURLOPT_ERRORBUFFER, errorText), "ERRORBUFFER")
            try check(nl_curl_easy_setopt_long(handle, NL_CURLOPT_TIMEOUT_MS, milliseconds), "TIMEOUT_MS")
            try check(nl_curl_easy_setopt_long(handle, NL_CURLOPT_CONNECTTIMEOUT_MS, milliseconds), "CONNECTTIMEOUT_MS")
            // No signals: the deadline must not be kept by SIGALRM in a multithreaded process.
            try check(nl_curl_easy_setopt_long(handle, NL_CURLOPT_NOSIGNAL, 1), "NOSIGNAL")
            try check(nl_curl_easy_setopt_long(handle, NL_CURLOPT_FOLLOWLOCATION, 1), "FOLLOWLOCATION")
            try check(nl_curl_easy_setopt_long(handle, NL_CURLOPT_MAXREDIRS, 5), "MAXREDIRS")
            let web = Int(NL_CURLPROTO_HTTP | NL_CURLPROTO_HTTPS)
            try check(nl_curl_easy_setopt_long(handle, NL_CURLOPT_PROTOCOLS, web), "PROTOCOLS")
            try check(nl_curl_easy_setopt_long(handle, NL_CURLOPT_REDIR_PROTOCOLS, web), "REDIR_PROTOCOLS")
            try check(nl_curl_easy_setopt_pointer(handle, NL_CURLOPT_WRITEDATA, context), "WRITEDATA")
            try check(nl_curl_easy_setopt_pointer(handle, NL_CURLOPT_HEADERDATA, context), "HEADERDATA")
            try check(
                nl_curl_easy_setopt_callback(handle, NL_CURLOPT_WRITEFUNCTION) { data, size, count, context in
                    let exchange = Unmanaged<Exchange>.fromOpaque(context!).takeUnretainedValue()
                    let length = size * count
                    return exchange.receiveBody(UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
                }, "WRITEFUNCTION")
            try check(
                nl_curl_easy_setopt_callback(handle, NL_CURLOPT_HEADERFUNCTION) { data, size, count, context in
                    let exchange = Unmanaged<Exchange>.fromOpaque(context!).takeUnretainedValue()
                    let length = size * count
                    return exchange.receiveHeader(UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
                }, "HEADERFUNCTION")

            let code = nl_curl_easy_perform(handle)
            if let failure = exchange.failure { throw failure }
            switch code {
            case NL_CURLE_OK: break
            case NL_CURLE_OPERATION_TIMEDOUT: throw ArxivError.timedOut(seconds: deadline)
            case NL_CURLE_FILESIZE_EXCEEDED: throw ArxivError.tooLarge(limit: maximumBodySize)
            default:
                let detail = String(cString: errorText)
                throw ArxivError.transport(detail.isEmpty ? String(cString: nl_curl_easy_strerror(code)) : detail)
            }
        }
        var status = 0
        _ = nl_curl_easy_getinfo_long(handle, NL_CURLINFO_RESPONSE_CODE, &status)
        guard status > 0 else { throw ArxivError.transport("no HTTP response") }
        return Response(status: status, headers: exchange.headers, body: exchange.body)
    }

    private func set(_ handle: OpaquePointer, _ option: Int32, _ value: String) throws {
        // libcurl copies string options.
        try value.withCString { try check(nl_curl_easy_setopt_pointer(handle, option, $0), "option \(option)") }
    }

    private func check(_ code: Int32, _ option: String) throws {
        guard code != NL_CURLE_OK else { return }
        throw ArxivError.transport("libcurl refused \(option): \(String(cString: nl_curl_easy_strerror(code)))")
    }
}

/// What one transfer has received. libcurl calls back on the thread that runs
/// `curl_easy_perform`, so no lock is needed.
private final class Exchange {
    let limit: Int
    var body: [UInt8] = []
    var headers: [String: String] = [:]
    var failure: ArxivError?
    /// The status of the response whose headers are arriving (each redirect starts one).
    private var status = 0

    init(limit: Int) { self.limit = limit }

    /// Appends to the body; false (libcurl then stops with CURLE_WRITE_ERROR) past the limit.
    func receiveBody(_ data: UnsafeRawBufferPointer) -> Bool {
        guard body.count + data.count <= limit else {
            failure = .tooLarge(limit: limit)
            return false
        }
        body.append(contentsOf: data)
        return true
    }

    /// One header line, its CRLF included: a status line starts a new response's headers, the
    /// empty line ends them (a declared length over the limit then stops the transfer).
    func receiveHeader(_ data: UnsafeRawBufferPointer) -> Bool {
        var line = String(decoding: data, as: UTF8.self)
        while line.last == "\n" || line.last == "\r" || line.last == "\r\n" { line.removeLast() }
        if line.hasPrefix("HTTP/") {
            headers = [:]
            status = line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
            return true
        }
        if line.isEmpty {
            let final = !(100..<200).contains(status) && !(300..<400).contains(status)
            let declared = headers.first { $0.key.lowercased() == "content-length" }.flatMap { Int($0.value) }
            if final, let declared, declared > limit {
                failure = .tooLarge(limit: limit)
                return false
            }
            return true
        }
        guard let colon = line.firstIndex(of: ":") else { return true }
        let name = String(line[..<colon]).trimmingCharacters(in: .whitespaces)
        let value = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        headers[name] = headers[name].map { $0 + ", " + value } ?? value
        return true
    }
}

/// The system's libcurl, loaded once per process when the first request is made. Without it
/// only the network actions fail, each with the same message.
enum CurlLibrary {
    static func load() throws {
        guard let why = nl_curl_load() else { return }
        throw ArxivError.transport(unavailable(String(cString: why)))
    }

    static func unavailable(_ why: String) -> String {
        "libcurl could not be loaded (\(why)); notelint uses the system's libcurl (libcurl.so.4) for arXiv requests:"
            + " install it (Debian and Ubuntu: `apt-get install libcurl4`) or set NOTELINT_LIBCURL to its path"
    }
}
