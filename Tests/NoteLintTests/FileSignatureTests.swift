import Foundation
import NoteLint
import Testing

@Suite struct FileSignatureTests {
    /// A stamp is described by its own text and by no other: each digit changed, a digit more
    /// or less, a leading zero, a separator lost or added.
    @Test func aStampIsDescribedByItsOwnTextOnly() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("notelint-signature-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var checked = 0
        for (index, text) in ["", "x", String(repeating: "Title: A\n", count: 1_234)].enumerated() {
            let path = folder.appendingPathComponent("\(index).md").path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            let stamp = try #require(FileSignature.stamp(path))
            let own = Array(stamp.description.utf8)
            #expect(FileSignature.of(path) == stamp.description)
            var others: [[UInt8]] = [own + [0x30], Array(own.dropLast()), [0x30] + own, own + [UInt8(ascii: ".")], []]
            for position in own.indices {
                var changed = own
                changed[position] = own[position] == UInt8(ascii: ".") ? 0x31 : own[position] == 0x39 ? 0x30 : own[position] + 1
                others.append(changed)
                var removed = own
                removed.remove(at: position)
                others.append(removed)
            }
            for dot in own.indices where own[dot] == UInt8(ascii: ".") {
                var padded = own
                padded.insert(0x30, at: dot + 1)
                others.append(padded)
            }
            own.withUnsafeBufferPointer { #expect(stamp.isDescribed(by: $0[...])) }
            for other in others where other != own {
                other.withUnsafeBufferPointer { #expect(!stamp.isDescribed(by: $0[...]), "\(String(decoding: other, as: UTF8.self))") }
                checked += 1
            }
        }
        #expect(checked > 100)
    }
}
