import NoteSyntax

struct LinkInvalid: Rule {
    static let scope = RuleScope.lines

    static let description = RuleDescription(
        id: "link-invalid",
        summary: "a Link that is not an absolute http(s) URL with a host, or a DOI that is not a DOI",
        rationale: """
            A Link is how a reader gets back to the paper; a bare domain, a URL broken by a space or \
            a mistyped scheme (`hhttps://`) leads nowhere. `arXiv:2104.09864` is accepted as a link, \
            and so are links into a reader's own apps (`zotero://select/...`, `obsidian://open?...`, \
            `file:///...`): any scheme that is not a near miss of http(s). So is a path \
            (`/papers/a.pdf` on the author's site, `~/Zotero/storage/...` or `./a.pdf` on their disk): \
            it is where the author keeps the file, and so is a link relative to the note \
            (`papers/attention.pdf` in a repository's README table). A value that says there is no link yet (`—`, \
            `n/a`, `TBD`), or describes the one to come (`[DOI or PDF link]`, `<paper url>`), is left alone. The targets of Markdown links elsewhere in the note (an \
            awesome-list's `[[Paper](...)]`) are checked for what is broken whatever the author meant: a \
            mistyped scheme (`htps://`, `https//`), a host whose dots became colons (`https://github:com/...`), a target wrapped in brackets (`[Paper]([https://...])`) or holding \
            another link (`\\url{https://...}` left from LaTeX), two addresses glued together \
            (`https://arxiv.org/abs/2402.05https://...`; after a `/` or `=` a second address is an \
            archive's or a redirect's own), a stray `]` at its end, a space in a web address (`[paper](https://example.org/week 1.pdf)`, which \
            Markdown shows as plain text; `<...>` around the target and a title after it are fine). \
            Relative links and anchors there are the site's own; a local file's path with a space \
            (`[slides](week 1.pdf)`) shows in Typora and some other editors but not on GitHub, so it \
            is reported as information, and so is an empty target (`[Paper]()`): it is often a link \
            the author means to fill in.
            """,
        defaultSeverity: .error,
        fix: nil,
        examples: RuleExamples(
            nonTriggering: [
                "Title: A\nLink: https://arxiv.org/abs/2104.09864\n",
                "Title: A\nLink: http://example.org:8080/paper.pdf?x=1#page=2\n",
                "Title: A\nLink: http://[::1]:8080/paper.pdf\n",
                "- [Query processing](http://example.org/p57.pdf#:~:text=outputs%20the%20results.) and [repo](https://github.com/a/b/.)\n",
                "Title: A\nLink: arXiv:2104.09864\n",
                "Title: A\nLink: zotero://select/library/items/MA4RHDQD\n",
                "Title: A\nDOI: 10.48550/arXiv.2104.09864\n",
                "| Title | Link |\n|---|---|\n| A | — |\n",
                "Title: A\nLink: [DOI or PDF link]\n",
                "Title: A\nPDF: /Users/me/Zotero/storage/X7/A paper.pdf\n",
                "| Title | Link |\n|---|---|\n| Attention | papers/DL/Attention-NIPS.pdf |\n| GLA | GLA.pdf |\n",
                "- [[Paper](https://en.wikipedia.org/wiki/Attention_(machine_learning))] [[Code](../code.md)] [top](#top)\n",
                "Write links as `[text](htps://wrong)` never.\n",
                "- [slides](<slides/week 1.pdf>) and [notes](notes/week-1.md \"Week one\")\n",
                "[{{ post.title }}]({{ post.url | relative_url }})\n",
            ],
            triggering: [
                "Title: A\nLink: ↓www.example.org/paper.pdf\n",
                "Title: A\nLink: ↓arxiv.org/abs/2104.09864\n",
                "Title: A\nLink: ↓https:///paper.pdf\n",
                "Title: A\nLink: ↓https://example.org/my paper.pdf\n",
                "Title: A\nLink: ↓hhttps://arxiv.org/abs/2104.09864\n",
                "Title: A\nLink: https://arxiv.org/abs/2303.04150\nDOI: ↓arXiv:2303.04150v2\n",
                "Title: A\nLink: https://arxiv.org/abs/2303.04150\nDOI: ↓https://doi.org/https://doi.org/10.48550/arXiv.2303.04150\n",
                "- **GANCS**. [[PDF](↓htps://arxiv.org/pdf/1706.00051)]\n",
                "- **A**. [[Paper](↓[https://arxiv.org/abs/2412.16441])]\n",
                "Presented by [@reader](↓www.example.org/reader).\n",
                "[`PAPER`](↓(https://arxiv.org/pdf/1801.01290.pdf))\n",
                "paper link: [here](↓https://arxiv.org/pdf/2106.09685.pdf%C2%A0)\n",
                "| Title | PDF | Code |\n|---|---|---|\n| A | [paper](https://arxiv.org/abs/2406.13645) | [code](↓https://github.com/example/a-repo.) |\n",
                "| [DPG](↓http://proceedings.mlr.press/v32/silver14.pdf]) | 2014 |\n",
                "- [Detectron](↓https//arxiv.org/abs/1801.09847)\n",
                "Code: [TensorFlow](↓https://github:com/tensorflow/models)\n",
                "Title: A\nLink: ↓https//arxiv.org/abs/1801.09847\n",
                "- Week 1: [slides](↓slides/week 1 attention.pdf)\n",
                "- [Paper](↓https://example.org/papers/week 1.pdf)\n",
                "- [Code](↓\\url{https://github.com/example/repo})\n",
                "| [ViT-Q](↓https://arxiv.org/abs/2402.05https://arxiv.org/pdf/2404.00928) | 2024 |\n",
                "- [Domain generalization by removing features]↓()\n",
            ]
        )
    )

