import NoteSyntax

/// A configuration file's text, kept to place errors on a line.
public struct ConfigurationSource: Sendable {
    public let path: String
    public let text: SourceText
    /// False for text notelint wrote itself (a `--config-override` as YAML): its line and
    /// column would point nowhere the user can look, so problems name just `path`.
    public let hasPositions: Bool

    public init(path: String, text: SourceText, hasPositions: Bool = true) {
        self.path = path
        self.text = text
        self.hasPositions = hasPositions
    }
}

/// A problem with a configuration file or a command-line setting: names the file and line.
/// One error may carry the further problems found in the same run (`also`), so a file with
/// three mistakes is reported whole, not one mistake per run.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public let source: ConfigurationSource?
    public let offset: Int?
    public let also: [ConfigurationError]

    public init(message: String, source: ConfigurationSource? = nil, offset: Int? = nil, also: [ConfigurationError] = []) {
        self.message = message
        self.source = source
        self.offset = offset
        self.also = also
    }

    /// One error carrying all of `problems` (each flattened), or nil when there are none.
    public static func combining(_ problems: [ConfigurationError]) -> ConfigurationError? {
        let flat = problems.flatMap(\.problems)
        guard let first = flat.first else { return nil }
        return ConfigurationError(message: first.message, source: first.source, offset: first.offset, also: Array(flat.dropFirst()))
    }

    /// Every problem this error reports, in the order found, each without `also`.
    public var problems: [ConfigurationError] {
        [ConfigurationError(message: message, source: source, offset: offset)] + also.flatMap(\.problems)
    }

    /// The same problems with `prefix` before each message (`--config-override #2 ...: `).
    public func prefixingMessages(_ prefix: String) -> ConfigurationError {
        ConfigurationError.combining(
            problems.map { ConfigurationError(message: prefix + $0.message, source: $0.source, offset: $0.offset) })!
    }

    /// One line per problem: `path:line:column: message`.
    public var lines: [String] { problems.map(\.position) }

    public var description: String { lines.joined(separator: "\n") }

    private var position: String {
        guard let source else { return message }
        guard let offset, source.hasPositions else { return "\(source.path): \(message)" }
        let position = source.text.lineIndex.position(of: offset, in: .unicodeScalar)
        return "\(source.path):\(position.line + 1):\(position.column + 1): \(message)"
    }
}

/// Gathers configuration problems instead of stopping at the first.
struct ConfigurationProblems {
    private(set) var found: [ConfigurationError] = []

    /// Runs `body`; an error it throws is kept and nil returned.
    @discardableResult
    mutating func collect<Value>(_ body: () throws -> Value) -> Value? {
        do { return try body() } catch let error as ConfigurationError {
            found.append(error)
        } catch {
            found.append(ConfigurationError(message: "\(error)"))
        }
        return nil
    }

    mutating func add(_ error: ConfigurationError) { found.append(error) }

    /// Throws everything gathered, as one error.
    func throwIfAny() throws {
        if let combined = ConfigurationError.combining(found) { throw combined }
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
