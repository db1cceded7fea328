/// A broken invariant: what was checked and what was found. The property tests report it,
/// the fuzz targets stop on it.
public struct Violation: Error, CustomStringConvertible, Sendable {
    public let invariant: String
    public let detail: String

    public init(_ invariant: String, _ detail: String) {
        self.invariant = invariant
        self.detail = detail
    }

    public var description: String { "\(invariant): \(detail)" }
}
