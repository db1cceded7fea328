/// Each block's children in order, kept as links (a parent's first child, each child's next and
/// previous sibling) in tables of integers: an array of children for every container, made
/// and freed for every note, cost more than reading the records.
struct BlockChildren {
    private let firstChild: BlockTable<Int>
    private let nextSibling: BlockTable<Int>
    private let previousSibling: BlockTable<Int>
    private let counts: BlockTable<Int>

    /// The children of every block among `linked` are linked (their parents may lie outside it).
    init(blocks: [Block], linking linked: Range<Int>) {
        var firstChild = BlockTable<Int>(covering: linked, empty: -1)
        var lastChild = BlockTable<Int>(covering: linked, empty: -1)
        var nextSibling = BlockTable<Int>(covering: linked, empty: -1)
        var previousSibling = BlockTable<Int>(covering: linked, empty: -1)
        var counts = BlockTable<Int>(covering: linked, empty: 0)
        for index in linked {
            guard let parent = blocks[index].parent else { continue }
            let last = lastChild[parent]
            if last < 0 { firstChild.set(index, at: parent) } else { nextSibling.set(index, at: last) }
            previousSibling.set(last, at: index)
            lastChild.set(index, at: parent)
            counts.set(counts[parent] + 1, at: parent)
        }
        self.firstChild = firstChild
        self.nextSibling = nextSibling
        self.previousSibling = previousSibling
        self.counts = counts
    }

    /// The children of `parent`, in order.
    subscript(parent: Int) -> Siblings {
        Siblings(first: firstChild[parent] < 0 ? nil : firstChild[parent], count: counts[parent], nextSibling: nextSibling)
    }

    /// The sibling after `index`, if any.
    func next(after index: Int) -> Int? { nextSibling[index] < 0 ? nil : nextSibling[index] }

    /// The sibling before `index`, if any.
    func previous(before index: Int) -> Int? { previousSibling[index] < 0 ? nil : previousSibling[index] }

    struct Siblings: Sequence {
        let first: Int?
        let count: Int
        fileprivate let nextSibling: BlockTable<Int>

        var isEmpty: Bool { first == nil }

        func makeIterator() -> Iterator { Iterator(upcoming: first, nextSibling: nextSibling) }

        struct Iterator: IteratorProtocol {
            fileprivate var upcoming: Int?
            fileprivate let nextSibling: BlockTable<Int>

            mutating func next() -> Int? {
                guard let current = upcoming else { return nil }
                upcoming = nextSibling[current] < 0 ? nil : nextSibling[current]
                return current
            }
        }
    }
}
