/// Appends text with each run of blanks (spaces, tabs, line breaks) written as one space, and
/// none before the first other byte: how the index keeps titles and authors.
struct BlankCollapsing {
    private var pendingBlank = false

    mutating func append(_ byte: UInt8, to target: inout [UInt8]) {
        if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
            pendingBlank = !target.isEmpty
            return
        }
        if pendingBlank {
            target.append(0x20)
            pendingBlank = false
        }
        target.append(byte)
    }
}
