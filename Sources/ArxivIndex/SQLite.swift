internal import CSQLite

/// What SQLite reported: the call's result code and its message.
public struct SQLiteError: Error, CustomStringConvertible {
    public let code: Int32
    public let message: String

    public var description: String { message }
}

/// One SQLite connection: statements run on the thread that owns it.
final class SQLiteConnection {
    private(set) var handle: OpaquePointer?

    init(path: String, readOnly: Bool = false) throws {
        let flags = readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        let status = sqlite3_open_v2(path, &handle, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard status == SQLITE_OK else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(handle)
            handle = nil
            throw SQLiteError(code: status, message: message)
        }
        sqlite3_busy_timeout(handle, 5000)
    }

    deinit { sqlite3_close_v2(handle) }

    func error(_ status: Int32) -> SQLiteError {
        SQLiteError(code: status, message: String(cString: sqlite3_errmsg(handle)))
    }

    /// Runs one or more statements that return no rows.
    func execute(_ sql: String) throws {
        let status = sqlite3_exec(handle, sql, nil, nil, nil)
        guard status == SQLITE_OK else { throw error(status) }
    }

    /// Rows the last INSERT, UPDATE or DELETE changed.
    var changes: Int { Int(sqlite3_changes(handle)) }

    func prepare(_ sql: String) throws -> SQLiteStatement {
        var statement: OpaquePointer?
        let status = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard status == SQLITE_OK, let statement else { throw error(status) }
        return SQLiteStatement(connection: self, handle: statement)
    }

    /// The first column of the first row, as text; nil for no row or NULL.
    func text(_ sql: String, _ arguments: String...) throws -> String? {
        let statement = try prepare(sql)
        for (index, argument) in arguments.enumerated() { statement.bind(index + 1, argument) }
        guard try statement.step() else { return nil }
        return statement.text(0)
    }

    /// The first column of the first row, as an integer (0 for no row).
    func integer(_ sql: String) throws -> Int {
        let statement = try prepare(sql)
        guard try statement.step() else { return 0 }
        return statement.integer(0)
    }
}

/// A prepared statement, reset before each use by `step`'s caller through `reset`.
final class SQLiteStatement {
    private let connection: SQLiteConnection
    private let handle: OpaquePointer
    /// SQLite copies the bytes a bind hands it.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    fileprivate init(connection: SQLiteConnection, handle: OpaquePointer) {
        self.connection = connection
        self.handle = handle
    }

    deinit { sqlite3_finalize(handle) }

    func bind(_ index: Int, _ text: String?) {
        guard let text else {
            sqlite3_bind_null(handle, Int32(index))
            return
        }
        var copy = text
        copy.withUTF8 { bytes in
            _ = sqlite3_bind_text(
                handle, Int32(index), bytes.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) },
                Int32(bytes.count), Self.transient)
        }
    }

    /// UTF-8 bytes; an empty array binds NULL when `emptyIsNull`.
    func bind(_ index: Int, bytes: [UInt8], emptyIsNull: Bool = true) {
        if bytes.isEmpty && emptyIsNull {
            sqlite3_bind_null(handle, Int32(index))
            return
        }
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { characters in
                _ = sqlite3_bind_text(handle, Int32(index), characters.baseAddress, Int32(characters.count), Self.transient)
            }
        }
    }

    func bind(_ index: Int, blob: UnsafeRawBufferPointer) {
        _ = sqlite3_bind_blob(handle, Int32(index), blob.baseAddress, Int32(blob.count), Self.transient)
    }

    func bind(_ index: Int, _ value: Int) { sqlite3_bind_int64(handle, Int32(index), Int64(value)) }

    func bind(_ index: Int, _ value: Double) { sqlite3_bind_double(handle, Int32(index), value) }

    /// True when a row is ready, false when the statement is done.
    @discardableResult
    func step() throws -> Bool {
        let status = sqlite3_step(handle)
        if status == SQLITE_ROW { return true }
        if status == SQLITE_DONE { return false }
        throw connection.error(status)
    }

    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    func text(_ column: Int) -> String? {
        guard let pointer = sqlite3_column_text(handle, Int32(column)) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, Int32(column)))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    /// The column's text as bytes, valid only inside `body`.
    func withBytes<Result>(_ column: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let pointer = sqlite3_column_text(handle, Int32(column))
        let count = Int(sqlite3_column_bytes(handle, Int32(column)))
        return body(UnsafeBufferPointer(start: pointer, count: pointer == nil ? 0 : count))
    }

    /// The column's blob, valid only inside `body`.
    func withBlob<Result>(_ column: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        let pointer = sqlite3_column_blob(handle, Int32(column))
        let count = Int(sqlite3_column_bytes(handle, Int32(column)))
        return body(UnsafeRawBufferPointer(start: pointer, count: pointer == nil ? 0 : count))
    }

    func integer(_ column: Int) -> Int { Int(sqlite3_column_int64(handle, Int32(column))) }

    func double(_ column: Int) -> Double { sqlite3_column_double(handle, Int32(column)) }
}
