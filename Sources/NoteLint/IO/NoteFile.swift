import Foundation
import NoteSyntax

/// A note's bytes as read from disk: a leading UTF-8 BOM is set aside (and put back on write),
/// so offsets and columns start at the first real character.
public struct NoteFile: Sendable {
    public static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    public let bytes: [UInt8]
    public let hasBOM: Bool

    public init(bytes: [UInt8], hasBOM: Bool) {
        self.bytes = bytes
        self.hasBOM = hasBOM
    }

    public static func removingBOM(_ raw: [UInt8]) -> NoteFile {
        if raw.count >= 3 && Array(raw[0..<3]) == bom { return NoteFile(bytes: Array(raw[3...]), hasBOM: true) }
        return NoteFile(bytes: raw, hasBOM: false)
    }

    public struct ReadError: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "\(path): \(reason)" }
    }

    public static func read(path: String) throws -> NoteFile {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ReadError(path: path, reason: "no such file")
        }
        guard !isDirectory.boolValue else { throw ReadError(path: path, reason: "is a directory") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ReadError(path: path, reason: "cannot read the file (permission denied?)")
        }
        return removingBOM(Array(data))
    }

    /// The bytes to write back: the BOM restored if the file had one.
    public func fileBytes(with content: [UInt8]) -> [UInt8] { hasBOM ? NoteFile.bom + content : content }
}
