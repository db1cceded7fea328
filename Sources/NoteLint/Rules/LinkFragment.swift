import NoteSyntax

struct LinkFragment: Rule {
    static let description = RuleDescription(
        id: "link-fragment",
        summary: "a link to a heading of this note that no heading has",
        rationale: """
            A table of contents (`[Methods](#methods)`) outlives the headings it was written for: \
            a heading renamed or misspelt leaves the link going nowhere. A link `(#anchor)` is \
            compared with every heading of the note, letters and digits only and ignoring case, so \
            GitHub's, kramdown's and Python-Markdown's ways of turning a heading into an anchor all \
            match (`#papers-ive-read` and `#papers-i-ve-read` both match `Papers I've read`, \
            `#intro-1` a second `Intro`; a heading's text before its colon counts too, as some \
            documentation tools name sections by it), and with every anchor the note names itself (`id="..."`, \
            `name="..."`, `{#...}`). `#top` (the top of the page in every browser), anchors with \
            a `:` (kramdown's footnotes, `#fn:1`) and numbered ones (`#_1`, which Python-Markdown \
            gives a heading it cannot spell) are left alone.
            """,
        defaultSeverity: .warning,
        fix: nil,
        examples: RuleExamples(
            nonTriggering: [
                "- [Methods](#methods)\n- [Papers I've read](#papers-ive-read)\n\n## Methods\n\n## Papers I've read\n",
                "[Back to top](#top) and [the notes](#notes-1)\n\n## Notes\n\n## Notes\n",
                "<a id=\"reading-list\"></a>\n[Reading list](#reading-list)\n",
                "- [Image Generation](#ImageGeneration)\n\n<a name=ImageGeneration></a>\n# Image Generation / Synthesis\n",
                "[Results](#results)\n\n## 📊 Results {#results}\n",
                "[`Deque`](#dequemodule-module) and [DEP0111](#DEP0111)\n\n#### [`DequeModule`][Deque] module\n\n### DEP0111: `process.binding()`\n\n[Deque]: https://example.org/deque\n",
            ],
            triggering: [
                "- [Model quantization](#model-quantization)\n- [Gradient-based optimization](↓#gradient-base-otimization-for-qat)\n\n## Model Quantization\n\n## Gradient-base Optimization For QAT\n"
            ]
        )
    )

    init(options: RuleOptions) throws {}

    func check(_ context: inout LintContext) {
        let note = context.note
        // A target that starts with `#` follows `](`: without `](#` anywhere there is none to read.
        let opensAnchorLink = Self.anchorLinkOpening.withUnsafeBufferPointer { pattern in
            note.source.bytes.withUnsafeBufferPointer { ByteSearch.first(pattern, in: $0) != nil }
        }
        guard opensAnchorLink else { return }
        let targets = context.proseLinkTargets.filter { target in
            target.text.hasPrefix("#") && target.text.utf8.count > 1 && !target.isSplitByBlank
        }
        guard !targets.isEmpty else { return }
        let anchors = Self.anchors(of: note)
        for target in targets {
            let fragment = String(target.text.dropFirst())
            guard fragment.lowercased() != "top", !fragment.contains(ascii: ":") else { continue }
            let key = Self.anchorKey(Self.percentDecoded(fragment))
            // `#_1`, `#3`: a generator's numbered anchor (Python-Markdown's for a heading it cannot spell).
            if key.allSatisfy(\.isNumber) || anchors.contains(key) { continue }
            // `#intro-1`: the second heading of that name.
            if let dash = fragment.lastIndex(of: "-"), fragment[fragment.index(after: dash)...].allSatisfy(\.isNumber),
                fragment.index(after: dash) < fragment.endIndex, anchors.contains(Self.anchorKey(String(fragment[..<dash])))
            {
                continue
            }
            context.report("no heading of this note has the anchor `\(quoted: target.text)`", at: target.range)
        }
    }

    private static let anchorLinkOpening = Array("](#".utf8)

