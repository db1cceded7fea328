import NoteSyntax

struct FootnoteDuplicate: Rule {
    static let footnoteDependence: FootnoteDependence? = [.lineNumbers]
    static let description = RuleDescription(
        id: "footnote-duplicate",
        summary: "a footnote label defined twice",
        rationale: """
            When a label is defined twice, renderers keep the first definition and silently drop the \
            other. Labels compare ignoring case and runs of spaces.
            """,
        defaultSeverity: .error,
        fix: nil,
        examples: RuleExamples(
            nonTriggering: [
                "A.[^a] B.[^b]\n\n[^a]: First.\n[^b]: Second.\n"
            ],
            triggering: [
                "A.[^a]\n\n[^a]: First.\n↓[^A]: Second.\n"
            ]
        )
    )

    init(options: RuleOptions) throws {}

    func check(_ context: inout LintContext) {
        let definitions = context.note.footnotes.definitions
        // The index of the first definition of each key: searched in order among a few
        // definitions, hashed among many (as `KeySet` decides).
        var first: [String: Int] = [:]
        let hashes = definitions.count > KeySet.linearLimit
        if hashes { first.reserveCapacity(definitions.count) }
        func firstIndex(of key: String, before end: Int) -> Int? {
            if hashes { return first[key] }
            return definitions.indices[..<end].first { definitions[$0].key == key }
        }
        for (index, definition) in definitions.enumerated() {
            if let original = firstIndex(of: definition.key, before: index).map({ definitions[$0] }) {
                let line = original.lines.lowerBound + 1
                context.report(
                    "footnote `[^\(quoted: definition.label)]` is already defined on line \(line)", at: definition.markerRange,
                    related: [RelatedLocation(range: original.markerRange, message: "first definition")])
            } else if hashes {
                first[definition.key] = index
            }
        }
    }
}