    init(options: RuleOptions) throws {}

    func check(_ context: inout LintContext) {
        for facts in context.entries {
            // The Link's value and range, not the field: binding a `Field?` copies it.
            if let value = facts.link?.value, let valueRange = facts.link?.valueRange {
                if !value.isEmpty, !facts.pointsAtArxiv, !PlaceholderValue.isPlaceholder(value),
                    let problem = Self.problem(in: value)
                {
                    context.report("`\(quoted: value)` \(problem)", at: valueRange)
                } else if facts.pointsAtArxiv, let glued = Self.gluedAddress(inLink: value) {
                    // Reported here rather than as an invalid identifier: the identifier ran into it.
                    context.report("`\(quoted: value)` holds a second address glued to the first (`\(quoted: glued)`)", at: valueRange)
                } else if facts.pointsAtArxiv, let problem = Self.pastedTail(value) {
                    // An arXiv link's identifier is read without what was pasted after it.
                    context.report("`\(quoted: value)` \(problem)", at: valueRange)
                }
            }
            // By index: a loop over the fields would copy every one of them.
            let fields = facts.entry.fields
            for index in fields.indices where fields[index].role == .doi {
                let doi = fields[index]
                guard doi.range != facts.link?.range && !Self.isDOI(doi.value) else { continue }
                context.report("`\(quoted: doi.value)` is not a DOI (`10.NNNN/...`, or a doi.org link)", at: doi.valueRange)
            }
        }
        checkProseLinks(&context)
    }

    /// The targets of Markdown links outside the records' link and DOI fields (which the loop
    /// above checks). Both lists are in text order, so one walk pairs them.
    private func checkProseLinks(_ context: inout LintContext) {
        var checked: [ByteRange] = []
        for facts in context.entries {
            if let range = facts.link?.valueRange { checked.append(range) }
            let fields = facts.entry.fields
            for index in fields.indices where fields[index].role == .doi { checked.append(fields[index].valueRange) }
        }
        checked.sort { $0.start < $1.start }
        var next = 0
        var coveredUntil = -1
        for target in context.proseLinkTargets {
            while next < checked.count && checked[next].start <= target.range.start {
                coveredUntil = max(coveredUntil, checked[next].end)
                next += 1
            }
            if target.range.start < coveredUntil { continue }
            if target.range.isEmpty {
                // `[Paper]()`: often a link meant to be filled in later, so no more than a note.
                context.report(
                    "the link has an empty target `()`", at: ByteRange(target.range.start - 1, target.range.end + 1), severity: .info)
            } else if target.isSplitByBlank {
                // A web address with a space is broken everywhere; a local file's path with one
                // shows in Typora and some other editors, though not on GitHub.
                let isWebAddress = target.text.contains(ascii: "://") || target.text.hasPrefix(asciiIgnoringCase: "www.")
                context.report(
                    "link target `\(quoted: target.text)` holds a space, so the link shows as plain text"
                        + (isWebAddress ? "" : " on GitHub and in CommonMark") + ": write the space as %20 or put the target in <...>",
                    at: target.range, severity: isWebAddress ? nil : .info)
            } else if let problem = Self.problem(inProseTarget: target.text) {
                context.report("link target `\(quoted: target.text)` \(problem)", at: target.range)
            }
        }
    }

