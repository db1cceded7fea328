/// Two metadata stores asked in turn: a paper the first finds is its answer; otherwise the
/// second's answer, when it has one, wins over the first's "not found" (the local index is
/// asked before the cache of the API's answers, which knows papers newer than the index).
public struct LayeredMetadataSource: ArxivMetadataSource {
    public let first: any ArxivMetadataSource
    public let then: any ArxivMetadataSource

    public init(_ first: any ArxivMetadataSource, then: any ArxivMetadataSource) {
        self.first = first
        self.then = then
    }

    public func lookup(_ identifier: ArxivIdentifier) -> ArxivLookup? {
        let answer = first.lookup(identifier)
        if case .found = answer { return answer }
        return then.lookup(identifier) ?? answer
    }

    public var fingerprint: String { first.fingerprint + "|" + then.fingerprint }

    public var answersNothing: Bool { first.answersNothing && then.answersNothing }

    public func snapshot() -> any ArxivMetadataSource { LayeredMetadataSource(first.snapshot(), then: then.snapshot()) }
}