    /// Every anchor the note has, as `anchorKey` writes it: its headings' texts and the ids it
    /// names itself.
    static func anchors(of note: Note) -> Set<String> {
        let source = note.source
        var anchors = Set<String>()
        // The heading's text, reused from one heading to the next.
        var text: [UInt8] = []
        for block in note.blocks {
            guard case .heading = block.kind else { continue }
            text.removeAll(keepingCapacity: true)
            for line in block.lines {
                // A setext heading's underline.
                if line == block.endLine && block.startLine < block.endLine { continue }
                let content = source.lineContent(line)
                var start = content.start
                while start < content.end {
                    let byte = source.bytes[start]
                    guard byte == UInt8(ascii: "#") || byte == 0x20 || byte == 0x09 else { break }
                    start += 1
                }
                text += source.bytes[start..<content.end]
                text.append(0x20)
            }
            // ASCII without `]` (nearly every heading) holds no link to read through: its key is
            // made from the bytes.
            if text.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "]") }) {
                anchors.insert(anchorKey(ascii: text[...]))
                if let colon = text.firstIndex(of: UInt8(ascii: ":")) { anchors.insert(anchorKey(ascii: text[..<colon])) }
                continue
            }
            let reading = withoutLinkTargets(String(decoding: text, as: UTF8.self))
            anchors.insert(anchorKey(reading))
            // `DEP0111: process.binding()`: documentation tools that name a section by what comes
            // before its colon.
            if let colon = firstColon(in: reading) { anchors.insert(anchorKey(String(reading[..<colon]))) }
        }
        anchors.formUnion(explicitIDs(in: source).map(anchorKey))
        anchors.remove("")
        return anchors
    }

    /// The first `:` of the text as a Character: in ASCII text (nearly every heading) the first
    /// `:` byte, found without walking Characters.
    static func firstColon(in text: String) -> String.Index? {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.utf8.firstIndex(of: UInt8(ascii: ":")) }
        return text.firstIndex(of: ":")
    }

    /// `id="x"`, `name='x'`, `name=x` (HTML) and `{#x}`, `{: #x}` (attribute lists) anywhere in the note.
    static func explicitIDs(in source: SourceText) -> [String] {
        source.bytes.withUnsafeBufferPointer { bytes in
            var ids: [String] = []
            // An anchor is short: reading at most this far keeps a line of unclosed `{#` linear.
            let longest = 256
            func value(from start: Int, until stops: (UInt8) -> Bool) -> String {
                var end = start
                while end < bytes.count && end - start < longest && !stops(bytes[end]) { end += 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            }
            func endsWith(_ word: [UInt8], before index: Int) -> Bool {
                guard index >= word.count else { return false }
                for (offset, byte) in word.enumerated() where bytes[index - word.count + offset] | 0x20 != byte { return false }
                return true
            }
            var offset = 0
            while let equals = ByteSearch.first(UInt8(ascii: "="), in: bytes, from: offset, to: bytes.count) {
                offset = equals + 1
                guard equals + 1 < bytes.count else { continue }
                let word = endsWith(Self.idWord, before: equals) ? 2 : endsWith(Self.nameWord, before: equals) ? 4 : 0
                guard word > 0 else { continue }
                let quote = bytes[equals + 1]
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    ids.append(value(from: equals + 2) { $0 == quote || $0 == 0x0A })
                } else if equals - word > 0, bytes[equals - word - 1] == 0x20 || bytes[equals - word - 1] == 0x09 {
                    // `<a name=results>`: HTML lets a value without blanks go unquoted.
                    ids.append(value(from: equals + 1) { Self.endsUnquotedValue($0) })
                }
            }
            offset = 0
            while let brace = ByteSearch.first(UInt8(ascii: "{"), in: bytes, from: offset, to: bytes.count) {
                offset = brace + 1
                var start = brace + 1
                if start < bytes.count && bytes[start] == UInt8(ascii: ":") { start += 1 }
                while start < bytes.count && bytes[start] == 0x20 { start += 1 }
                guard start < bytes.count, bytes[start] == UInt8(ascii: "#") else { continue }
                ids.append(value(from: start + 1) { $0 == UInt8(ascii: "}") || $0 == UInt8(ascii: "{") || $0 == 0x20 || $0 == 0x0A })
            }
            return ids
        }
    }

    private static let idWord = Array("id".utf8)
    private static let nameWord = Array("name".utf8)

    static func endsUnquotedValue(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"): return true
        default: return false
        }
    }

    /// Letters and digits, lower-cased: what every way of making an anchor of a heading keeps.
    static func anchorKey(_ text: String) -> String {
        // ASCII (nearly every heading) byte by byte; other scripts by their scalars' properties.
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
            return String(
                text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }.map(
                    Character.init))
        }
        return anchorKey(ascii: Array(text.utf8)[...])
    }

    /// `anchorKey` of ASCII text.
    static func anchorKey(ascii text: ArraySlice<UInt8>) -> String {
        var key: [UInt8] = []
        key.reserveCapacity(text.count)
        for byte in text {
            let lowered = byte | 0x20
            if lowered >= UInt8(ascii: "a") && lowered <= UInt8(ascii: "z") {
                key.append(lowered)
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                key.append(byte)
            }
        }
        return String(decoding: key, as: UTF8.self)
    }

    /// `[text](url)` and `[text][reference]` as they read: the heading's anchor is made of the text.
    static func withoutLinkTargets(_ text: String) -> String {
        var out = ""
        var rest = Substring(EntryDuplicate.withoutLinkTargets(text))
        while let close = rest.firstUTF8Offset(of: "][") {
            let closeStart = rest.utf8.index(rest.startIndex, offsetBy: close)
            out += rest[..<closeStart]
            rest = rest[rest.utf8.index(closeStart, offsetBy: 2)...].drop { $0 != "]" }.dropFirst()
        }
        return out + rest
    }

    static func percentDecoded(_ text: String) -> String {
        guard text.contains(ascii: "%") else { return text }
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2, let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