    private static let fileExtensions: Set<String> = [
        "pdf", "md", "markdown", "html", "htm", "txt", "png", "jpg", "jpeg", "gif", "svg", "webp", "ipynb", "tex", "bib", "zip",
        "ps", "djvu", "epub", "docx", "pptx", "xlsx", "csv", "json", "yaml", "yml", "py", "mp4",
    ]

    /// Whether the text up to the first `/` reads as a host name (`www.example.org`): dotted,
    /// its last label two to six letters and no file's extension (`paper.pdf` is a file).
    static func startsWithAHost(_ link: String) -> Bool {
        let first = link.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard first.contains(ascii: "."), !first.contains(where: { $0 == " " || $0 == "\t" }),
            let last = first.split(separator: ".").last
        else { return false }
        let label = last.split(separator: ":").first ?? last
        return (2...6).contains(label.count) && label.allSatisfy { $0.isASCII && $0.isLetter }
            && !fileExtensions.contains(label.lowercased())
    }

    /// `https//arxiv.org/...`: the scheme without its colon, which a browser takes for a path.
    static func missingSchemeColon(_ link: String) -> String? {
        link.hasPrefix(asciiIgnoringCase: "https//") || link.hasPrefix(asciiIgnoringCase: "http//")
            ? "lacks the `:` of `https://`" : nil
    }

    /// What is broken in a Markdown link's target whatever the author meant, or nil. Relative
    /// targets, anchors and other schemes (`mailto:`) are left alone.
    static func problem(inProseTarget target: String) -> String? {
        var copy = target
        switch copy.withUTF8(ProseTargetShape.init) {
        case .relative: return nil
        case .webAddress: return problem(in: target)
        case .other: return generalProblem(inProseTarget: target)
        }
    }

    /// `problem(inProseTarget:)` read through every case, without `ProseTargetShape`'s shortcut.
    static func generalProblem(inProseTarget target: String) -> String? {
        let bytes = target.utf8
        if bytes.first == UInt8(ascii: "[") { return "is wrapped in brackets: the link leads nowhere" }
        let separator = target.firstUTF8Offset(of: "://")
        // `[PDF]((https://...))`: the inner parentheses become part of a relative target.
        if bytes.first == UInt8(ascii: "("), bytes.last == UInt8(ascii: ")"), separator != nil {
            return "is wrapped in parentheses: the link leads nowhere"
        }
        if target.contains(ascii: "](") { return "holds another Markdown link" }
        // `[Code](\url{https://...})`: LaTeX's link command came along with the URL.
        if bytes.first == UInt8(ascii: "\\"), separator != nil {
            return "holds a LaTeX command around the URL: the link leads nowhere"
        }
        if let missing = missingSchemeColon(target) { return missing }
        // `[@name](www.twitter.com/name)`: a site's address without its scheme is a path
        // relative to the page, which no site has.
        if target.hasPrefix(asciiIgnoringCase: "www."), startsWithAHost(target) {
            return "starts with `www.` but has no https://, so it is read as a path relative to this page"
        }
        guard let separator, separator > 0, bytes.prefix(separator).allSatisfy(ASCIIByte.isLetter) else { return nil }
        let scheme = String(decoding: bytes.prefix(separator), as: UTF8.self).lowercased()
        if scheme != "http" && scheme != "https" {
            let typo = editDistance(scheme, "http") <= 1 || editDistance(scheme, "https") <= 1
            return typo ? "has the scheme `\(scheme)`: a typo of `https`?" : nil
        }
        if bytes.last == UInt8(ascii: "]") && !bytes.contains(UInt8(ascii: "[")) { return "ends with a stray `]`" }
        return problem(in: target)
    }

    /// `10.1145/3442188.3445922`, `doi:10...`, a doi.org link to a DOI, or no value yet (`N/A`).
    static func isDOI(_ value: String) -> Bool {
        let lowered = value.lowercased()
        if let resolver = lowered.firstUTF8Offset(of: "doi.org/") {
            // `https://doi.org/https://doi.org/10...` (the resolver pasted twice) leads nowhere.
            return lowered.utf8.dropFirst(resolver + "doi.org/".utf8.count).starts(with: "10.".utf8)
        }
        return value.isEmpty || lowered.hasPrefix("10.") || lowered.hasPrefix("doi:")
            || PlaceholderValue.isPlaceholder(value) || lowered == "none"
    }

    /// What is wrong with a link, or nil when it is an absolute http(s) URL with a host.
    static func problem(in link: String) -> String? {
        if let restStart = PlainWebAddress.restStart(of: link) {
            return tailProblem(link, rest: link[link.utf8.index(link.utf8.startIndex, offsetBy: restStart)...])
        }
        return generalProblem(in: link)
    }

