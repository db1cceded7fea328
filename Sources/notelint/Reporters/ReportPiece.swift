/// A reporter's rendering of one file, as the UTF-8 bytes it writes. A run writes pieces out
/// as they are; a warm run slices them from the result cache's file and writes them without
/// making a String of each (which was most of its decoding).
struct ReportPiece {
    let bytes: ArraySlice<UInt8>

    static let empty = ReportPiece(bytes: [])

    init(_ text: String) { bytes = ArraySlice(text.utf8) }

    init(bytes: ArraySlice<UInt8>) { self.bytes = bytes }

    /// A piece read back from the cache: nil unless `bytes` are UTF-8, as every piece written is,
    /// so a damaged record is never written out.
    init?(validating bytes: ArraySlice<UInt8>) {
        guard Self.isUTF8(bytes) else { return nil }
        self.bytes = bytes
    }

    var isEmpty: Bool { bytes.isEmpty }

    /// ASCII 32 bytes at a time; anything else is left to the standard library's decoder. A loop
    /// of its own: `ByteSearch.endOfPlainASCII`, which sanitising uses, is not inlined across
    /// modules and cost a warm run three times as much here (6.0 against 2.0 M instructions).
    static func isUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
        let isASCII = bytes.withUnsafeBytes { raw -> Bool in
            var offset = 0
            var highBits: UInt64 = 0
            while offset + 32 <= raw.count {
                highBits |=
                    raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self)
                offset += 32
            }
            while offset < raw.count {
                highBits |= UInt64(raw[offset])
                offset += 1
            }
            return highBits & 0x8080_8080_8080_8080 == 0
        }
        return isASCII || String(validating: bytes, as: UTF8.self) != nil
    }
}
