// SqliteConnection: one SQLite connection with its cache of prepared
// statements, and Statement, a borrowed cached statement that binds values
// and reads columns.
//
// Every statement that carries a value is prepared once per connection
// (sqlite3_prepare_v3 with SQLITE_PREPARE_PERSISTENT) and its values bound,
// never spliced into SQL text. Every SQLite failure becomes a Status: kCorrupt
// when the file is not a database or is damaged, kStoreError otherwise, with
// SQLite's message and what was being done as the input.
//
// Each connection has foreign keys on, the busy timeout set, extended result
// codes, and a deterministic SQL function sitrep_fold(text) that folds case
// as store::FoldCase does.
//
// Thread-safety: a connection, and the statements borrowed from it, are used
// by one thread at a time (the store hands them out under a lock). At most
// one Statement per SQL text is alive at a time on a connection.
#ifndef SITREP_STORE_SQLITE_CONNECTION_H_
#define SITREP_STORE_SQLITE_CONNECTION_H_

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "sitrep/date.h"
#include "sitrep/status.h"

namespace sitrep::store {

class SqliteConnection;

class Statement {
 public:
  Statement(sqlite3_stmt* stmt, SqliteConnection* connection, std::string what);
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;
  ~Statement();  // resets the statement and clears its bindings for the next user

  // Parameters are 1-based positions, or names such as ":since".
  void Bind(int index, std::string_view text);
  void Bind(int index, int64_t value);
  void Bind(int index, double value);
  void BindNull(int index);
  // "YYYY-MM-DD", or NULL when the date is invalid.
  void Bind(int index, Date date);
  int Index(const char* name) const;  // 0 if the statement has no such parameter

  // Steps once: true with a row, false when done.
  Result<bool> Step();
  // Steps to the end of a statement that returns no rows.
  Status Run();

  bool IsNull(int column) const;
  std::string_view Text(int column) const;
  int64_t Int(int column) const;
  double Real(int column) const;
  // A date column; kCorrupt naming `field` ("events.date") and `row` (an
  // id) if it is neither NULL nor ISO.
  Result<Date> DateAt(int column, std::string_view field, std::string_view row) const;

  const std::string& what() const { return what_; }

 private:
  void Check(int rc);

  sqlite3_stmt* stmt_;
  SqliteConnection* connection_;
  std::string what_;
  int bind_error_ = SQLITE_OK;
};

class SqliteConnection {
 public:
  // Opens `path`: read-write (creating it) or read-only.
  // `mmap_bytes` of the file are memory-mapped (0 = none).
  static Result<std::unique_ptr<SqliteConnection>> Open(const std::string& path, bool read_only,
                                                        int busy_timeout_ms, int64_t mmap_bytes);
  ~SqliteConnection();
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  // The cached statement for `sql`, a constant text without values.
  // `what` says what it is for, for error messages.
  Result<Statement> Prepare(std::string_view sql, std::string what);
  // Runs a script of statements that carry no values (DDL, BEGIN, COMMIT).
  Status Exec(std::string_view script, std::string_view what);

  // The Status for SQLite result code `rc` while doing `what`.
  Status Error(int rc, std::string_view what) const;

  sqlite3* db() const { return db_; }
  const std::string& path() const { return path_; }

 private:
  SqliteConnection(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}

  sqlite3* db_;
  std::string path_;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

}  // namespace sitrep::store

#endif  // SITREP_STORE_SQLITE_CONNECTION_H_
