import NoteLint

/// Random notes made from real material: whole notes and rule examples, cut, spliced and
/// salted with the pieces parsers trip on (markers, invalid UTF-8, NUL, lone CRs, combining
/// marks, astral scalars), some with CRLF line endings or a BOM.
public struct RandomNotes {
    public let samples: [[UInt8]]

    static let pieces: [String] = [
        "[^", "]", "]:", "[^a]", "[^a]: ", "[^B b]", "\n[^a]: x\n", "Title: ", "Link: ", "Date: ", "Subjects: ",
        "https://arxiv.org/abs/2104.09864", "arXiv:1706.03762", "2021-04-20", "cs.CL", "Computation and Language (cs.CL)",
        ":", " ", "  ", "\t", "---", "\n---\n", "...", ">", "> ", "- ", "1. ", "`", "```", "~~~", "    ",
        "<!--", "-->", "<!-- notelint-disable-next-line -->", "<div>", "\\", "\r", "\n", "\r\n", "\n\n", "|", "#", "*",
        "é", "e\u{301}", "中", "😀", "\u{FEFF}", "\u{0}",
    ]

    /// `notes` are the starting material (fixtures); the rules' own examples are added.
    public init(notes: [[UInt8]]) {
        var samples = notes
        for description in RuleRegistry.descriptions {
            let examples = description.examples
            let texts = examples.triggering + examples.nonTriggering + examples.corrections.flatMap { [$0.before, $0.after] }
            samples += texts.map { Array($0.replacingOccurrences(of: String(RuleExamples.marker), with: "").utf8) }
        }
        self.samples = samples
    }

    public func note<G: RandomNumberGenerator>(using generator: inout G) -> [UInt8] {
        var bytes = samples.randomElement(using: &generator)!
        for _ in 0..<Int.random(in: 0...6, using: &generator) {
            let position = Int.random(in: 0...bytes.count, using: &generator)
            switch Int.random(in: 0..<6, using: &generator) {
            case 0, 1:
                bytes.insert(contentsOf: Array(Self.pieces.randomElement(using: &generator)!.utf8), at: position)
            case 2:
                let other = samples.randomElement(using: &generator)!
                let start = Int.random(in: 0...other.count, using: &generator)
                let end = Int.random(in: start...other.count, using: &generator)
                bytes.insert(contentsOf: other[start..<end], at: position)
            case 3:
                let end = Int.random(in: position...min(bytes.count, position + 40), using: &generator)
                bytes.removeSubrange(position..<end)
            case 4:
                bytes.insert(UInt8.random(in: 0x80...0xFF, using: &generator), at: position)
            default:
                bytes.insert(contentsOf: [UInt8](repeating: 0x0A, count: Int.random(in: 1...3, using: &generator)), at: position)
            }
        }
        if Int.random(in: 0..<4, using: &generator) == 0 { bytes = Self.crlf(bytes) }
        if Int.random(in: 0..<6, using: &generator) == 0 { bytes = NoteFile.bom + bytes }
        return bytes
    }

    static func crlf(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 20)
        for (index, byte) in bytes.enumerated() {
            if byte == 0x0A && (index == 0 || bytes[index - 1] != 0x0D) { out.append(0x0D) }
            out.append(byte)
        }
        return out
    }
}
