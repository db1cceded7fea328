import Foundation

/// arXiv's terms: one request at a time, at least `interval` seconds apart, for every notelint
/// process of the user. A lock file beside the cache holds the time the last request ended;
/// `flock` on it serialises the processes, and the lock is held while a request runs.
struct RequestSpacing {
    let lockPath: String
    let interval: Double

    /// Runs `request` when the interval since the last one has passed, holding the lock.
    func run<T>(_ request: () throws -> T) throws -> T {
        let folder = (lockPath as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw ArxivError.transport("cannot open the request lock \(lockPath): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { throw ArxivError.transport("cannot lock \(lockPath): \(String(cString: strerror(errno)))") }
        }
        defer { flock(descriptor, LOCK_UN) }
        if let last = Self.readTime(descriptor) {
            let wait = last + interval - Date().timeIntervalSince1970
            if wait > 0 { Thread.sleep(forTimeInterval: min(wait, interval)) }
        }
        defer { Self.writeTime(descriptor, Date().timeIntervalSince1970) }
        return try request()
    }

    private static func readTime(_ descriptor: Int32) -> Double? {
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        return Double(String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    private static func writeTime(_ descriptor: Int32, _ time: Double) {
        let text = Array(String(format: "%.3f\n", time).utf8)
        _ = ftruncate(descriptor, 0)
        _ = text.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }
}
