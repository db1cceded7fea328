import ArxivKit

/// What the metadata store says about an entry's arXiv paper, for the rules that compare an
/// entry with arXiv (`arxiv-not-found`, `arxiv-title-mismatch`, `arxiv-subjects-mismatch`).
struct ArxivAnswer {
    let facts: EntryFacts
    let identifier: ArxivIdentifier
    let lookup: ArxivLookup

    var metadata: ArxivMetadata? {
        if case .found(let metadata) = lookup { return metadata }
        return nil
    }
}

extension LintContext {
    /// The entries whose Link names a valid arXiv identifier that the store has an answer for;
    /// none without a store (linting never asks the network).
    func arxivAnswers() -> [ArxivAnswer] {
        guard let arxiv, !arxiv.answersNothing else { return [] }
        return entries.compactMap { facts in
            guard let identifier = facts.validArxivIdentifier, let lookup = arxiv.lookup(identifier) else { return nil }
            return ArxivAnswer(facts: facts, identifier: identifier, lookup: lookup)
        }
    }
}
