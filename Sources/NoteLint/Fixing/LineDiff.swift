/// The lines that differ between two texts, as hunks of old lines replaced by new lines
/// (Myers' O(ND) difference algorithm, after the common head and tail are set aside): the
/// server's formatting edits and the CLI's unified diffs.
public enum LineDiff {
    public struct Hunk: Equatable, Sendable {
        /// Old lines replaced (empty for an insertion).
        public let old: Range<Int>
        /// New lines that replace them (empty for a deletion).
        public let new: Range<Int>

        public init(old: Range<Int>, new: Range<Int>) {
            self.old = old
            self.new = new
        }
    }

    /// Past this many differences the middle is one hunk: the search costs O((N+M)·D).
    public static let maximumDifferences = 1_000

    /// Lines with their terminators, so that a changed line ending is a changed line.
    public static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        var offset = 0
        while offset < bytes.count {
            if bytes[offset] == 0x0A || (bytes[offset] == 0x0D && (offset + 1 == bytes.count || bytes[offset + 1] != 0x0A)) {
                lines.append(bytes[start...offset])
                start = offset + 1
            }
            offset += 1
        }
        if start < bytes.count { lines.append(bytes[start...]) }
        return lines
    }

    public static func hunks(_ old: [ArraySlice<UInt8>], _ new: [ArraySlice<UInt8>]) -> [Hunk] {
        var ids: [ArraySlice<UInt8>: Int] = [:]
        let a = old.map { line in
            ids[line]
                ?? {
                    ids[line] = ids.count
                    return ids.count - 1
                }()
        }
        let b = new.map { line in
            ids[line]
                ?? {
                    ids[line] = ids.count
                    return ids.count - 1
                }()
        }
        var head = 0
        while head < a.count && head < b.count && a[head] == b[head] { head += 1 }
        var tail = 0
        while tail < a.count - head && tail < b.count - head && a[a.count - 1 - tail] == b[b.count - 1 - tail] { tail += 1 }
        let middleA = Array(a[head..<(a.count - tail)])
        let middleB = Array(b[head..<(b.count - tail)])
        if middleA.isEmpty && middleB.isEmpty { return [] }
        guard let matches = matches(middleA, middleB) else {
            return [Hunk(old: head..<(a.count - tail), new: head..<(b.count - tail))]
        }
        var hunks: [Hunk] = []
        var i = 0
        var j = 0
        for (x, y) in matches + [(middleA.count, middleB.count)] {
            if x > i || y > j { hunks.append(Hunk(old: (head + i)..<(head + x), new: (head + j)..<(head + y))) }
            i = x + 1
            j = y + 1
        }
        return hunks
    }

    /// The pairs of equal lines of a shortest edit script, in order; nil past the limit.
    private static func matches(_ a: [Int], _ b: [Int]) -> [(Int, Int)]? {
        let n = a.count
        let m = b.count
        let limit = min(n + m, maximumDifferences)
        let offset = limit + 1
        var v = [Int](repeating: 0, count: 2 * limit + 3)
        var trace: [[Int]] = []
        var found = false
        search: for d in 0...limit {
            trace.append(v)
            for k in stride(from: -d, through: d, by: 2) {
                var x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1] : v[offset + k - 1] + 1
                var y = x - k
                while x < n && y < m && a[x] == b[y] {
                    x += 1
                    y += 1
                }
                v[offset + k] = x
                if x >= n && y >= m {
                    found = true
                    break search
                }
            }
        }
        guard found else { return nil }
        var pairs: [(Int, Int)] = []
        var x = n
        var y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            let previousK = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? k + 1 : k - 1
            let previousX = v[offset + previousK]
            let previousY = previousX - previousK
            while x > previousX && y > previousY {
                x -= 1
                y -= 1
                pairs.append((x, y))
            }
            if d > 0 {
                x = previousX
                y = previousY
            }
        }
        return pairs.reversed()
    }
}
