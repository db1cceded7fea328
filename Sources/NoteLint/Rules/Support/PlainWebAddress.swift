import NoteSyntax

/// The usual link, `http(s)://host[:port]/...` in printable ASCII, recognised byte by byte:
/// `LinkInvalid.problem(in:)` then needs only its last two checks (an address glued on, a tail
/// pasted with it), not the Substring work of the general case, which cost 8,700 instructions
/// a link in a documentation tree. Every check the general case makes before those is one this
/// shape passes; `LinkInvalidFastPathTests` compares the two on many links.
enum PlainWebAddress {
    /// Where the address after `://` starts (a UTF-8 offset), when `link` has the usual shape.
    static func restStart(of link: String) -> Int? {
        var link = link
        return link.withUTF8 { bytes -> Int? in
            // Printable ASCII only: no blank, control or other character to look at.
            for byte in bytes where byte <= 0x20 || byte >= 0x7F { return nil }
            let scheme: Int
            if starts(bytes, with: "https://") {
                scheme = 8
            } else if starts(bytes, with: "http://") {
                scheme = 7
            } else {
                return nil
            }
            // The authority runs to the first `/`, `?` or `#`.
            var end = scheme
            while end < bytes.count && bytes[end] != UInt8(ascii: "/") && bytes[end] != UInt8(ascii: "?") && bytes[end] != UInt8(ascii: "#")
            {
                end += 1
            }
            // A host of letters, digits, `.`, `-`, `_` and `%`, not starting with a dot nor ending
            // with two, then no port or a port of digits; no user (`@`) and no IPv6 brackets.
            var hostEnd = scheme
            while hostEnd < end && isHostByte(bytes[hostEnd]) { hostEnd += 1 }
            guard hostEnd > scheme, bytes[scheme] != UInt8(ascii: "."),
                !(hostEnd - scheme >= 2 && bytes[hostEnd - 1] == UInt8(ascii: ".") && bytes[hostEnd - 2] == UInt8(ascii: "."))
            else { return nil }
            if hostEnd < end {
                guard bytes[hostEnd] == UInt8(ascii: ":"), hostEnd + 1 < end else { return nil }
                for index in (hostEnd + 1)..<end where !ASCIIByte.isDigit(bytes[index]) { return nil }
            }
            return scheme
        }
    }

    private static func starts(_ bytes: UnsafeBufferPointer<UInt8>, with prefix: StaticString) -> Bool {
        guard bytes.count >= prefix.utf8CodeUnitCount else { return false }
        for offset in 0..<prefix.utf8CodeUnitCount where bytes[offset] != prefix.utf8Start[offset] { return false }
        return true
    }

    private static func isHostByte(_ byte: UInt8) -> Bool {
        ASCIIByte.isLetter(byte) || ASCIIByte.isDigit(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "%")
    }
}
