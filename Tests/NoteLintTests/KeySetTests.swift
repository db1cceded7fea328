import NoteSyntax
import Testing

@testable import NoteLint

/// `KeySet` answers as a `Set` does, searched in order or hashed; the footnote rules
/// find the same on notes of a few footnotes and of many.
@Suite struct KeySetTests {
    @Test(arguments: [0, 1, KeySet.linearLimit, KeySet.linearLimit + 1, 40])
    func answersAsASetDoes(count: Int) {
        let keys = (0..<count).map { "key \($0)" }
        var set = KeySet(keys)
        var expected = Set(keys)
        #expect(set.isEmpty == expected.isEmpty)
        for probe in (0..<(count + 20)).map({ "key \($0)" }) + ["", "KEY 0"] {
            #expect(set.contains(probe) == expected.contains(probe), "\(probe) among \(count)")
        }
        // Inserting crosses from searched to hashed, and inserting a key twice keeps one.
        for key in ["key 0", "extra a", "extra b", "extra a"] + (0..<20).map({ "more \($0)" }) {
            set.insert(key)
            expected.insert(key)
            #expect(set.contains(key))
        }
        for probe in expected.map({ $0 }) + ["absent"] { #expect(set.contains(probe) == expected.contains(probe)) }
    }

    /// The same labels, with a duplicate, an undefined reference and an unused definition,
    /// among a few definitions and among many: the findings on those three are the same.
    @Test(arguments: [3, KeySet.linearLimit + 10])
    func footnoteRulesFindTheSameAmongFewAndMany(padding: Int) {
        var text = "Text.[^a][^missing]"
        for index in 0..<padding { text += "[^p\(index)]" }
        text += "\n\n[^a]: First.\n[^unused]: Never referenced.\n"
        for index in 0..<padding { text += "[^p\(index)]: Padding \(index).\n" }
        text += "[^A]: Again, in capitals.\n"
        func messages(_ rule: String) -> [String] { Lint.diagnostics(text, rule: rule).map(\.message) }
        #expect(messages("footnote-duplicate") == ["footnote `[^A]` is already defined on line 3"])
        #expect(messages("footnote-undefined") == ["footnote `[^missing]` is not defined"])
        #expect(messages("footnote-unused") == ["footnote `[^unused]` is defined but never referenced"])
    }
}
