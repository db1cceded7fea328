/// Why the index cannot be used or written.
public enum ArxivIndexError: Error, CustomStringConvertible {
    /// No index at this path.
    case missing(path: String)
    case schema(String)
    case database(path: String, SQLiteError)
    case unreadableSnapshot(path: String, String)
    /// An import of `file` has not finished; a sync waits for it.
    case unfinishedImport(file: String)

    public var description: String {
        switch self {
        case .missing(let path):
            return "no arXiv index at \(path); make one with `notelint arxiv import FILE` from arXiv's metadata snapshot"
        case .schema(let message): return message
        case .database(let path, let error): return "\(path): \(error.message)"
        case .unreadableSnapshot(let path, let message): return "\(path): \(message)"
        case .unfinishedImport(let file):
            return "an import of \(file) has not finished; run `notelint arxiv import` on it again to finish it, then sync"
        }
    }
}
