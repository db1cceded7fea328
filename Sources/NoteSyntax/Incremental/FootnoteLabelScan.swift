/// Every `[^label]` written in some bytes (the label without blanks or brackets), whatever
/// Markdown makes of it: the labels a re-parse must treat as defined.
enum FootnoteLabelScan {
    static func labels(in bytes: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var labels: [ArraySlice<UInt8>] = []
        var index = bytes.startIndex
        while index + 2 < bytes.endIndex {
            guard bytes[index] == UInt8(ascii: "["), bytes[index + 1] == UInt8(ascii: "^") else {
                index += 1
                continue
            }
            var end = index + 2
            while end < bytes.endIndex, !isLabelStop(bytes[end]) { end += 1 }
            if end < bytes.endIndex, bytes[end] == UInt8(ascii: "]"), end > index + 2 { labels.append(bytes[(index + 2)..<end]) }
            index += 2
        }
        return labels
    }

    private static func isLabelStop(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "]") || byte == UInt8(ascii: "[") || byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
