import NoteInvariants
import Testing

@testable import ArxivClient

/// The events of a whole document, or the reader's error.
private func events(_ text: String) throws -> [XMLReader.Event] {
    var reader = try XMLReader(Array(text.utf8))
    var all: [XMLReader.Event] = []
    while let event = try reader.next() { all.append(event) }
    return all
}

/// The text of every text event, joined.
private func text(_ document: String) throws -> String {
    try events(document).map {
        if case .text(let text) = $0 { return text }
        return ""
    }.joined()
}

private func failure(_ document: [UInt8]) -> XMLReader.Failure? {
    do {
        var reader = try XMLReader(document)
        while try reader.next() != nil {}
        return nil
    } catch let failure as XMLReader.Failure {
        return failure
    } catch {
        Issue.record("unexpected error \(error)")
        return nil
    }
}

@Suite struct XMLReaderTests {
    @Test func elementsAttributesAndTextInOrder() throws {
        let document = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- a comment -->
            <feed xmlns="http://www.w3.org/2005/Atom"><entry a='1' b = "two"><empty/>text</entry></feed>

            """
        #expect(
            try events(document) == [
                .start(name: "feed", attributes: [.init(name: "xmlns", value: "http://www.w3.org/2005/Atom")]),
                .start(name: "entry", attributes: [.init(name: "a", value: "1"), .init(name: "b", value: "two")]),
                .start(name: "empty", attributes: []), .end(name: "empty"),
                .text("text"), .end(name: "entry"), .end(name: "feed"),
            ])
    }

    @Test func prefixesAreKeptAsWritten() throws {
        let document = """
            <feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/"><opensearch:totalResults>3</opensearch:totalResults>\
            <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="cs.CL"/></feed>
            """
        let all = try events(document)
        #expect(all[1] == .start(name: "opensearch:totalResults", attributes: []))
        #expect(all[3] == .end(name: "opensearch:totalResults"))
        #expect(
            all[4]
                == .start(
                    name: "arxiv:primary_category",
                    attributes: [.init(name: "xmlns:arxiv", value: "http://arxiv.org/schemas/atom"), .init(name: "term", value: "cs.CL")]))
    }

    @Test func theFivePredefinedEntitiesAndCharacterReferences() throws {
        #expect(try text("<a>&lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;</a>") == "<b> & \"c\" 'd'")
        #expect(try text("<a>&#65;&#x42;&#x00e9;&#233;&#x1F600;&#0000065;</a>") == "ABéé😀A")
        var reader = try XMLReader(Array("<a t=\"&lt;&amp;&#x41;&quot;\"/>".utf8))
        #expect(try reader.next() == .start(name: "a", attributes: [.init(name: "t", value: "<&A\"")]))
    }

    @Test func cdataIsTextAsWritten() throws {
        #expect(try text("<a>x<![CDATA[<b>&amp; ]] ]>]]>y</a>") == "x<b>&amp; ]] ]>y")
        #expect(try text("<a><![CDATA[]]></a>") == "")
    }

    @Test func lineBreaksAreNormalisedAndAttributeWhitespaceBecomesSpaces() throws {
        #expect(try text("<a>one\r\ntwo\rthree\n</a>") == "one\ntwo\nthree\n")
        #expect(try text("<a><![CDATA[x\r\ny]]></a>") == "x\ny")
        var reader = try XMLReader(Array("<a t=\"x\r\ny\tz&#10;\"/>".utf8))
        #expect(try reader.next() == .start(name: "a", attributes: [.init(name: "t", value: "x y z\n")]))
    }

    @Test func aByteOrderMarkAndNonASCIINamesAreRead() throws {
        let all = try events("\u{FEFF}<?xml version='1.0'?><füße>ok</füße>")
        #expect(all == [.start(name: "füße", attributes: []), .text("ok"), .end(name: "füße")])
    }

    @Test(arguments: [
        ("", "the document has no root element"),
        ("   \n", "the document has no root element"),
        ("<a>", "the document ends inside <a>"),
        ("<a><b></a>", "</a> where </b> was expected"),
        ("<a></a></a>", "</a> closes no open element"),
        ("<a></a><b/>", "a second root element <b> after the first one closed"),
        ("text<a/>", "text before the root element"),
        ("<a/>text", "text after the root element"),
        ("<a>&nbsp;</a>", "the entity `&nbsp;` is not defined (XML defines lt, gt, amp, quot and apos)"),
        ("<a>fish & chips</a>", "an `&` that starts no entity or character reference"),
        ("<a>&;</a>", "an `&` that starts no entity or character reference"),
        ("<a>&#;</a>", "a malformed character reference"),
        ("<a>&#x;</a>", "a malformed character reference"),
        ("<a>&#12a;</a>", "a malformed character reference"),
        ("<a>&#X41;</a>", "a malformed character reference"),
        ("<a>&#0;</a>", "a character reference to U+0, which XML does not allow"),
        ("<a>&#xD800;</a>", "a character reference to U+D800, which XML does not allow"),
        ("<a>&#xFFFE;</a>", "a character reference to U+FFFE, which XML does not allow"),
        ("<a>&#x110000;</a>", "a character reference beyond U+10FFFF"),
        ("<a>&#99999999999999999999;</a>", "a character reference beyond U+10FFFF"),
        ("<a>x]]>y</a>", "`]]>` in text"),
        ("<a t=\"<\"/>", "a `<` in the value of the attribute `t` of <a>"),
        ("<a t=\"1\" t=\"2\"/>", "the attribute `t` appears twice in <a>"),
        ("<a t=1/>", "the value of the attribute `t` of <a> is not quoted"),
        ("<a t/>", "the attribute `t` of <a> has no value"),
        ("<a t=\"1\"u=\"2\"/>", "an unexpected character in the tag <a>"),
        ("<a t=\"1/>", "the value of the attribute `t` of <a> is not closed"),
        ("<a", "the document ends inside the tag <a>"),
        ("<a/ >", "a `/` inside the tag <a> not followed by `>`"),
        ("< a/>", "a `<` that starts no tag"),
        ("<1a/>", "a `<` that starts no tag"),
        ("<a></ a>", "a `</` that starts no end tag"),
        ("<a></a x>", "an unexpected character in </a>"),
        ("<a></a", "the document ends inside </a>"),
        ("<a><!-- x -- y --></a>", "`--` inside a comment"),
        ("<a><!-- x ", "a comment that is not closed"),
        ("<a><![CDATA[x</a>", "a CDATA section that is not closed"),
        ("<![CDATA[x]]><a/>", "a CDATA section outside the root element"),
        ("<!DOCTYPE a><a/>", "a DOCTYPE declaration"),
        ("<a><!ELEMENT a ANY></a>", "markup `<!` that is neither a comment nor a CDATA section"),
        ("<a/><?xml version=\"1.0\"?>", "an XML declaration that is not at the start of the document"),
        ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>", "the document declares the encoding `ISO-8859-1`; only UTF-8 is read"),
        ("<a><?pi never closed</a>", "a processing instruction <?pi that is not closed"),
        ("<a>\u{1}</a>", "the character U+1, which XML does not allow"),
    ])
    func malformedDocumentsAreRefusedWithAReason(document: String, message: String) {
        #expect(failure(Array(document.utf8))?.message == message)
    }

    @Test func errorsNameTheirLine() {
        let failure = failure(Array("<feed>\n  <entry>\n    <id>x</entry>\n</feed>".utf8))
        #expect(failure == XMLReader.Failure(message: "</entry> where </id> was expected", line: 3))
        #expect(failure?.description == "</entry> where </id> was expected (line 3)")
    }

    @Test func invalidUTF8AndNULAreRefusedWhereverTheyAre() {
        #expect(failure([0x3C, 0x61, 0x3E, 0xC3, 0x28, 0x3C, 0x2F, 0x61, 0x3E])?.message == "invalid UTF-8 at byte 3")
        #expect(failure(Array("<!-- \u{0} --><a/>".utf8))?.message == "the character U+0, which XML does not allow")
        #expect(failure(Array("<a t=\"\u{FFFF}\"/>".utf8))?.message == "the character U+FFFF, which XML does not allow")
    }

    @Test func nestingDeeperThanTheLimitIsRefused() {
        let deep = String(repeating: "<a>", count: XMLReader.maximumDepth + 1)
        #expect(failure(Array(deep.utf8))?.message == "elements nested deeper than \(XMLReader.maximumDepth) levels")
        let allowed =
            String(repeating: "<a>", count: XMLReader.maximumDepth) + String(repeating: "</a>", count: XMLReader.maximumDepth)
        #expect(failure(Array(allowed.utf8)) == nil)
    }

    /// Every prefix of a well-formed document is refused, and random edits never crash.
    @Test func truncationsAndRandomEditsNeverCrash() {
        let document = Array(
            """
            <?xml version="1.0"?><feed a="&amp;&#x41;"><!-- c --><e><![CDATA[<x>]]>&lt;t&gt;&#233;<f/></e></feed>
            """.utf8)
        for cut in 0..<document.count { #expect(failure(Array(document[..<cut])) != nil, "cut at \(cut)") }
        #expect(failure(document) == nil)
        var random = SeededGenerator(seed: 0x0C0F_FEE5)
        let pieces = ["<", ">", "&", ";", "/", "\"", "'", "=", "]]>", "<![CDATA[", "<!--", "-->", "&#x", "<?", "?>", " ", "\r"]
        for _ in 0..<2_000 {
            var input = document
            for _ in 0..<Int.random(in: 1...6, using: &random) {
                let at = Int.random(in: 0...input.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: if at < input.count { input[at] = UInt8.random(in: 0...255, using: &random) }
                case 1: if at < input.count { input.remove(at: at) }
                default: input.insert(contentsOf: Array(pieces.randomElement(using: &random)!.utf8), at: at)
                }
            }
            _ = failure(input)
        }
    }
}
