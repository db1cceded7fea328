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

    subscript(index: Int) -> Value {
        get { covered.contains(index) ? values[index - covered.lowerBound] : others[index] ?? empty }
        _modify {
            if covered.contains(index) {
                yield &values[index - covered.lowerBound]
            } else {
                let empty = empty
                yield &others[index, default: empty]
            }
        }
    }
}
