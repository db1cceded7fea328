import NoteLint
import Testing

@Suite struct DocumentURITests {
    @Test func pathsBecomeFileURIsAndBack() {
        let path = "/home/a b/notes~1/中文 (draft)#2.md"
        let uri = DocumentURI.fileURI(path)
        #expect(uri == "file:///home/a%20b/notes~1/%E4%B8%AD%E6%96%87%20%28draft%29%232.md")
        #expect(DocumentURI.path(uri) == path)
    }
}