    /// `problem(in:)` read through every case, without `PlainWebAddress`'s shortcut.
    static func generalProblem(in link: String) -> String? {
        if link.hasPrefix(asciiIgnoringCase: "arxiv:") { return nil }
        if let missing = missingSchemeColon(link) { return missing }
        if ["/", "~/", "./", "../"].contains(where: link.hasPrefix), !link.hasPrefix("//") { return nil }
        let bytes = link.utf8
        guard let schemeEnd = bytes.firstIndex(of: UInt8(ascii: ":")), bytes[schemeEnd...].starts(with: "://".utf8) else {
            // `papers/attention.pdf` in a repository's README is a relative link; what starts
            // like a web address (`www.example.org/...`, `arxiv.org/abs/...`) lacks its scheme.
            let isRelativePath = link.contains(ascii: "/") || fileExtensions.contains(link.split(separator: ".").last?.lowercased() ?? "")
            if startsWithAHost(link) { return "is not an absolute URL (it needs https://)" }
            // `NeurIPS 2021` in a table's link column: cells swapped or text where the link goes.
            return isRelativePath ? nil : "is not a link: the field holds text where an address (https://...) belongs"
        }
        let scheme = link[..<schemeEnd].lowercased()
        guard scheme == "http" || scheme == "https" else {
            // `zotero://` or `file://` is the reader's own; `hhttps://` or `htps://` is a typo.
            let typo = editDistance(scheme, "http") <= 1 || editDistance(scheme, "https") <= 1
            return typo ? "has the scheme `\(scheme)`: a typo of `https`?" : nil
        }
        if link.containsWhitespace { return "contains whitespace (write a space as %20)" }
        let rest = link[bytes.index(schemeEnd, offsetBy: 3)...]
        let authority = rest[
            ..<(rest.utf8.firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? rest.endIndex)]
        let hostPart = Self.lastPart(of: authority)
        let host =
            hostPart.utf8.first == UInt8(ascii: "[")
            ? hostPart : hostPart[..<(hostPart.utf8.firstIndex(of: UInt8(ascii: ":")) ?? hostPart.endIndex)]
        guard !host.isEmpty else { return "has no host" }
        if authority.utf8.first != UInt8(ascii: "["), let port = Self.secondPart(of: hostPart.utf8),
            !port.allSatisfy(ASCIIByte.isDigit)
        {
            // `https://github:com/...`: a text whose dots became colons.
            return "has `\(quoted: String(authority))` where a host belongs (a `:` typed for a `.`?)"
        }
        let hostBytes = host.utf8
        guard Self.isHost(host), hostBytes.first != UInt8(ascii: "."), !hostBytes.reversed().starts(with: "..".utf8) else {
            return "has an invalid host `\(quoted: host)`"
        }
        return tailProblem(link, rest: rest)
    }

    /// What is wrong at the end of a link that is otherwise an absolute http(s) URL with a host,
    /// `rest` its part after `://`.
    private static func tailProblem(_ link: String, rest: Substring) -> String? {
        if let glued = gluedAddress(rest) { return "holds a second address glued to the first (`\(quoted: glued)`)" }
        return pastedTail(link)
    }

    /// The authority's part after its last `@` (a user name before it), empty parts skipped.
    private static func lastPart(of authority: Substring) -> Substring {
        var end = authority.endIndex
        while end > authority.startIndex, authority.utf8[authority.utf8.index(before: end)] == UInt8(ascii: "@") {
            end = authority.utf8.index(before: end)
        }
        let kept = authority[..<end]
        guard let at = kept.utf8.lastIndex(of: UInt8(ascii: "@")) else { return kept }
        return kept[kept.utf8.index(after: at)...]
    }

    /// The second of the non-empty `:`-separated parts of `text`, as
    /// `split(separator: ":").dropFirst().first` finds it, without making the array of parts.
    static func secondPart(of text: Substring.UTF8View) -> Substring.UTF8View.SubSequence? {
        var index = text.startIndex
        var parts = 0
        while index < text.endIndex {
            while index < text.endIndex && text[index] == UInt8(ascii: ":") { index = text.index(after: index) }
            guard index < text.endIndex else { return nil }
            let start = index
            while index < text.endIndex && text[index] != UInt8(ascii: ":") { index = text.index(after: index) }
            parts += 1
            if parts == 2 { return text[start..<index] }
        }
        return nil
    }

