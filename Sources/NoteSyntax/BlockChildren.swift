/// Each block's children in order, kept as links (a parent's first child, each child's next and
/// previous sibling) in tables of integers: an array of children for every container, made
/// and freed for every note, cost more than reading the records.
struct BlockChildren {
    private let firstChild: BlockTable<Int>
    private let nextSibling: BlockTable<Int>
    private let previousSibling: BlockTable<Int>
    private let counts: BlockTable<Int>

    private typealias Tables = (first: BlockTable<Int>, next: BlockTable<Int>, previous: BlockTable<Int>, counts: BlockTable<Int>)

    /// The children of every block among `linked` are linked (their parents may lie outside it).
    init(blocks: [Block], linking linked: Range<Int>) {
        let tables = linked == blocks.indices ? Self.linkingAll(blocks) : Self.linking(blocks, linked)
        firstChild = tables.first
        nextSibling = tables.next
        previousSibling = tables.previous
        counts = tables.counts
    }

    /// Every block linked, in plain arrays: the tables' checks for blocks they do not cover
    /// cost more than the links themselves.
    private static func linkingAll(_ blocks: [Block]) -> Tables {
        var first = [Int](repeating: -1, count: blocks.count)
        var last = first
        var next = first
        var previous = first
        var counts = [Int](repeating: 0, count: blocks.count)
        for index in blocks.indices {
            guard let parent = blocks[index].parent else { continue }
            let lastChild = last[parent]
            if lastChild < 0 { first[parent] = index } else { next[lastChild] = index }
            previous[index] = lastChild
            last[parent] = index
            counts[parent] += 1
        }
        let all = blocks.indices
        return (
            BlockTable(covering: all, values: first, empty: -1), BlockTable(covering: all, values: next, empty: -1),
            BlockTable(covering: all, values: previous, empty: -1), BlockTable(covering: all, values: counts, empty: 0)
        )
    }

    private static func linking(_ blocks: [Block], _ linked: Range<Int>) -> Tables {
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
        return (firstChild, nextSibling, previousSibling, counts)
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
