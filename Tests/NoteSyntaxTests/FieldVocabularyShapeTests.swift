import NoteInvariants
import Testing

@testable import NoteSyntax

/// `FieldVocabulary` tells an ASCII key of no known first letter and length unknown before
/// looking it up: its answers are those of comparing the key, lower-cased, with every key the
/// vocabulary knows, as Swift compares strings (`Note\u{037E}x` is `note;x`: U+037E is `;`).
@Suite struct FieldVocabularyShapeTests {
    @Test func answersAsComparingEveryKeyDoes() {
        let extras: [[(key: String, role: FieldRole?)]] = [
            [], [("Reading Time", nil), ("Venue Rank", .venue)], [("Écrit par", .authors), ("Lu", nil), ("Note\u{037E}x", .rating)],
        ]
        var generator = SeededGenerator(seed: 3)
        for extra in extras {
            let vocabulary = FieldVocabulary(extra: extra)
            var known: [String: FieldRole?] = [:]
            for (key, role) in FieldVocabulary.defaultKeys { known[key.lowercased()] = role }
            for key in FieldVocabulary.defaultKeysWithoutRole { known[key.lowercased()] = .some(nil) }
            for (key, role) in extra where role != nil || known[key.lowercased()] == nil { known[key.lowercased()] = role }
            var keys =
                Array(known.keys) + ["", "x", "Returns", "Example", "Note ", "Notes:", "TITLE", "tItLe", "é", "Ｔitle", "note;x", "NOTE;X"]
            keys += keys.map { $0.uppercased() } + keys.map { String($0.dropLast()) } + keys.map { $0 + "s" }
            for _ in 0..<2_000 {
                let letters = Array("abcdeilnorstuxyzABT É-;.")
                keys.append(String((0..<Int.random(in: 1...9, using: &generator)).map { _ in letters.randomElement(using: &generator)! }))
            }
            for key in keys {
                let expected = known[key.lowercased()] ?? nil
                #expect(vocabulary.role(of: key) == expected, "\(key.debugDescription)")
                #expect(vocabulary.isKnown(key) == (known[key.lowercased()] != nil), "\(key.debugDescription)")
            }
        }
    }
}
