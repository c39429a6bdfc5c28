import GRDB
import GRDBSQLite

/// Runs a prepared INSERT with its values bound straight into SQLite, for the tens of thousands of rows
/// an import writes (codings and their audit entries), where GRDB's bookkeeping per execution and per
/// argument costs more than the insert itself. The statement is reset after each row.
enum BulkInsert {
    /// SQLite copies each bound text or blob before `bind` returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    static func run(_ statement: Statement, _ values: [DatabaseValue], in db: Database) throws {
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value.storage {
            case .null: code = sqlite3_bind_null(handle, index)
            case .int64(let number): code = sqlite3_bind_int64(handle, index, number)
            case .double(let number): code = sqlite3_bind_double(handle, index, number)
            case .string(let text):
                var text = text
                code = text.withUTF8 { bytes in
                    // An empty text is text, not NULL: SQLite needs a pointer for it all the same.
                    guard let start = bytes.baseAddress, !bytes.isEmpty else {
                        return sqlite3_bind_text(handle, index, "", 0, transient)
                    }
                    return start.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                        sqlite3_bind_text(handle, index, $0, Int32(bytes.count), transient)
                    }
                }
            case .blob(let data):
                code = data.withUnsafeBytes { bytes in
                    guard let start = bytes.baseAddress, !bytes.isEmpty else {
                        return sqlite3_bind_zeroblob(handle, index, 0)
                    }
                    return sqlite3_bind_blob(handle, index, start, Int32(bytes.count), transient)
                }
            }
            guard code == SQLITE_OK else { throw failure(code, db) }
        }
        let step = sqlite3_step(handle)
        guard step == SQLITE_DONE else { throw failure(step, db) }
    }

    private static func failure(_ code: Int32, _ db: Database) -> DatabaseError {
        DatabaseError(
            resultCode: ResultCode(rawValue: code),
            message: db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) })
    }
}