    /// Whether every character of a host is a letter, a digit or one of `.-_[]:%`.
    private static func isHost(_ host: Substring) -> Bool {
        func isPunctuation(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: ":"),
                UInt8(ascii: "%"):
                true
            default: false
            }
        }
        if host.utf8.allSatisfy({ $0 < 0x80 }) {
            return host.utf8.allSatisfy { ASCIIByte.isLetter($0) || ASCIIByte.isDigit($0) || isPunctuation($0) }
        }
        return host.allSatisfy { $0.isLetter || $0.isNumber || ($0.asciiValue.map(isPunctuation) ?? false) }
    }

    /// `https://arxiv.org/abs/2402.05https://arxiv.org/pdf/2404.00928`: a second `http(s)://`
    /// right after a letter or digit, two pastes run together. After `/` or `=` it is an
    /// archive's or a redirect's own (`web.archive.org/web/2020/https://...`, `?url=https://...`).
    static func gluedAddress(inLink link: String) -> String? {
        var link = link
        return link.withUTF8 { bytes in
            // After the first `://`; a link without one has nothing glued.
            var index = 0
            while index + 2 < bytes.count {
                if bytes[index] == UInt8(ascii: ":") && bytes[index + 1] == UInt8(ascii: "/") && bytes[index + 2] == UInt8(ascii: "/") {
                    return gluedAddress(bytes, from: index + 3)
                }
                index += 1
            }
            return nil
        }
    }

    static func gluedAddress(_ rest: Substring) -> String? {
        // Read in the link's own storage; a copy only when it has none.
        if let found = rest.utf8.withContiguousStorageIfAvailable({ gluedAddress($0, from: 0) }) { return found }
        var rest = String(rest)
        return rest.withUTF8 { gluedAddress($0, from: 0) }
    }

    private static func gluedAddress(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> String? {
        var index = start + 1
        while index + 7 <= bytes.count {
            defer { index += 1 }
            guard bytes[index] | 0x20 == UInt8(ascii: "h") else { continue }
            let before = bytes[index - 1]
            let isAlphanumeric = (before | 0x20 >= 0x61 && before | 0x20 <= 0x7A) || (before >= 0x30 && before <= 0x39)
            guard isAlphanumeric, bytes[index + 1] | 0x20 == UInt8(ascii: "t"), bytes[index + 2] | 0x20 == UInt8(ascii: "t"),
                bytes[index + 3] | 0x20 == UInt8(ascii: "p")
            else { continue }
            var after = index + 4
            if bytes[after] | 0x20 == UInt8(ascii: "s") { after += 1 }
            guard after + 3 <= bytes.count, bytes[after] == UInt8(ascii: ":"), bytes[after + 1] == UInt8(ascii: "/"),
                bytes[after + 2] == UInt8(ascii: "/")
            else { continue }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[index...]), as: UTF8.self)
        }
        return nil
    }

    /// Encoded spaces after the address, pasted with it.
    static let encodedSpaces = ["%C2%A0", "%E2%80%8B", "%20", "%09", "%0A", "%0D"]

    /// `...2106.09685.pdf%C2%A0` (a non-breaking space copied with the link) or
    /// `https://github.com/a/repo.` (the sentence's full stop): what follows the address.
    /// Compares the link's last bytes first: it runs on every link of every note.
    static func pastedTail(_ link: String) -> String? {
        let bytes = link.utf8
        guard let last = bytes.last else { return nil }
        var problem: String? = nil
        if last == UInt8(ascii: ".") {
            // `.../repo/.` is a dot segment, which browsers resolve to `.../repo/`; an address
            // ending in `...` is elided on purpose (`https://forums.swift.org/...` in a template).
            let beforeLast = bytes.dropLast().last
            if beforeLast != UInt8(ascii: "/") && beforeLast != UInt8(ascii: ".") {
                problem = "ends with `.`: a sentence's full stop taken into the address?"
            }
        } else if bytes.count >= 3, bytes[bytes.index(bytes.endIndex, offsetBy: -3)] == UInt8(ascii: "%"),
            let encoded = encodedSpaces.first(where: { Self.endsWith(bytes, $0) })
        {
            problem = "ends in `\(encoded)`, an encoded space pasted with it"
        }
        // A fragment's text (`#:~:text=...results.`) ends as the quoted sentence does.
        guard let problem, link.contains(ascii: "://"), !link.utf8.contains(UInt8(ascii: "#")) else { return nil }
        return problem
    }

    /// Whether `bytes` ends with `suffix`, ASCII letters in either case.
    private static func endsWith(_ bytes: String.UTF8View, _ suffix: String) -> Bool {
        let tail = suffix.utf8
        guard bytes.count >= tail.count else { return false }
        return zip(bytes.suffix(tail.count), tail).allSatisfy { $0 | 0x20 == $1 | 0x20 }
    }
}
