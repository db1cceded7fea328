/// A value for each block of a note, by block index, kept in an array for the blocks of
/// `covering` and in a dictionary for any other set: a reader of a few blocks around an edit
/// does not make, and then free, one slot for every block of the note.
struct BlockTable<Value> {
    private let covered: Range<Int>
    private var values: [Value]
    private var others: [Int: Value] = [:]
    private let empty: Value

    init(covering covered: Range<Int>, empty: Value) {
        self.covered = covered
        values = [Value](repeating: empty, count: covered.count)
        self.empty = empty
    }

    /// The table of `values`, one for each block of `covered`, in order.
    init(covering covered: Range<Int>, values: [Value], empty: Value) {
        precondition(values.count == covered.count, "one value for each block covered")
        self.covered = covered
        self.values = values
        self.empty = empty
    }

    subscript(index: Int) -> Value {
        covered.contains(index) ? values[index - covered.lowerBound] : others[index] ?? empty
    }

    mutating func set(_ value: Value, at index: Int) {
        if covered.contains(index) { values[index - covered.lowerBound] = value } else { others[index] = value }
    }

    /// Appends to the array held for `index`, in place.
    mutating func append<Element>(_ element: Element, at index: Int) where Value == [Element] {
        if covered.contains(index) {
            values[index - covered.lowerBound].append(element)
        } else {
            others[index, default: []].append(element)
        }
    }
}
