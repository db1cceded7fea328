/// Values that stand for one not known yet (`TBD` in a schedule's Title column): two of them
/// are not the same paper.
enum PlaceholderValue {
    static let words: Set<String> = ["tbd", "tba", "todo", "?", "??", "-", "--", "—", "n/a", "na", "none", "...", "…"]

    static func isPlaceholder(_ value: String) -> Bool {
        value.utf8.count <= 4 && words.contains(value.lowercased())
    }
}
