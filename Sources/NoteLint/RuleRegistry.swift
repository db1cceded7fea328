/// Every rule, in the order `notelint rules` lists them. Hand-sorted; a test fails when a rule
/// type exists that is not listed here.
public enum RuleRegistry {
    public static let all: [any Rule.Type] = [
        FileEncoding.self,
        FrontMatterYAML.self,
        FrontMatterPlaceholder.self,
        FrontMatterMissingKey.self,
        FrontMatterEmptyValue.self,
        EntryEmptyField.self,
        EntryBlank.self,
        EntryMissingField.self,
        EntryUnknownField.self,
        EntryDuplicate.self,
        EntryHeadingTrap.self,
        EntryRunsIntoProse.self,
        EntryPastedFurniture.self,
        FootnoteUndefined.self,
        FootnoteUnused.self,
        FootnoteDuplicate.self,
        FootnoteEmpty.self,
        FieldWhitespace.self,
        DateInvalid.self,
        DateFormat.self,
        DateFuture.self,
        DateArxivMismatch.self,
        LinkInvalid.self,
        LinkFragment.self,
        LinkArxivForm.self,
        ArxivIdInvalid.self,
        ArxivNotFound.self,
        ArxivTitleMismatch.self,
        ArxivWithdrawn.self,
        SubjectsUnknown.self,
        SubjectsNameMismatch.self,
        SubjectsFormat.self,
        ArxivSubjectsMismatch.self,
        UnusedSuppression.self,
    ]

    public static var descriptions: [RuleDescription] { all.map { $0.description } }

    public static var ids: [String] { all.map { $0.description.id } }

    public static func rule(withID id: String) -> (any Rule.Type)? {
        all.first { $0.description.id == id }
    }
}
