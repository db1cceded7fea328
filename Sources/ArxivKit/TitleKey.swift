/// A title reduced to what a comparison should see: case, spacing, punctuation and TeX's
/// markup (`$`, `\`, braces, `^`, `_`) ignored, so `$\alpha$-Decay` and `alpha decay` agree.
public struct TitleKey: Equatable, Hashable, Sendable {
    public let text: String

    public init(_ title: String) {
        var result = ""
        var pendingSpace = false
        for character in title.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingSpace && !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.append(character)
            } else {
                pendingSpace = true
            }
        }
        text = result
    }
}
