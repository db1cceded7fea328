/// Paths to test a path rule's fast reading against its plain one: every piece, every two
/// joined three ways, and 5,000 random joins of up to five pieces.
enum PathSamples {
    static func paths(from pieces: [String]) -> [String] {
        var generator = SystemRandomNumberGenerator()
        var paths = pieces
        for first in pieces {
            for second in pieces { paths += [first + second, first + "/" + second, "/" + first + "/" + second + "/"] }
        }
        for _ in 0..<5_000 {
            let count = Int.random(in: 0...5, using: &generator)
            paths.append((0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        return paths
    }
}
