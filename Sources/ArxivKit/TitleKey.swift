/// A title reduced to what a comparison should see: case, spacing, punctuation and TeX's
/// markup (`$`, `\`, braces, `^`, `_`) ignored, so `$\alpha$-Decay` and `alpha decay` agree.
public struct TitleKey: Equatable, Hashable, Sendable {
    public let text: String

    public init(_ title: String) {
        // Most titles are ASCII: read as bytes, a title costs a few hundred instructions
        // instead of the 70,000 of a Character walk with Unicode's properties.
        text = Self.asciiKey(title) ?? Self.characterKey(title)
    }

    static func characterKey(_ title: String) -> String {
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
        return result
    }

    static func asciiKey(_ title: String) -> String? {
        var title = title
        return title.withUTF8 { bytes -> String? in
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var pendingSpace = false
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                let lowered = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
                if (0x61...0x7A).contains(lowered) || (0x30...0x39).contains(lowered) {
                    if pendingSpace && !result.isEmpty { result.append(0x20) }
                    pendingSpace = false
                    result.append(lowered)
                } else {
                    pendingSpace = true
                }
            }
            return String(decoding: result, as: UTF8.self)
        }
    }
}
