/// Writes indented JSON straight into bytes, laid out exactly as `JSON.write(into:indent:)`
/// lays out the same value, without building the value first: a report of thousands of
/// findings spent most of its JSON time allocating and freeing the trees it then wrote, and
/// then most of the rest appending a few bytes at a time to an array. Its own buffer takes
/// each piece with one copy.
public struct IndentedJSONWriter: ~Copyable {
    private var buffer: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    /// The indentation level of the value being written when no container is open.
    private let baseIndent: Int
    /// Open objects and arrays.
    private var depth = 0
    /// Whether nothing has been written yet in the innermost open container. A closed
    /// container was an element of its parent, so the parent is never empty after it.
    private var innermostIsEmpty = false
    /// A value's text before it is copied into the buffer.
    private var scratch: [UInt8] = []

    public init(baseIndent: Int) {
        self.baseIndent = baseIndent
        capacity = 4096
        buffer = .allocate(capacity: capacity)
    }

    deinit { buffer.deallocate() }

    /// What was written, as text.
    public var text: String { String(decoding: UnsafeBufferPointer(start: buffer, count: count), as: UTF8.self) }

    /// What was written, as UTF-8 bytes (each piece came from a String, so they are).
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: buffer, count: count)) }

    /// Appends text that is no part of a value (separators between values written alone).
    public mutating func appendRaw(_ text: StaticString) {
        append(text.utf8Start, text.utf8CodeUnitCount)
    }

    /// Appends the spaces of the base indentation: where a value written alone starts.
    public mutating func appendIndentation() {
        reserve(2 * baseIndent)
        (buffer + count).initialize(repeating: 0x20, count: 2 * baseIndent)
        count += 2 * baseIndent
    }

    public mutating func openObject() { open(UInt8(ascii: "{")) }

    public mutating func closeObject() { close(UInt8(ascii: "}")) }

    public mutating func openArray() { open(UInt8(ascii: "[")) }

    public mutating func closeArray() { close(UInt8(ascii: "]")) }

    /// Starts a member of the open object: `"name": `, on its own line.
    public mutating func key(_ name: StaticString) {
        element()
        reserve(name.utf8CodeUnitCount + 4)
        buffer[count] = UInt8(ascii: "\"")
        count += 1
        append(name.utf8Start, name.utf8CodeUnitCount)
        buffer[count] = UInt8(ascii: "\"")
        buffer[count + 1] = UInt8(ascii: ":")
        buffer[count + 2] = 0x20
        count += 3
    }

    /// Starts an item of the open array, on its own line.
    public mutating func element() {
        if innermostIsEmpty {
            innermostIsEmpty = false
        } else {
            reserve(1)
            buffer[count] = UInt8(ascii: ",")
            count += 1
        }
        newline(baseIndent + depth)
    }

    /// Quoted and escaped by `JSON.quote`, through a scratch array reused for every value.
    public mutating func string(_ value: String) {
        scratch.removeAll(keepingCapacity: true)
        JSON.quote(value, into: &scratch)
        appendScratch()
    }

    public mutating func int(_ value: Int) {
        scratch.removeAll(keepingCapacity: true)
        JSON.appendInteger(value, to: &scratch)
        appendScratch()
    }

    private mutating func appendScratch() {
        let text = scratch
        text.withUnsafeBufferPointer { append($0.baseAddress!, $0.count) }
    }

    public mutating func null() { appendRaw("null") }

    private mutating func open(_ bracket: UInt8) {
        reserve(1)
        buffer[count] = bracket
        count += 1
        depth += 1
        innermostIsEmpty = true
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if !innermostIsEmpty { newline(baseIndent + depth) }
        innermostIsEmpty = false
        reserve(1)
        buffer[count] = bracket
        count += 1
    }

    private mutating func newline(_ indent: Int) {
        reserve(1 + 2 * indent)
        buffer[count] = 0x0A
        (buffer + count + 1).initialize(repeating: 0x20, count: 2 * indent)
        count += 1 + 2 * indent
    }

    private mutating func append(_ bytes: UnsafePointer<UInt8>, _ length: Int) {
        reserve(length)
        (buffer + count).update(from: bytes, count: length)
        count += length
    }

    private mutating func reserve(_ more: Int) {
        guard count + more > capacity else { return }
        let grown = max(capacity * 2, count + more)
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        larger.update(from: buffer, count: count)
        buffer.deallocate()
        buffer = larger
        capacity = grown
    }
}
