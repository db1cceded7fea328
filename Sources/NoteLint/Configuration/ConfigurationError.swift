import NoteSyntax

/// A configuration file's text, kept to place errors on a line.
public struct ConfigurationSource: Sendable {
    public let path: String
    public let text: SourceText

    public init(path: String, text: SourceText) {
        self.path = path
        self.text = text
    }
}

/// A problem with a configuration file or a command-line setting: names the file and line.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public let source: ConfigurationSource?
    public let offset: Int?

    public init(message: String, source: ConfigurationSource? = nil, offset: Int? = nil) {
        self.message = message
        self.source = source
        self.offset = offset
    }

    public var description: String {
        guard let source else { return message }
        guard let offset else { return "\(source.path): \(message)" }
        let position = source.text.lineIndex.position(of: offset, in: .unicodeScalar)
        return "\(source.path):\(position.line + 1):\(position.column + 1): \(message)"
    }
}

/// The closest of `candidates` to `word`, when it is near enough to be a likely typo.
public func closestMatch(to word: String, in candidates: [String], maximumDistance: Int? = nil) -> String? {
    let limit = maximumDistance ?? max(2, word.count / 3)
    var best: (String, Int)? = nil
    // An abbreviation (`warn` for `warning`) is as good as a typo.
    if word.count >= 3, let expanded = candidates.first(where: { $0.lowercased().hasPrefix(word.lowercased()) }) {
        return expanded
    }
    for candidate in candidates {
        let distance = editDistance(word.lowercased(), candidate.lowercased())
        if distance <= limit, best == nil || distance < best!.1 { best = (candidate, distance) }
    }
    return best?.0
}

/// Optimal string alignment distance: insertions, deletions, substitutions and transpositions
/// of adjacent characters each cost one (so `Titel` is one edit from `Title`).
public func editDistance(_ lhs: String, _ rhs: String) -> Int {
    let a = Array(lhs)
    let b = Array(rhs)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previousPrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                current[j] = min(current[j], previousPrevious[j - 2] + 1)
            }
        }
        (previousPrevious, previous, current) = (previous, current, previousPrevious)
    }
    return previous[b.count]
}
