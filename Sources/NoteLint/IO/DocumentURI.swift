import Foundation

/// `file://` URIs, as editors name documents and SARIF names files.
public enum DocumentURI {
    /// `file:///home/a%20b/x.md` -> `/home/a b/x.md`; nil for other schemes.
    public static func path(_ uri: String) -> String? {
        guard uri.hasPrefix("file://") else { return nil }
        var rest = Substring(uri.dropFirst("file://".count))
        if !rest.hasPrefix("/"), let slash = rest.firstIndex(of: "/") { rest = rest[slash...] }
        return String(rest).removingPercentEncoding ?? String(rest)
    }

    public static func fileURI(_ path: String) -> String {
        var out: [UInt8] = Array("file://".utf8)
        out.reserveCapacity(out.count + path.utf8.count)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in path.utf8 {
            if byte < 0x80 && unreserved[Int(byte)] {
                out.append(byte)
            } else {
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The ASCII bytes a path keeps as they are in a URI: letters, digits, `-._~` and `/`.
    private static let unreserved: [Bool] = (0..<128).map { byte in
        let scalar = Unicode.Scalar(UInt8(byte))
        return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            || "-._~/".unicodeScalars.contains(scalar)
    }
}
