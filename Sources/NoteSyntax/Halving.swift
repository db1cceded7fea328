/// Binary search over positions in document order.
enum Halving {
    /// The first index in `indices` where `isPast` holds, `indices.upperBound` if none: `isPast`
    /// is false and then true along them, as it is for positions in document order.
    static func firstIndex(in indices: Range<Int>, where isPast: (Int) -> Bool) -> Int {
        var (low, high) = (indices.lowerBound, indices.upperBound)
        while low < high {
            let middle = (low + high) / 2
            if isPast(middle) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
