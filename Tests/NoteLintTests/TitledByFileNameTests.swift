import Testing

@testable import NoteLint

/// `FrontMatterMissingKey.isTitledByFileName` splits an ASCII path as bytes; it answers as
/// splitting it into Characters does.
@Suite struct TitledByFileNameTests {
    static let pieces = [
        "_posts", "_", "__", "_\r\n", "\r\n", "posts", "2024-01-02-a-post.md", "2024-01-02-.md", "2024-01-02", "2024-1-02-x.md",
        "note.md", "", "/", "//", "_é", "é", "_\u{301}x", "x",
    ]

    @Test func answersAsCharactersDo() {
        for path in PathSamples.paths(from: Self.pieces) {
            #expect(
                FrontMatterMissingKey.isTitledByFileName(path) == FrontMatterMissingKey.isTitledByFileName(characters: path),
                "\(path.debugDescription)")
        }
        #expect(FrontMatterMissingKey.isTitledByFileName("site/_posts/a.md"))
        #expect(FrontMatterMissingKey.isTitledByFileName("site/2024-01-02-a.md"))
        #expect(!FrontMatterMissingKey.isTitledByFileName("site/_/a.md"))
    }
}

/// `FileDiscovery.sameFileKey` hands back a path with no empty or `.` part as it is; it answers
/// as splitting the path does.
@Suite struct SameFileKeyTests {
    @Test func answersAsSplittingDoes() {
        let pieces = ["/", "//", ".", "..", "./", "/.", "a", "notes", "é", ".md", "a.md", " ", ""]
        var generator = SystemRandomNumberGenerator()
        var paths = pieces
        for first in pieces {
            for second in pieces {
                for third in pieces { paths.append(first + second + third) }
            }
        }
        for _ in 0..<5_000 {
            paths.append((0..<Int.random(in: 0...7, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for path in paths {
            #expect(FileDiscovery.sameFileKey(path) == FileDiscovery.sameFileKeyBySplitting(path), "\(path.debugDescription)")
        }
    }
}
