import ArxivKit

extension ArxivIndex {
    /// The paper whose identifier (without version) is exactly `id`.
    func paper(exactID id: String) throws -> Paper? {
        try wrap {
            if exactLookup == nil { exactLookup = try connection.prepare("SELECT \(Self.columns) FROM papers WHERE id = ?") }
            let statement = exactLookup!
            defer { statement.reset() }
            statement.bind(1, id)
            return try statement.step() ? Self.paper(statement) : nil
        }
    }

    /// The newest new-style identifier (`2412.01234`): digits sort before the letters that
    /// start old-style ones, and within a month the written order is the numeric one.
    func newestNewStyleID() throws -> String? {
        try wrap { try connection.text("SELECT id FROM papers WHERE id < ':' ORDER BY id DESC LIMIT 1") }
    }

    /// Moves whenever another connection commits to the index.
    var dataVersion: Int {
        get throws { try wrap { try connection.integer("PRAGMA data_version") } }
    }

    /// Changes whenever what the index answers may change: every import batch and sync page
    /// writes its progress into `meta`.
    var fingerprint: String {
        get throws {
            try wrap {
                let statement = try connection.prepare("SELECT key, value FROM meta ORDER BY key")
                var parts = ["arxiv-index=" + path]
                while try statement.step() { parts.append((statement.text(0) ?? "") + "=" + (statement.text(1) ?? "")) }
                return parts.joined(separator: ";")
            }
        }
    }
}
